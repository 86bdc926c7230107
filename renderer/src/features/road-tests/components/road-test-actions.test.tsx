import { QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../lib/query-client';
import { reactRootPerTest } from '../../../test/react-root';
import type { RoadTest } from '../api/road-tests';
import { RoadTestActions } from './road-test-actions';
import { statusText } from './road-test-words';

type Host = { odsm?: unknown };
const host = globalThis as unknown as Host;
const view = reactRootPerTest();
const ZONE = 'America/Toronto';
// The desk looks at noon on Wed, Dec 2, 2026 (Toronto).
const NOW = new Date('2026-12-02T17:00:00Z');

afterEach(() => {
  delete host.odsm;
});

function aTest(over: Partial<RoadTest> = {}): RoadTest {
  return {
    id: 5, student_id: 7, student_name: 'Maya Singh', centre_id: 1, centre_name: 'Toronto Downsview', licence_class: 'G2',
    starts_at: '2026-12-01T15:00:00Z', ends_at: '2026-12-01T15:40:00Z', blocked_from: '2026-12-01T14:30:00Z', blocked_until: '2026-12-01T16:10:00Z',
    vehicle_id: 3, vehicle_plate: 'CDEF 123', instructor_id: null, status: 'booked', fee_cents: 5375, fee_lost_cents: 0, rental_cents: 9000,
    retest_from: null, notes: null, version: 2, ...over,
  };
}

const ok = (data: unknown) => vi.fn().mockResolvedValue({ ok: true, data });
const refused = (code: string, details: unknown) => vi.fn().mockResolvedValue({ ok: false, error: { code, message: 'refused', details, requestId: 'r-1' } });

function stub(verbs: { recordResult?: ReturnType<typeof vi.fn>; cancel?: ReturnType<typeof vi.fn>; gFrom?: string }) {
  host.odsm = {
    'road-test-settings': { get: ok({ cancel_notice_hours: 48, retest_days: 10 }) },
    'road-tests': {
      recordResult: verbs.recordResult ?? vi.fn(),
      cancel: verbs.cancel ?? vi.fn(),
      eligibility: ok({ student_id: 7, on: '2026-12-02', current_class: 'G2', bde_certified_on: null, tests: [{ licence_class: 'G', eligible_from: verbs.gFrom ?? null, reasons: [], code: null }] }),
    },
  };
}

async function settle() {
  for (let i = 0; i < 5; i += 1) await act(async () => new Promise((done) => setTimeout(done, 0)));
}

async function open(test: RoadTest) {
  view.render(
    <QueryClientProvider client={createQueryClient()}>
      <RoadTestActions test={test} timeFormat="12h" timeZone={ZONE} now={NOW} />
    </QueryClientProvider>,
  );
  await settle();
}

const byTestId = (id: string) => view.container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const text = (id: string) => byTestId(id)?.textContent ?? null;
async function click(id: string) {
  await act(async () => byTestId(id)!.click());
  await settle();
}
function type(id: string, value: string) {
  const input = view.container.querySelector<HTMLInputElement>(`[id="${id}"]`)!;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
}

describe('a booked road test whose time has come', () => {
  it('offers Record result, not Cancel, and a fail shows the earliest retest date', async () => {
    const recordResult = ok(aTest({ status: 'failed', retest_from: '2026-12-11', version: 3 }));
    stub({ recordResult });
    await open(aTest());
    expect(byTestId('road-test-cancel')).toBeNull();
    await click('road-test-record-result');
    await click('road-test-outcome-failed');
    await click('road-test-save-result');
    expect(recordResult).toHaveBeenCalledWith({ road_test_id: 5, body: { version: 2, outcome: 'failed' } });
    expect(text('road-test-result-saved')).toBe('Failed. The earliest retest is Dec 11, 2026.');
  });

  it('a G2 pass says the licence step is recorded and when the G test may be taken', async () => {
    stub({ recordResult: ok(aTest({ status: 'passed', version: 3 })), gFrom: '2027-12-01' });
    await open(aTest());
    await click('road-test-record-result');
    await click('road-test-save-result');
    expect(text('road-test-result-saved')).toBe('Passed: the G2 licence step is recorded, dated Tue, Dec 1, 2026. The G test may be taken from Dec 1, 2027.');
  });

  it('a G pass says that is the full licence', async () => {
    stub({ recordResult: ok(aTest({ licence_class: 'G', status: 'passed', version: 3 })) });
    await open(aTest({ licence_class: 'G' }));
    await click('road-test-record-result');
    await click('road-test-save-result');
    expect(text('road-test-result-saved')).toBe('Passed: the G licence step is recorded, dated Tue, Dec 1, 2026. That is the full licence: no further road test.');
  });

  it('a no-show says the fee is kept', async () => {
    stub({ recordResult: ok(aTest({ status: 'no_show', fee_lost_cents: 5375, version: 3 })) });
    await open(aTest());
    await click('road-test-record-result');
    await click('road-test-outcome-no_show');
    await click('road-test-save-result');
    expect(text('road-test-result-saved')).toBe('Recorded as a no-show: DriveTest keeps the $53.75 fee.');
  });

  it('a result before the test’s time is refused in words, with the test’s day and time', async () => {
    stub({ recordResult: refused('road_test.not_yet_taken', { road_test_id: 5, starts_at: '2026-12-03T15:00:00Z' }) });
    await open(aTest());
    await click('road-test-record-result');
    await click('road-test-save-result');
    expect(text('road-test-refusal')).toContain('The result can’t be recorded yet.');
    expect(text('road-test-refusal')).toContain('This test is on Thu, Dec 3, 2026 at 10:00 a.m.: record how it went once it has taken place.');
    expect(byTestId('road-test-refusal')!.querySelector('[data-code]')!.getAttribute('data-code')).toBe('road_test.not_yet_taken');
  });

  it('a test already given a result is refused in words naming what it is now', async () => {
    stub({ recordResult: refused('road_test.not_booked', { road_test_id: 5, status: 'failed' }) });
    await open(aTest());
    await click('road-test-record-result');
    await click('road-test-save-result');
    expect(text('road-test-refusal')).toContain('This test is no longer booked.It is already recorded as failed. Only a booked test can be given a result or cancelled.');
  });
});

describe('a booked road test still ahead', () => {
  it('less than 48 h ahead: says before saving that the fee is lost, and after saving that it was', async () => {
    const cancel = ok(aTest({ starts_at: '2026-12-03T15:00:00Z', status: 'late_cancelled', fee_lost_cents: 5375, version: 3 }));
    stub({ cancel });
    await open(aTest({ starts_at: '2026-12-03T15:00:00Z' }));
    expect(byTestId('road-test-record-result')).toBeNull();
    await click('road-test-cancel');
    expect(text('road-test-cancel-warning')).toBe('The test is less than 48 hours away: if it is cancelled now, DriveTest keeps the $53.75 fee.');
    type('road-test-cancel-reason-5', 'Student is ill');
    await click('road-test-confirm-cancel');
    expect(cancel).toHaveBeenCalledWith({ road_test_id: 5, body: { version: 2, reason: 'Student is ill' } });
    expect(text('road-test-cancelled')).toBe('Test cancelled. It was less than the notice ahead, so the $53.75 DriveTest fee is lost.');
  });

  it('more than 48 h ahead: the fee is not lost and the car’s rental is reversed', async () => {
    stub({ cancel: ok(aTest({ starts_at: '2026-12-09T15:00:00Z', status: 'cancelled', version: 3 })) });
    await open(aTest({ starts_at: '2026-12-09T15:00:00Z' }));
    await click('road-test-cancel');
    expect(text('road-test-cancel-warning')).toBe('The test is more than 48 hours away: the $53.75 fee is not lost, and the school car’s rental is taken off the student’s charges.');
    await click('road-test-confirm-cancel');
    expect(text('road-test-cancelled')).toBe('Test cancelled in time: the DriveTest fee is not lost, and the school car’s rental is reversed.');
  });
});

describe('a road test’s status in the list', () => {
  it('names each status, with the retest date or the fee lost', () => {
    expect(statusText(aTest())).toBe('Booked');
    expect(statusText(aTest({ status: 'passed' }))).toBe('Passed');
    expect(statusText(aTest({ status: 'failed', retest_from: '2026-12-11' }))).toBe('Failed · retest from Dec 11, 2026');
    expect(statusText(aTest({ status: 'no_show', fee_lost_cents: 5375 }))).toBe('No-show · $53.75 fee lost');
    expect(statusText(aTest({ status: 'cancelled' }))).toBe('Cancelled');
    expect(statusText(aTest({ status: 'late_cancelled', fee_lost_cents: 5375 }))).toBe('Cancelled late · $53.75 fee lost');
  });
});
