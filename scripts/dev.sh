#!/usr/bin/env bash
# `make dev`: the backend under uvicorn --reload on a private Unix socket, plus electron-vite dev
# attached to it. Where the Electron binary is missing, it says so and opens `make preview` instead.
set -euo pipefail
cd "$(dirname "$0")/.."

export ODSM_DATA_DIR="${ODSM_DATA_DIR:-$PWD/.odsm-data/dev}"
mkdir -p "$ODSM_DATA_DIR"

# Read electron's path.txt rather than require('electron'), which starts a download when the binary is missing.
electron_bin=""
if [ -f node_modules/electron/path.txt ]; then electron_bin="node_modules/electron/dist/$(cat node_modules/electron/path.txt)"; fi
if [ -z "$electron_bin" ] || [ ! -x "$electron_bin" ]; then
  cat >&2 <<'MSG'
------------------------------------------------------------------------------------------
The Electron binary is not installed on this machine (it could not be downloaded), so
`make dev` cannot open the desktop window. Opening `make preview` instead: the same
renderer, preload and bridge, in Chromium, against a real backend and SQLite file.
------------------------------------------------------------------------------------------
MSG
  exec make preview
fi

sock_dir="$(mktemp -d -t odsm-dev-XXXXXX)"   # mktemp -d makes it 0700
chmod 700 "$sock_dir"
export ODSM_API_SECRET="$(node -e "console.log(require('crypto').randomBytes(32).toString('hex'))")"
export ODSM_BACKEND_UDS="$sock_dir/backend.sock"
export ODSM_LOG_LEVEL="${ODSM_LOG_LEVEL:-debug}"

cleanup() { kill "${backend_pid:-}" 2>/dev/null || true; rm -rf "$sock_dir"; }
trap cleanup EXIT INT TERM

.venv/bin/uvicorn --factory odsm.dev:app --reload --reload-dir backend/odsm \
  --uds "$ODSM_BACKEND_UDS" --log-level warning &
backend_pid=$!

echo "backend: uvicorn --reload on $ODSM_BACKEND_UDS (data: $ODSM_DATA_DIR)"
npm run dev
