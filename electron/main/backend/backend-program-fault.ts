import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { BackendCommand } from './backend-command';

/**
 * The backend's program itself is at fault, not the school's data: it is missing, may not be run, or died
 * the moment it started without a word. On a school's computer the usual cause is an antivirus that
 * quarantined the frozen backend (the error rotki's users report most), so the message names the file
 * and says what to do. A restart cannot fix any of these.
 */
export interface ProgramFault {
  reason: 'missing' | 'not_permitted' | 'silent_exit';
  /** The executable, as the app tried to run it. */
  file: string;
  /** One plain paragraph for the window's banner. */
  message: string;
}

const NOT_PERMITTED = new Set(['EACCES', 'EPERM']);

function advice(command: BackendCommand): string {
  switch (command.source) {
    case 'packaged':
      return 'Your antivirus may have quarantined it; restore it from the quarantine, or reinstall the app.';
    case 'dev-venv':
      return 'Run `make setup` to build the development environment again.';
    case 'env':
      return 'Check the path in ODSM_BACKEND_COMMAND.';
  }
}

function fault(reason: ProgramFault['reason'], command: BackendCommand): ProgramFault {
  const file = command.command;
  const what = {
    missing: `The database service's program is missing: ${file}.`,
    not_permitted: `The database service's program may not be run: ${file} (permission denied).`,
    silent_exit: `The database service's program stopped as soon as it started, without saying why: ${file}.`,
  }[reason];
  return { reason, file, message: `${what} ${advice(command)}` };
}

/** Spawning failed: ENOENT is a missing file, EACCES or EPERM one that may not be run (quarantine, no execute bit). */
export function faultOfSpawnError(command: BackendCommand, error: NodeJS.ErrnoException): ProgramFault | undefined {
  if (error.code === 'ENOENT') return fault('missing', command);
  if (error.code && NOT_PERMITTED.has(error.code)) return fault('not_permitted', command);
  return undefined;
}

/**
 * The process exited before it was ready. Our backend always says why it stops (a start-up fault's
 * `odsm:` line, a traceback), so an exit with no output at all means something else ended it: the file
 * was taken away while it started, or something stopped it at once. A process ended by a signal (the
 * OOM killer, someone's kill) is left to the restarts, unless its file is gone.
 */
export function faultOfSilentExit(command: BackendCommand, printedAnything: boolean, signal: NodeJS.Signals | null): ProgramFault | undefined {
  if (printedAnything) return undefined;
  // Only a path can be looked at; a bare name is found on PATH by the OS.
  if (isAbsolute(command.command) && !existsSync(command.command)) return fault('missing', command);
  return signal === null ? fault('silent_exit', command) : undefined;
}
