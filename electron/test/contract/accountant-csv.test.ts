import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelResponse } from '../../../shared-contracts/channels';
import { ACCOUNTANT_CSV_CHANNEL, type AccountantCsvResult } from '../../shared/accountant-csv-channels';
import { startRealBridge, type RealBridge } from '../support/real-bridge';
import { saveDialogStandIn } from '../support/save-dialog-stand-in';
import { newStudentBody } from './channel-samples';

// The accountant's CSV through the real handlers and backend; the save dialog answers a folder of the test's.
let real: RealBridge;
let saved: string;

beforeAll(async () => {
  real = await startRealBridge((dir) => {
    saved = join(dir, 'accountant');
    return { saveDialog: saveDialogStandIn(saved) };
  });
  await mkdir(saved);
});

afterAll(() => real?.stop());

const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'America/Toronto' });

describe('saving the accountant’s CSV', () => {
  it('writes the period’s invoice and payment as one CSV where the user picked, amounts in dollars', async () => {
    const student = await real.call<{ id: number }>('db:students:create', { body: newStudentBody() });
    const products = await real.call<ChannelResponse<'db:billing:listProducts'>>('db:billing:listProducts', {});
    const lesson = products.items.find((p) => p.code === 'lesson_60')!;
    const invoice = await real.call<ChannelResponse<'db:invoices:create'>>('db:invoices:create', { body: { student_id: student.id, lines: [{ product_id: lesson.id, quantity: 1 }], issue: true } });
    await real.call('db:payments:take', { body: { student_id: student.id, method: 'cash', amount_cents: 5_000 } });
    const day = today();
    const result = await real.call<AccountantCsvResult>(ACCOUNTANT_CSV_CHANNEL, { start: day, end: day });
    expect(real.bridge.validator.validateResponse(ACCOUNTANT_CSV_CHANNEL, result)).toEqual({ valid: true });
    if (!result.saved) throw new Error('not saved');
    expect(result).toMatchObject({ rows: 2, invoices: 1, creditNotes: 0, payments: 1 });
    expect(await readdir(saved)).toEqual([`invoices-and-payments-${day}-to-${day}.csv`]);
    const lines = (await readFile(result.path, 'utf8')).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Date,Type,Number,Refers to,Student ID,Student,Bill to,Description,Method,Reference,Net,HST,Total,Due date');
    const cents = (n: number) => `${Math.trunc(n / 100)}.${String(n % 100).padStart(2, '0')}`;
    expect(lines[1]).toContain(`${day},Invoice,${invoice.document_number}`);
    expect(lines[1]).toContain(`,${cents(invoice.subtotal_cents)},${cents(invoice.tax_cents)},${cents(invoice.total_cents)},`);
    expect(lines[2]).toMatch(new RegExp(`^${day},Payment,PMT-\\d{6},${invoice.document_number},${student.id},.*,Cash,,,,50\\.00,$`));
  });

  it('refuses a period outside the schema, and one that ends before it starts', async () => {
    const bad = await real.bridge.invoke(ACCOUNTANT_CSV_CHANNEL, { start: 'last month', end: '2030-01-08', file: '/etc/passwd' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const backwards = await real.bridge.invoke(ACCOUNTANT_CSV_CHANNEL, { start: '2030-01-08', end: '2030-01-01' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });
});
