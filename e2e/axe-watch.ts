/**
 * Runs axe-core (https://github.com/dequelabs/axe-core) in every page of the harness, on every screen and
 * every dialog the test opens: a new top-level heading (a screen) or a new dialog schedules a check once
 * the page has been still for a moment. Serious and critical violations are recorded; the e2e setup file
 * (axe-guard.setup.ts) fails the test in which one was found, naming the rule, the screen and the element.
 *
 * Kept free of vitest, as csp-watch.ts is: `make preview` bundles the harness and runs it with plain node.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { repoRoot } from './repo-root';

const require = createRequire(import.meta.url);
const AXE_SOURCE: string = (require('axe-core') as { source: string }).source;
// Plain browser JavaScript, read as text: a function passed through a bundler picks up its helpers.
const WATCHER = join(repoRoot, 'e2e/axe-in-page.js');

/** A serious or critical finding, in words: rule, what was checked (screen or dialog), elements. */
const pending: string[] = [];

export function takeAxeFindings(): string[] {
  return pending.splice(0);
}

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  scope: string;
  targets: string[];
}

function describeFinding(url: string, f: AxeFinding): string {
  return `${f.impact} ${f.rule} on ${f.scope} (${url}): ${f.help} at ${f.targets.slice(0, 3).join(', ')}`;
}

export async function watchAccessibility(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__odsmAxeFinding', ({ frame }, finding: AxeFinding) => {
    pending.push(describeFinding(frame.url(), finding));
  });
  await context.addInitScript({ content: `${AXE_SOURCE}\n;${readFileSync(WATCHER, 'utf8')}` });
}

/** Waits for the checks already scheduled in `page` (what it shows now is checked before this returns). */
export async function axeIdle(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __odsmAxeIdle?: () => Promise<void> }).__odsmAxeIdle?.());
}
