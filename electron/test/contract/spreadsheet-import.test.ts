import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IMPORT_CHOOSE_CHANNEL,
  IMPORT_PREVIEW_CHANNEL,
  IMPORT_PROGRESS_CHANNEL,
  IMPORT_REMAP_CHANNEL,
  IMPORT_RUN_CHANNEL,
  IMPORT_START_CHANNEL,
  type ImportKind,
  type ImportPreview,
  type ImportPreviewResult,
  type ImportProgress,
  type ImportResult,
} from '../../shared/app-channels';
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

describe('the mapping, instructors and vehicles, a changed file and progress, through main', () => {
  const choose = async (kind: ImportKind, file: string) => {
    dialogs.openAnswer = file;
    const shown = await real.call<ImportPreviewResult>(IMPORT_CHOOSE_CHANNEL, { kind });
    expect(real.bridge.validator.validateResponse(IMPORT_CHOOSE_CHANNEL, shown)).toEqual({ valid: true });
    if (!shown.chosen) throw new Error('not chosen');
    return shown.preview;
  };

  it('previews again with the mapping chosen, and imports with that mapping', async () => {
    const file = join(real.dataDir, 'odd-headings.csv');
    await writeFile(file, 'Given,Family,Born on,Secret\nNadia,Haddad,2007-05-06,keep out\n');
    const guessed = await choose('students', file);
    expect(guessed.missing_fields).toEqual(['first_name', 'last_name', 'date_of_birth']);

    const mapping = ['first_name', 'last_name', 'date_of_birth', null];
    const remapped = await real.call<ImportPreview>(IMPORT_REMAP_CHANNEL, { mapping });
    expect(real.bridge.validator.validateResponse(IMPORT_REMAP_CHANNEL, remapped)).toEqual({ valid: true });
    expect(remapped).toMatchObject({ missing_fields: [], rows_valid: 1 });
    expect(remapped.columns.map((c) => c.field)).toEqual(mapping);

    const done = await real.call<ImportResult>(IMPORT_START_CHANNEL);
    expect(done).toMatchObject({ kind: 'students', imported: 1, problems_total: 0 });
    const found = expectOkData(await real.bridge.invoke<{ items: { first_name: string; notes: string | null }[] }>('db:students:list', { q: 'Haddad' }));
    expect(found.items.map((s) => [s.first_name, s.notes])).toEqual([['Nadia', null]]);
  });

  it('refuses a mapping the bridge can see is malformed, before the backend', async () => {
    const result = await real.bridge.invoke(IMPORT_REMAP_CHANNEL, { mapping: ['First Name; DROP'] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('validation_failed');
  });

  it('imports instructors, and the second time adds nobody', async () => {
    const file = join(real.dataDir, 'instructors.csv');
    await writeFile(file, 'First Name,Last Name,DI Licence #,DI Licence Expiry\nGrace,Hopper,DI-1001,2029-03-31\nAlan,Turing,,2030-03-31\n');
    const shown = await choose('instructors', file);
    expect(shown.problems.map((p) => [p.row, p.field, p.rule])).toEqual([[3, 'di_licence_number', 'missing']]);
    expect(await real.call<ImportResult>(IMPORT_START_CHANNEL)).toMatchObject({ kind: 'instructors', imported: 1, problems_total: 1 });
    await choose('instructors', file);
    expect(await real.call<ImportResult>(IMPORT_START_CHANNEL)).toMatchObject({ imported: 0, already_on_file: 1 });
  });

  it('refuses, by name, a file changed since its preview, and imports nothing', async () => {
    const file = join(real.dataDir, 'fleet.csv');
    const headings = 'Plate,VIN,Make,Model,Year,Transmission,Insurance,Safety\n';
    await writeFile(file, `${headings}CFRX 101,2T1BU4EE000000001,Toyota,Corolla,2022,automatic,2030-01-01,2030-01-01\n`);
    await choose('vehicles', file);
    await writeFile(file, `${headings}CFRX 999,2T1BU4EE000000009,Toyota,Corolla,2022,automatic,2030-01-01,2030-01-01\n`);
    const refused = await real.bridge.invoke(IMPORT_START_CHANNEL, {});
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error).toMatchObject({ code: 'import.file_changed', details: { field: 'file', rule: 'unchanged_since_preview', file: 'fleet.csv' } });
      expect(refused.error.message).toContain('fleet.csv');
    }
    const vehicles = expectOkData(await real.bridge.invoke<{ total: number }>('db:vehicles:list', {}));
    expect(vehicles.total).toBe(0);
  });

  it('answers how far a running import has got, and idle otherwise', async () => {
    expect(await real.call<ImportProgress>(IMPORT_PROGRESS_CHANNEL)).toEqual({ running: false, phase: 'idle', done: 0, total: 0 });
    const rows = Array.from({ length: 3000 }, (_, i) => `Given${i},Family${String(i).padStart(5, '0')},2001-01-01`);
    const file = join(real.dataDir, 'many.csv');
    await writeFile(file, `First,Last,DOB\n${rows.join('\n')}\n`);
    await choose('students', file);
    const steps: ImportProgress[] = [];
    let finished = false;
    const run = real.call<ImportResult>(IMPORT_START_CHANNEL).finally(() => {
      finished = true;
    });
    while (!finished) {
      const step = await real.call<ImportProgress>(IMPORT_PROGRESS_CHANNEL);
      expect(real.bridge.validator.validateResponse(IMPORT_PROGRESS_CHANNEL, step)).toEqual({ valid: true });
      steps.push(step);
    }
    expect((await run).imported).toBe(3000);
    const counted = steps.filter((s) => s.running && s.total === 3000);
    expect(counted.length).toBeGreaterThan(0);
    expect(counted.every((s) => s.done <= s.total && ['checking', 'saving', 'done'].includes(s.phase))).toBe(true);
    expect(await real.call<ImportProgress>(IMPORT_PROGRESS_CHANNEL)).toMatchObject({ running: false, phase: 'idle' });
  });
});

function expectOkData<T>(result: { ok: true; data: T } | { ok: false }): T {
  if (!result.ok) throw new Error('expected ok');
  return result.data;
}
