// Settings → Database server in Chromium, through the real preload, bridge, backend and the local PostgreSQL:
// a test that fails says by name what failed, under the field it is about; against a fresh database it works;
// then the demo school moves to the server with its counts and the audit chain's head shown, and the
// workstation goes back to its own file.
import { createServer } from 'node:net';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgDatabase, dropPgDatabase } from '../electron/test/support/workstation-bridge';
import { expectOk, startHarness, type Harness } from './harness';
import { repoRoot } from './repo-root';

const SCREENSHOTS = join(repoRoot, 'test-results/e2e');
let harness: Harness;
let page: Page;
let target: string;

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const FIELD_IDS: Record<string, string> = { 'Server name or address': 'host', Port: 'port', Database: 'database', 'User name': 'user', Password: 'password' };
/** A field by its visible label, checked to be that field's own label (label[for] = the control's id). */
const field = (label: string) => page.locator(`#server-${FIELD_IDS[label]}`);
const health = async () => expectOk(await harness.invoke<{ database: string }>('db:system:health')).database;

beforeAll(async () => {
  target = createPgDatabase();
  harness = await startHarness();
  page = harness.page;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await harness.openApp(page, 'settings');
});

afterAll(async () => {
  await harness?.close();
  if (target) dropPgDatabase(target);
});

describe('Settings → Database server', () => {
  it('says which part failed, under its field, from the keyboard', async () => {
    await page.getByTestId('database-server-current').waitFor();
    expect(await page.getByTestId('database-server-current').textContent()).toContain('file on this computer');
    for (const [label, id] of Object.entries(FIELD_IDS)) {
      expect(await page.locator(`label[for="server-${id}"]`).textContent()).toContain(label);
    }
    // Keyboard only: each field is reached with Tab, in order, and the test runs with Enter.
    await field('Server name or address').focus();
    await page.keyboard.type('127.0.0.1');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(String(await closedPort()));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(new URL(target.replace('postgresql+psycopg:', 'http:')).pathname.slice(1));
    await page.keyboard.press('Tab');
    await page.keyboard.type('nobody_at_this_school');
    await page.keyboard.press('Tab');
    await page.keyboard.type('a-password');
    await page.keyboard.press('Tab');
    await page.keyboard.press('End'); // the last option: off, allowed for this computer
    expect(await page.locator('#server-tls').inputValue()).toBe('disable');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Test connection');
    await page.keyboard.press('Enter');
    const hostError = page.getByTestId('field-error-server-host');
    await hostError.waitFor();
    expect(await hostError.textContent()).toMatch(/^The server 127\.0\.0\.1:\d+ does not answer\.$/);
    expect(await field('Server name or address').getAttribute('aria-invalid')).toBe('true');

    await field('Port').fill('5432');
    await page.getByTestId('test-connection').click();
    const passwordError = page.getByTestId('field-error-server-password');
    await passwordError.waitFor();
    expect(await passwordError.textContent()).toContain('did not accept the user name “nobody_at_this_school”');

    await field('Database').fill('no_such_school');
    await field('User name').fill('postgres');
    await page.getByTestId('test-connection').click();
    await page.getByTestId('field-error-server-database').waitFor();
    expect(await page.getByTestId('field-error-server-database').textContent()).toBe('The server has no database called “no_such_school”.');
  });

  it('works against a fresh database, which it says is empty', async () => {
    await field('Database').fill(new URL(target.replace('postgresql+psycopg:', 'http:')).pathname.slice(1));
    await page.getByTestId('test-connection').click();
    await page.getByTestId('connection-ok').waitFor();
    expect(await page.getByTestId('connection-ok').textContent()).toMatch(/PostgreSQL \d+.*It is empty/);
    await page.screenshot({ path: join(SCREENSHOTS, 'database-server-tested.png'), fullPage: true });
  });

  it('moves the demo school to the server, showing the progress, the counts and the chain head', async () => {
    expectOk(await harness.invoke('db:demo:load', { body: { students: 10 } }));
    await expect.poll(async () => expectOk(await harness.invoke<{ state: string }>('db:demo:status')).state, { timeout: 120_000, interval: 250 }).toBe('done');
    await page.getByTestId('move-open').click();
    await page.getByTestId('move-start').click();
    const done = page.getByTestId('move-done');
    await done.waitFor({ timeout: 240_000 });
    const rows = await page.getByTestId('move-counts').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? '')));
    expect(rows.length).toBeGreaterThan(5);
    for (const [table, here, there] of rows) expect(there, table).toBe(here);
    expect(rows.find(([table]) => table === 'students')?.[1]).not.toBe('0');
    expect(await page.getByTestId('move-audit-head').textContent()).toMatch(/same on both sides: [0-9a-f]{64}$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'database-server-moved.png'), fullPage: true });
    await expect.poll(async () => page.getByTestId('database-server-current').textContent()).toContain('works on the server 127.0.0.1:5432');
    expect(await health()).toBe('postgresql');
  }, 300_000);

  it('goes back to this computer’s own file', async () => {
    await page.getByTestId('use-local-file').click();
    // The whole section, so that a refusal shown instead is in the failure message.
    await expect.poll(async () => page.getByTestId('database-server').textContent(), { timeout: 120_000 }).toContain('keeps the school in a file on this computer');
    expect(await health()).toBe('sqlite');
  }, 180_000);
});
