/**
 * Records every Content Security Policy violation a page of the harness reports, by the DOM's
 * `securitypolicyviolation` event (every frame) and by Chromium's "Refused to ..." console error (what
 * the event misses, such as a violation in a worker). The e2e setup file (csp-guard.setup.ts) fails the
 * test in which one happened, so a stricter CSP cannot break a screen unnoticed.
 *
 * Kept free of vitest: `make preview` bundles the harness and runs it with plain node.
 */
import type { BrowserContext, ConsoleMessage } from 'playwright-core';

/** Violations reported since the last take, from every harness in this test file. */
const pending: string[] = [];

/** Hands over, and forgets, the violations reported since the last call. */
export function takeCspViolations(): string[] {
  return pending.splice(0);
}

interface ViolationReport {
  directive: string;
  blockedURI: string;
  sourceFile: string;
  line: number;
  sample: string;
}

function describeViolation(page: string, v: ViolationReport): string {
  const where = v.sourceFile ? ` at ${v.sourceFile}:${v.line}` : '';
  const sample = v.sample ? ` (${JSON.stringify(v.sample)})` : '';
  return `${page}: ${v.directive} blocked ${v.blockedURI || 'an inline resource'}${where}${sample}`;
}

/** Chromium's console wording for a violation, e.g. "Refused to apply inline style because it violates ...". */
const CSP_CONSOLE_ERROR = /Content Security Policy/i;

function onConsole(message: ConsoleMessage): void {
  if (message.type() === 'error' && CSP_CONSOLE_ERROR.test(message.text())) {
    pending.push(`${message.page()?.url() ?? 'a page'}: console: ${message.text()}`);
  }
}

export async function watchCspViolations(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__odsmCspViolation', ({ frame }, report: ViolationReport) => {
    pending.push(describeViolation(frame.url(), report));
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      // Looked up when it fires: the binding may be installed after this script runs.
      (window as unknown as { __odsmCspViolation?: (r: object) => void }).__odsmCspViolation?.({
        directive: event.effectiveDirective,
        blockedURI: event.blockedURI,
        sourceFile: event.sourceFile,
        line: event.lineNumber,
        sample: event.sample,
      });
    });
  });
  context.on('console', onConsole);
}
