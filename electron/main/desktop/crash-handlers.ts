// What main does when something dies: the window's renderer is logged and reloaded (a blank window helps
// no one), a helper process is logged, and an uncaught error in main is logged and told to the user.
// A renderer that keeps dying is not reloaded forever: after a few crashes in a short time the user is told.
import type { Logger } from '../log/json-logger';

export interface GoneDetails {
  reason: string;
  exitCode: number;
}

/** The parts of a WebContents this needs. */
export interface WatchedContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: GoneDetails) => void): unknown;
  reload(): void;
}

export interface RendererWatchOptions {
  log: Logger;
  /** Tells the user (Electron's dialog.showErrorBox in the app). */
  tell(title: string, message: string): void;
  /** How many crashes within `windowMs` are reloaded; the next one is told instead. */
  maxReloads?: number;
  windowMs?: number;
  now?: () => number;
}

export function watchRenderer(contents: WatchedContents, options: RendererWatchOptions): void {
  const maxReloads = options.maxReloads ?? 3;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  let crashes: number[] = [];
  contents.on('render-process-gone', (_event, details) => {
    options.log.error('renderer.gone', { reason: details.reason, exitCode: details.exitCode });
    // A clean exit is the window closing, not a crash.
    if (details.reason === 'clean-exit') return;
    const at = now();
    crashes = [...crashes.filter((time) => at - time < windowMs), at];
    if (crashes.length > maxReloads) {
      options.log.error('renderer.reload_given_up', { crashes: crashes.length, windowMs });
      options.tell(
        'The window keeps closing unexpectedly',
        `It stopped ${crashes.length} times in a minute, so it was not reopened again. Your saved records are safe. Quit and start the app again; if it happens again, send the logs (Help → Open logs folder) to support.`,
      );
      return;
    }
    options.log.warn('renderer.reloading', { reason: details.reason });
    contents.reload();
  });
}

export interface ChildGoneDetails extends GoneDetails {
  type: string;
  name?: string;
}

export interface ProcessWatchParts {
  app: { on(event: 'child-process-gone', listener: (event: unknown, details: ChildGoneDetails) => void): unknown };
  process: {
    on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
    on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  };
  log: Logger;
  tell(title: string, message: string): void;
}

function describe(error: unknown): { message: string; stack?: string } {
  return error instanceof Error ? { message: error.message, ...(error.stack ? { stack: error.stack } : {}) } : { message: String(error) };
}

export function watchMainProcess(parts: ProcessWatchParts): void {
  parts.app.on('child-process-gone', (_event, details) => {
    // The GPU or a utility process: Chromium restarts it; the log says it happened.
    parts.log.error('child_process.gone', { type: details.type, reason: details.reason, exitCode: details.exitCode, name: details.name });
  });
  parts.process.on('uncaughtException', (error) => {
    parts.log.error('main.uncaught_exception', describe(error));
    parts.tell(
      'Something went wrong in the app',
      `${describe(error).message}\n\nYour saved records are safe. If something on screen looks wrong, quit and start the app again. The details are in the log (Help → Open logs folder).`,
    );
  });
  parts.process.on('unhandledRejection', (reason) => {
    // Logged, not shown: an unawaited promise that failed has already been reported where it ran, if anywhere.
    parts.log.error('main.unhandled_rejection', describe(reason));
  });
}
