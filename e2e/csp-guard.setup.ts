// Setup file of the e2e project: a test in which a page of the harness reported a Content Security
// Policy violation fails, naming it. A violation reported after the last test fails the file.
import { afterAll, afterEach } from 'vitest';
import { takeCspViolations } from './csp-watch';

function failOnViolations(when: string): void {
  const violations = takeCspViolations();
  if (violations.length > 0) throw new Error(`Content Security Policy violation ${when}:\n- ${violations.join('\n- ')}`);
}

afterEach(() => failOnViolations('during (or before) this test'));
afterAll(() => failOnViolations('after the last test of this file'));
