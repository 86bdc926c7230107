import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelResponse } from '../../../shared-contracts/channels';
import { startRealBridge, type RealBridge } from '../support/real-bridge';
import { createdStudent } from './samples/students-samples';

// The end-of-day cash-up through the real bridge and backend: money taken on the channels the desk uses,
// then the day's figures compared with sums made here.
type CashUp = ChannelResponse<'db:billing:cashUp'>;
type Payment = ChannelResponse<'db:payments:take'>;

let real: RealBridge;

beforeAll(async () => {
  real = await startRealBridge();
});

afterAll(() => real?.stop());

const todayInToronto = () => new Date().toLocaleDateString('en-CA', { timeZone: 'America/Toronto' });

describe('db:billing:cashUp', () => {
  it("answers the day's payments by method in integer cents, refunds apart, and passes the response schema", async () => {
    const student = await createdStudent(real.call);
    const taken: [ChannelResponse<'db:payments:take'>['method'], number][] = [
      ['cash', 2_000],
      ['cash', 1_050],
      ['debit', 7_345],
      ['cheque', 5_000],
    ];
    const payments: Payment[] = [];
    for (const [method, amount] of taken) {
      payments.push(await real.call<Payment>('db:payments:take', { body: { student_id: student.id, method, amount_cents: amount } }));
    }
    await real.call('db:payments:refund', { payment_id: payments[0]!.id, body: { amount_cents: 500, reason: 'Overpaid' } });

    const result = await real.bridge.invoke<CashUp>('db:billing:cashUp', { day: todayInToronto() });
    if (!result.ok) throw new Error(result.error.code);
    expect(real.bridge.validator.validateResponse('db:billing:cashUp', result.data)).toEqual({ valid: true });
    const byMethod = Object.fromEntries(result.data.payments.map((m) => [m.method, [m.count, m.total_cents]]));
    expect(byMethod).toEqual({ cash: [2, 3_050], debit: [1, 7_345], credit_card: [0, 0], e_transfer: [0, 0], cheque: [1, 5_000] });
    expect(result.data.payments_total_cents).toBe(taken.reduce((sum, [, amount]) => sum + amount, 0));
    expect([result.data.refunds_count, result.data.refunds_total_cents]).toEqual([1, 500]);
    expect(result.data.net_cents).toBe(result.data.payments_total_cents - 500);
    expect(Number.isInteger(result.data.net_cents)).toBe(true);
  });

  it('refuses a day that is not a date, naming the field', async () => {
    const result = await real.bridge.invoke('db:billing:cashUp', { day: '2/12/2026' });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(JSON.stringify(!result.ok && result.error.details)).toContain('day');
  });
});
