// The window's CSP as it ships (no inline style, no inline script), and the harness's watch that fails
// any e2e test in which the page broke it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN, RENDERER_DIR, startHarness, takeCspViolations, type Harness } from './harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  await harness.openApp();
});

afterAll(async () => {
  await harness?.close();
});

describe('content security policy', () => {
  it('is served as a header whose style-src allows no inline style', async () => {
    const response = await harness.page.goto(`${APP_ORIGIN}/index.html`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/style-src 'self';/);
    expect(csp).not.toContain('unsafe-inline');
    await harness.page.getByRole('heading', { name: 'Students' }).waitFor();
  });

  it('has nothing inline to allow in the built page: no style element, style attribute or inline script', () => {
    const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/\sstyle=/i);
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [tag, body] of scripts) {
      expect(tag).toMatch(/\ssrc=/);
      expect(body?.trim()).toBe('');
    }
  });

  it('lets styles set through the CSSOM pass, and reports an inline style attribute and element to the test', async () => {
    await harness.page.evaluate(() => {
      // What React's style={...} does: allowed, since CSP does not govern the CSSOM.
      document.body.style.setProperty('outline', '0px solid transparent');
      const marked = document.createElement('div');
      marked.setAttribute('style', 'color: red');
      document.body.append(marked);
      const sheet = document.createElement('style');
      sheet.textContent = 'body { margin: 0 }';
      document.head.append(sheet);
    });
    const seen: string[] = [];
    await expect.poll(() => (seen.push(...takeCspViolations()), seen.join('\n'))).toMatch(/style-src-elem/);
    await expect.poll(() => (seen.push(...takeCspViolations()), seen.join('\n'))).toMatch(/style-src-attr/);
    // Taken here, so the watch does not fail this test for the violations it was meant to cause.
    expect(seen.every((line) => /style-src|inline style/i.test(line))).toBe(true);
  });
});
