import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_PREVIEW_CHANNEL, IMPORT_RUN_CHANNEL, type ImportPreviewResult, type ImportResult } from '../../shared/app-channels';
import { saveDialogStandIn, type SaveDialogStandIn } from '../support/save-dialog-stand-in';
import { startRealBridge, type RealBridge } from '../support/real-bridge';

// The import through the real handlers and backend; the native open dialog is the stand-in.
let real: RealBridge;
let dialogs: SaveDialogStandIn;
const call = <T>(channel: string) => real.call<T>(channel, {});

beforeAll(async () => {
  dialogs = saveDialogStandIn();
  real = await startRealBridge(() => ({ saveDialog: dialogs }));
});

afterAll(() => real?.stop());

describe('importing students through main', () => {
  it('refuses to import before a file was chosen and previewed', async () => {
    const result = await real.bridge.invoke(IMPORT_RUN_CHANNEL, {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'import.nothing_chosen', details: { field: 'file', rule: 'previewed_first' } });
  });

  it('does nothing when the open dialog is cancelled', async () => {
    dialogs.openAnswer = undefined;
    expect(await call<ImportPreviewResult>(IMPORT_PREVIEW_CHANNEL)).toEqual({ chosen: false });
  });

  it('previews the file main chose, then imports that file once', async () => {
    const file = join(real.dataDir, 'students.csv');
    await writeFile(file, 'Last name,First name,DOB\nOkafor,Amara,2008-03-15\nChen,Liam,2005-02-31\n');
    dialogs.openAnswer = file;
    const shown = await call<ImportPreviewResult>(IMPORT_PREVIEW_CHANNEL);
    expect(real.bridge.validator.validateResponse(IMPORT_PREVIEW_CHANNEL, shown)).toEqual({ valid: true });
    if (!shown.chosen) throw new Error('not chosen');
    expect(shown.preview).toMatchObject({ rows_total: 2, rows_valid: 1, rows_with_problems: 1, problems: [{ row: 3, field: 'date_of_birth' }] });

    const done = await call<ImportResult>(IMPORT_RUN_CHANNEL);
    expect(real.bridge.validator.validateResponse(IMPORT_RUN_CHANNEL, done)).toEqual({ valid: true });
    expect(done).toMatchObject({ imported: 1, already_on_file: 0, problems_total: 1 });
    // The previewed file is used once: a second "import" asks for a file again.
    const again = await real.bridge.invoke(IMPORT_RUN_CHANNEL, {});
    expect(again.ok).toBe(false);
  });
});
