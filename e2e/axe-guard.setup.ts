// Setup file of the e2e project: a test in which axe-core found a serious or critical violation on a
// screen or a dialog fails, naming each (see axe-watch.ts). One found after the last test fails the file.
import { afterAll, afterEach } from 'vitest';
import { takeAxeFindings } from './axe-watch';

function failOnFindings(when: string): void {
  const findings = [...new Set(takeAxeFindings())];
  if (findings.length > 0) throw new Error(`Accessibility (axe-core) violations ${when}:\n- ${findings.join('\n- ')}`);
}

afterEach(() => failOnFindings('during (or before) this test'));
afterAll(() => failOnFindings('after the last test of this file'));
