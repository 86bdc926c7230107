import { join } from 'node:path';
import type { BackendConnection } from '../bridge/http-transport';

export interface BackendCommand {
  command: string;
  args: string[];
  /** What picked it, for logs and error messages. */
  source: 'env' | 'dev-venv' | 'packaged';
}

export interface CommandContext {
  /** The repository root in dev (where .venv lives). */
  appRoot: string;
  /** app.isPackaged. */
  packaged: boolean;
  /** process.resourcesPath, when packaged. */
  resourcesPath?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

/** ODSM_BACKEND_COMMAND (an executable path) > frozen binary when packaged > the dev venv's python -m odsm. */
export function pickBackendCommand(ctx: CommandContext): BackendCommand {
  const env = ctx.env ?? process.env;
  const windows = (ctx.platform ?? process.platform) === 'win32';
  const override = env.ODSM_BACKEND_COMMAND?.trim();
  if (override) return { command: override, args: [], source: 'env' };
  if (ctx.packaged) {
    if (!ctx.resourcesPath) throw new Error('resourcesPath is required for a packaged app');
    const exe = windows ? 'odsm-backend.exe' : 'odsm-backend';
    return { command: join(ctx.resourcesPath, 'backend', 'odsm-backend', exe), args: [], source: 'packaged' };
  }
  const python = windows ? join(ctx.appRoot, '.venv', 'Scripts', 'python.exe') : join(ctx.appRoot, '.venv', 'bin', 'python');
  return { command: python, args: ['-m', 'odsm'], source: 'dev-venv' };
}

/**
 * `make dev` runs the backend itself (uvicorn --reload); the app then attaches instead of spawning:
 * ODSM_BACKEND_UDS=/path/backend.sock or ODSM_BACKEND_URL=http://127.0.0.1:PORT, plus ODSM_API_SECRET.
 */
export function attachTarget(env: NodeJS.ProcessEnv = process.env): BackendConnection | undefined {
  const secret = env.ODSM_API_SECRET;
  if (!secret) return undefined;
  if (env.ODSM_BACKEND_UDS) return { endpoint: { socketPath: env.ODSM_BACKEND_UDS }, secret };
  if (env.ODSM_BACKEND_URL) {
    const url = new URL(env.ODSM_BACKEND_URL);
    if (url.protocol !== 'http:') throw new Error(`ODSM_BACKEND_URL must be http://host:port, got ${url.protocol}`);
    return { endpoint: { host: url.hostname, port: Number(url.port || 80) }, secret };
  }
  return undefined;
}

/**
 * Variables that point the app at another program (ODSM_BACKEND_COMMAND), another backend
 * (ODSM_BACKEND_URL, ODSM_BACKEND_UDS: every record would go there) or another page
 * (ELECTRON_RENDERER_URL). `make dev`, the tests and the frozen contract run need them; a school's
 * installed app must not obey whoever can set its environment.
 */
export const DEVELOPMENT_OVERRIDES = ['ODSM_BACKEND_COMMAND', 'ODSM_BACKEND_URL', 'ODSM_BACKEND_UDS', 'ELECTRON_RENDERER_URL'] as const;

export interface TrustedEnvironment {
  /** The environment main may act on. */
  env: NodeJS.ProcessEnv;
  /** Overrides that were set but dropped, for the log. */
  ignored: string[];
}

/** The environment without the development overrides when packaged (app.isPackaged); unchanged otherwise. */
export function trustedEnvironment(isPackaged: boolean, env: NodeJS.ProcessEnv): TrustedEnvironment {
  if (!isPackaged) return { env, ignored: [] };
  const kept = { ...env };
  const ignored: string[] = [];
  for (const name of DEVELOPMENT_OVERRIDES) {
    if (kept[name]) ignored.push(name);
    delete kept[name];
  }
  return { env: kept, ignored };
}
