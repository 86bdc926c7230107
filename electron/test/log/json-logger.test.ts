import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../main/log/json-logger';

const fileText = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');

describe('createJsonLogger', () => {
  it('writes one JSON object per line, with fields rather than sentences, to the stream and the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'odsm-log-'));
    const lines: string[] = [];
    const log = createJsonLogger({ write: (l) => lines.push(l), file: join(dir, 'main.log'), level: 'info' });
    log.debug('ipc.backend', { hidden: true });
    log.info('ipc.call', { channel: 'db:students:list', requestId: 'r1', ms: 3.2, status: 200 });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    const parsed = JSON.parse(lines[0]!);
    expect(parsed).toMatchObject({ level: 'info', event: 'ipc.call', channel: 'db:students:list', requestId: 'r1', ms: 3.2, status: 200 });
    expect(Number.isNaN(Date.parse(parsed.ts))).toBe(false);
    await log.close();
    expect(await readFile(join(dir, 'main.log'), 'utf8')).toBe(lines[0]);
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the file later, not on the caller’s turn of the event loop', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'odsm-log-'));
    const file = join(dir, 'main.log');
    const log = createJsonLogger({ write: () => {}, file });
    log.info('ipc.call', { requestId: 'r2' });
    expect(fileText(file)).toBe('');
    await expect.poll(() => fileText(file)).toContain('"requestId":"r2"');
    await log.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('rotates the file past its size and keeps only so many old ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'odsm-log-'));
    const log = createJsonLogger({ write: () => {}, file: join(dir, 'main.log'), rotateBytes: 2048, keepFiles: 2 });
    const padding = 'x'.repeat(200);
    for (let i = 0; i < 200; i += 1) {
      log.info('ipc.call', { i, padding });
      // Rotation is checked as writes land; give the stream a turn now and then, as real calls do.
      if (i % 10 === 0) await new Promise((done) => setTimeout(done, 5));
    }
    await log.close();
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['main.log', 'main.log.1', 'main.log.2']);
    for (const name of files) expect(readFileSync(join(dir, name)).length).toBeLessThan(2048 + 400);
    // Oldest file first, every line whole, in order and with none missing up to the newest.
    const kept = ['main.log.2', 'main.log.1', 'main.log']
      .flatMap((name) => fileText(join(dir, name)).split('\n'))
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { i: number }).i);
    expect(kept.at(-1)).toBe(199);
    expect(kept).toEqual(kept.map((_, index) => 199 - (kept.length - 1) + index));
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps logging to stderr when the file cannot be written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'odsm-log-'));
    const notADir = join(dir, 'file');
    writeFileSync(notADir, '');
    const lines: string[] = [];
    const log = createJsonLogger({ write: (l) => lines.push(l), file: join(notADir, 'main.log') });
    log.info('first');
    await new Promise((done) => setTimeout(done, 50));
    log.info('second');
    expect(lines).toHaveLength(2);
    await log.close();
    await rm(dir, { recursive: true, force: true });
  });
});
