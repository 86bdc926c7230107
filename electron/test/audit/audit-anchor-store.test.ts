import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileAnchorStore } from '../../main/audit/audit-anchor-store';

let dir: string;
const HASH = 'ab'.repeat(32);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'odsm-anchor-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the file that keeps the audit chain head', () => {
  it('has no anchor before the first write', async () => {
    expect(await createFileAnchorStore(join(dir, 'audit-anchor.json')).read()).toBeUndefined();
  });

  it('reads back what it wrote, replaced whole, with no temp file left behind', async () => {
    const store = createFileAnchorStore(join(dir, 'audit-anchor.json'));
    await store.write({ entryId: 7, entryHash: HASH });
    await store.write({ entryId: 9, entryHash: HASH });
    expect(await store.read()).toEqual({ entryId: 9, entryHash: HASH });
    expect(await readdir(dir)).toEqual(['audit-anchor.json']);
  });

  it('treats a damaged or foreign file as no anchor, rather than trusting it', async () => {
    const file = join(dir, 'audit-anchor.json');
    const store = createFileAnchorStore(file);
    for (const text of ['{"entry_id": 3', '{"entry_id": 0, "entry_hash": "' + HASH + '"}', '{"entry_id": 3, "entry_hash": "xyz"}']) {
      await writeFile(file, text);
      expect(await store.read()).toBeUndefined();
    }
  });

  it('fails loudly when the directory cannot be written', async () => {
    const store = createFileAnchorStore(join(dir, 'missing', 'audit-anchor.json'));
    await expect(store.write({ entryId: 1, entryHash: HASH })).rejects.toThrow();
  });
});
