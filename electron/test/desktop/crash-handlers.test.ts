import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { watchMainProcess, watchRenderer } from '../../main/desktop/crash-handlers';
import type { LogFields, Logger } from '../../main/log/json-logger';

function recordingLogger() {
  const lines: { level: string; event: string; fields?: LogFields }[] = [];
  const at = (level: string) => (event: string, fields?: LogFields) => void lines.push({ level, event, ...(fields ? { fields } : {}) });
  const log: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { log, lines };
}

function contents() {
  const emitter = new EventEmitter();
  let reloads = 0;
  return Object.assign(emitter, {
    reload: () => void (reloads += 1),
    reloads: () => reloads,
  });
}

describe('renderer crash', () => {
  it('is logged and the window reloaded', () => {
    const { log, lines } = recordingLogger();
    const told: string[] = [];
    const web = contents();
    watchRenderer(web, { log, tell: (title) => told.push(title) });
    web.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(web.reloads()).toBe(1);
    expect(lines.map((line) => line.event)).toEqual(['renderer.gone', 'renderer.reloading']);
    expect(lines[0]?.fields).toEqual({ reason: 'crashed', exitCode: 139 });
    expect(told).toEqual([]);
  });

  it('does not reload a window that closed cleanly', () => {
    const { log } = recordingLogger();
    const web = contents();
    watchRenderer(web, { log, tell: () => {} });
    web.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(web.reloads()).toBe(0);
  });

  it('gives up after too many crashes in a minute and tells the user, but forgives old ones', () => {
    const { log, lines } = recordingLogger();
    const told: string[] = [];
    const web = contents();
    let clock = 0;
    watchRenderer(web, { log, tell: (title) => told.push(title), maxReloads: 3, windowMs: 60_000, now: () => clock });
    for (let i = 0; i < 3; i += 1) {
      web.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
      clock += 1_000;
    }
    expect(web.reloads()).toBe(3);
    web.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    expect(web.reloads()).toBe(3);
    expect(told).toEqual(['The window keeps closing unexpectedly']);
    expect(lines.some((line) => line.event === 'renderer.reload_given_up')).toBe(true);

    clock += 120_000;
    web.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    expect(web.reloads()).toBe(4);
  });
});

describe('main process', () => {
  function parts() {
    const { log, lines } = recordingLogger();
    const told: { title: string; message: string }[] = [];
    const app = new EventEmitter();
    const proc = new EventEmitter();
    watchMainProcess({ app, process: proc, log, tell: (title, message) => told.push({ title, message }) });
    return { app, proc, lines, told };
  }

  it('logs a helper process that died', () => {
    const { app, lines, told } = parts();
    app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 9 });
    expect(lines).toEqual([{ level: 'error', event: 'child_process.gone', fields: { type: 'GPU', reason: 'crashed', exitCode: 9, name: undefined } }]);
    expect(told).toEqual([]);
  });

  it('logs an uncaught exception with its stack and tells the user', () => {
    const { proc, lines, told } = parts();
    proc.emit('uncaughtException', new Error('disk went away'));
    expect(lines[0]?.event).toBe('main.uncaught_exception');
    expect(lines[0]?.fields?.message).toBe('disk went away');
    expect(String(lines[0]?.fields?.stack)).toContain('crash-handlers.test.ts');
    expect(told).toHaveLength(1);
    expect(told[0]?.message).toContain('disk went away');
    expect(told[0]?.message).toContain('saved records are safe');
  });

  it('logs an unhandled rejection without interrupting the user', () => {
    const { proc, lines, told } = parts();
    proc.emit('unhandledRejection', 'socket closed');
    expect(lines).toEqual([{ level: 'error', event: 'main.unhandled_rejection', fields: { message: 'socket closed' } }]);
    expect(told).toEqual([]);
  });
});
