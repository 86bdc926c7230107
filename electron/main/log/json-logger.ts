import { appendFileSync } from 'node:fs';

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
  /** Where lines go; defaults to process.stderr. */
  write?: (line: string) => void;
  /** Also append every line to this file. */
  file?: string;
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createJsonLogger(options: JsonLoggerOptions = {}): Logger {
  const min = rank[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const emit = (level: LogLevel, event: string, fields: LogFields = {}): void => {
    if (rank[level] < min) return;
    const line = `${JSON.stringify({ ts: new Date().toISOString(), level, event, ...fields })}\n`;
    write(line);
    if (options.file) {
      try {
        appendFileSync(options.file, line);
      } catch {
        // A full disk or a missing log dir must never break an IPC call; stderr still has the line.
      }
    }
  };
  return {
    debug: (event, fields) => emit('debug', event, fields),
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  };
}

/** For tests and callers that want silence. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
