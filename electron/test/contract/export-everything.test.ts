import { execFileSync } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_ALL_CHANNEL, type ExportAllResult } from '../../shared/app-channels';
import { startRealBridge, type RealBridge } from '../support/real-bridge';
import { saveDialogStandIn } from '../support/save-dialog-stand-in';
import { newStudentBody } from './channel-samples';

// Export everything through the real handlers and backend; the save dialog answers a folder of the test's.
let real: RealBridge;
let saved: string;

beforeAll(async () => {
  real = await startRealBridge((dir) => {
    saved = join(dir, 'usb');
    return { saveDialog: saveDialogStandIn(saved) };
  });
  await mkdir(saved);
});

afterAll(() => real?.stop());

describe('exporting everything', () => {
  it('saves one zip where the user picked, whose manifest counts the rows', async () => {
    await real.call('db:students:create', { body: { ...newStudentBody(), first_name: 'Zoë' } });
    const result = await real.call<ExportAllResult>(EXPORT_ALL_CHANNEL);
    expect(real.bridge.validator.validateResponse(EXPORT_ALL_CHANNEL, result)).toEqual({ valid: true });
    if (!result.saved) throw new Error('not saved');
    expect(await readdir(saved)).toEqual([expect.stringMatching(/^odsm-export-\d{4}-\d{2}-\d{2}\.zip$/)]);
    // Read back with another program's zip reader: Python's, the manifest's student count.
    const students = execFileSync('python3', [
      '-c',
      'import json,sys,zipfile; m=json.loads(zipfile.ZipFile(sys.argv[1]).read("manifest.json")); print(next(t["rows"] for t in m["tables"] if t["name"]=="students"))',
      result.path,
    ]).toString().trim();
    expect(students).toBe('1');
    expect(result.rows).toBeGreaterThan(1);
  });
});
