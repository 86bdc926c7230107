import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDocuments, waitForLayout, type DocumentRenderer } from '../../main/documents/documents';
import { silentLogger } from '../../main/log/json-logger';
import { documentHash, parseDocumentHash } from '../../shared/documents';
import { saveDialogStandIn } from '../support/save-dialog-stand-in';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const renderer: DocumentRenderer = { pdf: () => Promise.resolve(new TextEncoder().encode('%PDF-1.4 test')), print: () => Promise.resolve(true) };

describe('the print route', () => {
  it('names a document by kind, record and paper, and reads it back', () => {
    const hash = documentHash({ kind: 'inspector-packet', id: 42 });
    expect(hash).toBe('#print/inspector-packet/42/letter');
    expect(parseDocumentHash(hash)).toEqual({ kind: 'inspector-packet', id: 42, paper: 'letter' });
    expect(parseDocumentHash('#print/progress-report/7/a4')).toEqual({ kind: 'progress-report', id: 7, paper: 'a4' });
  });

  it('names the money documents by their own record: the invoice, the payment, the student', () => {
    expect(parseDocumentHash('#print/invoice/12/letter')).toEqual({ kind: 'invoice', id: 12, paper: 'letter' });
    expect(parseDocumentHash('#print/receipt/5/a4')).toEqual({ kind: 'receipt', id: 5, paper: 'a4' });
    expect(parseDocumentHash(documentHash({ kind: 'statement', id: 7 }))).toEqual({ kind: 'statement', id: 7, paper: 'letter' });
  });

  it('is not a print route for an unknown kind, a missing id or another screen', () => {
    for (const hash of ['#print/payroll/1', '#print/inspector-packet/', '#students', '#print/inspector-packet/1/legal']) expect(parseDocumentHash(hash), hash).toBeUndefined();
  });
});

describe('Save as PDF', () => {
  it('writes nothing when the person cancels the save dialog', async () => {
    const documents = createDocuments({ renderer, dialog: saveDialogStandIn(), log: silentLogger });
    expect(await documents.savePdf({ kind: 'inspector-packet', id: 1 })).toEqual({ saved: false });
  });

  it('writes the rendered bytes where the dialog says, whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'odsm-doc-'));
    dirs.push(dir);
    const documents = createDocuments({ renderer, dialog: saveDialogStandIn(dir), log: silentLogger, now: () => new Date('2026-12-02T12:00:00Z') });
    const result = await documents.savePdf({ kind: 'progress-report', id: 9 });
    expect(result).toEqual({ saved: true, path: join(dir, 'progress-report-9-2026-12-02.pdf'), bytes: 13 });
    expect(readdirSync(dir)).toEqual(['progress-report-9-2026-12-02.pdf']);
  });

  it('refuses when no renderer was given, with a stable code', async () => {
    const documents = createDocuments({ dialog: saveDialogStandIn(), log: silentLogger });
    await expect(documents.savePdf({ kind: 'inspector-packet', id: 1 })).rejects.toMatchObject({ code: 'document.unavailable' });
  });
});

describe('waiting for the layout', () => {
  it('returns once the layout says ready', async () => {
    const states = [{ state: null, error: null, message: null }, { state: 'ready', error: null, message: null }];
    await expect(waitForLayout(() => Promise.resolve(states.shift() ?? { state: 'ready', error: null, message: null }), { intervalMs: 1 })).resolves.toBeUndefined();
  });

  it("refuses with the layout's own code when it failed", async () => {
    const failed = { state: 'failed', error: 'student.not_found', message: 'No student has that id.' };
    await expect(waitForLayout(() => Promise.resolve(failed))).rejects.toMatchObject({ code: 'student.not_found', message: 'No student has that id.' });
  });

  it('refuses with document.not_rendered when the layout never answers', async () => {
    const silent = { state: null, error: null, message: null };
    await expect(waitForLayout(() => Promise.resolve(silent), { timeoutMs: 0, intervalMs: 1 })).rejects.toMatchObject({ code: 'document.not_rendered' });
  });
});
