import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../main/log/json-logger';

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
    expect(await readFile(join(dir, 'main.log'), 'utf8')).toBe(lines[0]);
    await rm(dir, { recursive: true, force: true });
  });
});
