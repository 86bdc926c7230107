import { QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BundleProgress, BundleResult } from '../../../../../electron/preload/api';
import { createQueryClient } from '../../../lib/query-client';
import { reactRootPerTest } from '../../../test/react-root';
import { InspectionBundleButton } from './inspection-bundle';

type Host = { odsm?: unknown };
const host = globalThis as unknown as Host;
const view = reactRootPerTest();

afterEach(() => {
  delete host.odsm;
});

const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const click = (id: string) => act(() => byTestId(id)!.click());

/** Waits (without a deadline of its own: vitest's test timeout ends a hang) until `check` holds. */
async function until(check: () => boolean) {
  while (!check()) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
  }
}

describe('Inspection bundle…', () => {
  it('asks main for the period, shows "n of N" while it works, and Cancel asks main to stop', async () => {
    let finish!: (result: BundleResult) => void;
    const progress: BundleProgress = { running: true, phase: 'rendering', done: 3, total: 10 };
    const saveInspectionBundle = vi.fn(() => new Promise((done) => (finish = (data) => done({ ok: true, data }))));
    const cancelInspectionBundle = vi.fn(() => Promise.resolve({ ok: true, data: { cancelling: true } }));
    host.odsm = { saveInspectionBundle, cancelInspectionBundle, getInspectionBundleProgress: () => Promise.resolve({ ok: true, data: progress }) };
    view.render(
      <QueryClientProvider client={createQueryClient()}>
        <InspectionBundleButton timeZone="America/Toronto" />
      </QueryClientProvider>,
    );

    await click('open-inspection-bundle');
    await click('make-inspection-bundle');
    expect(saveInspectionBundle).toHaveBeenCalledWith({ firstDay: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), lastDay: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    await until(() => byTestId('inspection-bundle-progress') !== null);
    expect(byTestId('inspection-bundle-progress')!.textContent).toContain('3 of 10');

    await click('cancel-inspection-bundle');
    expect(cancelInspectionBundle).toHaveBeenCalledTimes(1);
    await act(async () => finish({ saved: false, cancelled: true }));
    await until(() => byTestId('inspection-bundle-cancelled') !== null);
    expect(byTestId('inspection-bundle-cancelled')!.textContent).toContain('nothing was saved');
    expect(byTestId('inspection-bundle-progress')).toBeNull();
  });
});
