// A backend program that an antivirus took away: the window's banner names the file and what to do.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendSupervisor } from '../electron/main/backend/backend-supervisor';
import { repoRoot } from './repo-root';
import { startHarness, type Harness } from './harness';

let harness: Harness;
let page: Page;
let scratch: string;

beforeAll(async () => {
  harness = await startHarness();
  page = harness.page;
  scratch = await mkdtemp(join(tmpdir(), 'odsm-quarantined-'));
  await harness.openApp();
});

afterAll(async () => {
  await harness?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('a missing backend program', () => {
  it('is named in the window, with the antivirus as the likely cause', async () => {
    // What a packaged app's supervisor reports when the frozen backend is gone, pushed as main pushes it.
    const file = join(scratch, 'resources', 'backend', 'odsm-backend', 'odsm-backend.exe');
    const quarantined = new BackendSupervisor({ command: { command: file, args: [], source: 'packaged' }, dataDir: scratch });
    await quarantined.start().catch(() => undefined);
    const { state, ...extra } = quarantined.status();
    await harness.pushStatus(state, extra);

    const banner = page.getByTestId('backend-status');
    await banner.waitFor();
    expect(await banner.getAttribute('data-state')).toBe('down');
    const text = await banner.textContent();
    expect(text).toContain(`The database service's program is missing: ${file}.`);
    expect(text).toContain('Your antivirus may have quarantined it; restore it from the quarantine, or reinstall the app.');
    await page.screenshot({ path: join(repoRoot, 'test-results', 'backend-program-missing.png') });
    await harness.pushStatus('ready');
    await banner.waitFor({ state: 'detached' });
  });
});
