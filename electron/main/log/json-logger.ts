// Main's log: one JSON object a line, to stderr and to a file, rotated by size like the backend's: main.log,
// main.log.1, ... Each line is built once and queued; once per turn of the event loop the queue goes out as
// one write to stderr and a few to the file (never on the IPC call's own turn), so a burst of calls costs a
// few writes, not a synchronous stderr write and a file write apiece. An error line goes out at once.
import { basename, dirname } from 'node:path';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

/** Events carry fields, not sentences: log.info('ipc.call', { channel, requestId, ms }). */
export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export interface JsonLoggerOptions {
  level?: LogLevel;
  /** Where lines go, each as it is logged; defaults to process.stderr, written once a turn in a batch. */
  write?: (line: string) => void;
  /** Also append every line to this file, rotated by size. */
  file?: string;
  /** Rotate the file past this many bytes (5 MB), keeping this many old files (5). */
  rotateBytes?: number;
  keepFiles?: number;
}

export interface FileLogger extends Logger {
  /** Writes what is queued and closes the file (at quit). */
  close(): Promise<void>;
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createJsonLogger(options: JsonLoggerOptions = {}): FileLogger {
  const min = rank[options.level ?? 'info'];
  const write = options.write;
  const toStderr = write === undefined;
  const file = options.file ? openLogFile(options.file, options.rotateBytes ?? 5 * 1024 * 1024, options.keepFiles ?? 5) : undefined;
  let queued: string[] = [];
  let scheduled: NodeJS.Immediate | undefined;
  const flush = (): void => {
    if (scheduled !== undefined) clearImmediate(scheduled);
    scheduled = undefined;
    if (queued.length === 0) return;
    const lines = queued;
    queued = [];
    if (toStderr) process.stderr.write(lines.join(''));
    file?.writeLines(lines);
  };
  const emit = (level: LogLevel, event: string, fields?: LogFields): void => {
    if (rank[level] < min) return;
    const line = `${JSON.stringify({ ts: new Date().toISOString(), level, event, ...fields })}\n`;
    write?.(line);
    if (!toStderr && file === undefined) return;
    queued.push(line);
    if (level === 'error') flush();
    else scheduled ??= setImmediate(flush);
  };
  return {
    debug: (event, fields) => emit('debug', event, fields),
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
    close: () => {
      flush();
      return file?.close() ?? Promise.resolve();
    },
  };
}

interface LogFile {
  /** Joined into a few chunks: rotation is checked after each, so a file overshoots its size by one chunk at most. */
  writeLines(lines: string[]): void;
  close(): Promise<void>;
}

function openLogFile(path: string, rotateBytes: number, keepFiles: number): LogFile {
  let broken = false;
  const stream: RotatingFileStream = createStream(basename(path), { path: dirname(path), size: `${Math.max(1, Math.round(rotateBytes / 1024))}K`, rotate: keepFiles });
  stream.on('error', (error) => {
    // A full disk or a missing log dir must never break an IPC call; stderr still has every line.
    if (!broken) process.stderr.write(`main log file unavailable: ${String(error)}\n`);
    broken = true;
  });
  const chunkBytes = Math.max(1, Math.min(64 * 1024, Math.floor(rotateBytes / 8)));
  return {
    writeLines: (lines) => {
      if (broken) return;
      let chunk = '';
      for (const line of lines) {
        if (chunk.length > 0 && chunk.length + line.length > chunkBytes) {
          stream.write(chunk);
          chunk = '';
        }
        chunk += line;
      }
      if (chunk.length > 0) stream.write(chunk);
    },
    close: () =>
      new Promise<void>((done) => {
        if (broken || stream.writableEnded) return done();
        stream.end(() => done());
      }),
  };
}

/** For tests and callers that want silence. */
export const silentLogger: FileLogger = { debug() {}, info() {}, warn() {}, error() {}, close: () => Promise.resolve() };
