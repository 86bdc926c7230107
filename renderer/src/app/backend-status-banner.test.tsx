import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackendStatus } from '../lib/odsm';
import { reactRootPerTest } from '../test/react-root';
import { BackendStatusBanner } from './backend-status-banner';

const view = reactRootPerTest();
let push: (status: BackendStatus) => void = () => undefined;

function withMain(current: BackendStatus) {
  (globalThis as { odsm?: unknown }).odsm = {
    onBackendStatus: (listener: (status: BackendStatus) => void) => {
      push = listener;
      return () => undefined;
    },
    getBackendStatus: () => Promise.resolve(current),
  };
}

afterEach(() => {
  delete (globalThis as { odsm?: unknown }).odsm;
});

describe('the backend status banner', () => {
  it('names the database server a workstation waits for, and says it keeps trying', async () => {
    withMain({ state: 'starting', at: new Date().toISOString() });
    view.render(<BackendStatusBanner />);
    await act(async () => {
      push({ state: 'restarting', attempt: 3, server: 'db.school.lan:5432', message: 'The database server at db.school.lan:5432 does not answer. The app keeps trying; nothing is saved on this computer meanwhile.', at: new Date().toISOString() });
      await Promise.resolve();
    });
    const banner = view.container.querySelector('[data-testid="backend-status"]')!;
    expect(banner.getAttribute('data-state')).toBe('restarting');
    expect(banner.querySelector('[role="alert"]')).not.toBeNull();
    expect(banner.textContent).toContain('Cannot reach the database server db.school.lan:5432. Trying again… (attempt 3)');
    expect(banner.textContent).toContain('nothing is saved on this computer meanwhile');
  });

  it('keeps the plain restart words for a backend of its own', async () => {
    withMain({ state: 'starting', at: new Date().toISOString() });
    view.render(<BackendStatusBanner />);
    await act(async () => {
      push({ state: 'restarting', attempt: 1, at: new Date().toISOString() });
      await Promise.resolve();
    });
    expect(view.container.textContent).toContain('Reconnecting to the database service… (attempt 1)');
    expect(view.container.textContent).not.toContain('database server');
  });
});
