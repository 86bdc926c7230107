#!/usr/bin/env bash
# Runs a command against a PostgreSQL server: starts this machine's cluster when it does not answer.
# With CI=true a server that cannot be reached fails the run; on a laptop without PostgreSQL the
# command is skipped and this says so plainly (exit 0), so the SQLite half still counts.
#   scripts/with-postgres.sh make-or-pytest-command...
# ODSM_TEST_PG_URL names the server (an administrative login that may create databases).
set -euo pipefail

url="${ODSM_TEST_PG_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/postgres}"
hostport="${url#*@}"; hostport="${hostport%%/*}"
host="${hostport%%:*}"; port="${hostport##*:}"; [ "$port" = "$hostport" ] && port=5432

answers() { pg_isready -q -h "$host" -p "$port" -t 3 2>/dev/null; }

if ! command -v pg_isready >/dev/null 2>&1; then
  answers() { (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; }
fi

if ! answers && [[ "$host" =~ ^(127\.0\.0\.1|localhost)$ ]] && [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null 2>&1; then
  for version in $(ls /etc/postgresql); do
    echo "with-postgres: PostgreSQL at $host:$port does not answer; starting cluster $version/main" >&2
    pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || true
  done
  for _ in $(seq 1 30); do answers && break; sleep 1; done
fi

if ! answers; then
  if [ "${CI:-}" = "true" ]; then
    echo "with-postgres: FAILED: no PostgreSQL server at $host:$port, and CI needs the PostgreSQL half" >&2
    exit 1
  fi
  echo "with-postgres: SKIPPED the PostgreSQL half: no PostgreSQL server at $host:$port" \
       "(install one, or set ODSM_TEST_PG_URL; CI=true makes this a failure)" >&2
  exit 0
fi

export ODSM_TEST_ENGINE=postgresql ODSM_TEST_PG_URL="$url"
exec "$@"
