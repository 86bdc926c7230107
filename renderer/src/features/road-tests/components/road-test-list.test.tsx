import { QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../lib/query-client';
import { reactRootPerTest } from '../../../test/react-root';
import type { RoadTest } from '../api/road-tests';
import { RoadTestList } from './road-test-list';

type Host = { odsm?: unknown };
const host = globalThis as unknown as Host;
const view = reactRootPerTest();
const NOW = new Date('2026-12-02T17:00:00Z');

afterEach(() => {
  delete host.odsm;
});

function aTest(id: number, over: Partial<RoadTest>): RoadTest {
  return {
    id, student_id: 7, student_name: 'Maya Singh', centre_id: 1, centre_name: 'Toronto Downsview', licence_class: 'G2',
    starts_at: '2026-12-01T15:00:00Z', ends_at: '2026-12-01T15:40:00Z', blocked_from: '2026-12-01T14:30:00Z', blocked_until: '2026-12-01T16:10:00Z',
    vehicle_id: null, vehicle_plate: null, instructor_id: null, status: 'booked', fee_cents: 5375, fee_lost_cents: 0, rental_cents: 0,
    retest_from: null, notes: null, version: 1, ...over,
  };
}

async function open(items: RoadTest[]) {
  host.odsm = {
    settings: { get: vi.fn().mockResolvedValue({ ok: true, data: { time_zone: 'America/Toronto', time_format: '24h' } }) },
    'road-test-settings': { get: vi.fn().mockResolvedValue({ ok: true, data: { cancel_notice_hours: 48 } }) },
    'road-tests': { list: vi.fn().mockResolvedValue({ ok: true, data: { items, total: items.length } }) },
  };
  view.render(
    <QueryClientProvider client={createQueryClient()}>
      <RoadTestList studentId={7} now={NOW} />
    </QueryClientProvider>,
  );
  for (let i = 0; i < 5; i += 1) await act(async () => new Promise((done) => setTimeout(done, 0)));
}

const rows = () => [...view.container.querySelectorAll<HTMLTableRowElement>('[data-testid="road-test-row"]')];
const cells = (row: HTMLTableRowElement) => [...row.cells].map((cell) => cell.textContent);

describe('the student’s road tests', () => {
  it('lists centre, day and time, class, car and status, newest first, each booked test with the action its time allows', async () => {
    await open([
      aTest(1, { status: 'failed', retest_from: '2026-10-11', starts_at: '2026-10-01T14:00:00Z' }),
      aTest(2, { vehicle_plate: 'CDEF 123' }),
      aTest(3, { licence_class: 'G2', centre_name: 'Brampton', starts_at: '2026-12-20T19:30:00Z' }),
    ]);
    expect(view.container.querySelector('h3')!.textContent).toBe('Road tests');
    expect(rows().map(cells)).toEqual([
      ['Brampton', 'Sun, Dec 20, 2026 at 14:30', 'G2', 'Student’s own', 'Booked', 'Cancel test…'],
      ['Toronto Downsview', 'Tue, Dec 1, 2026 at 10:00', 'G2', 'CDEF 123', 'Booked', 'Record result'],
      ['Toronto Downsview', 'Thu, Oct 1, 2026 at 10:00', 'G2', 'Student’s own', 'Failed · retest from Oct 11, 2026', ''],
    ]);
  });

  it('opens a past test straight at its result, and a future one at its cancellation', async () => {
    await open([aTest(2, {}), aTest(3, { starts_at: '2026-12-20T19:30:00Z' })]);
    await act(async () => rows()[1]!.querySelector('button')!.click());
    expect(view.container.querySelector('[data-testid="road-test-save-result"]')).not.toBeNull();
    await act(async () => rows()[0]!.querySelector('button')!.click());
    expect(view.container.querySelector('[data-testid="road-test-confirm-cancel"]')).not.toBeNull();
    expect(view.container.querySelector('[data-testid="road-test-save-result"]')).toBeNull();
  });

  it('shows nothing for a student with no road test', async () => {
    await open([]);
    expect(view.container.querySelector('[data-testid="road-test-list"]')).toBeNull();
  });
});
