import { describe, expect, it } from 'vitest';
import type { DiagnosticsReport } from '../../../lib/odsm';
import { megabytes } from '../../../lib/units';
import { diagnosticsRows, supportText, timingText } from './support-text';

const report: DiagnosticsReport = {
  ipc: { count: 120, failures: 2, p50_ms: 1.234, p95_ms: 6.5 },
  breaker: { state: 'closed', openings: 1 },
  backendState: 'ready',
  backendRestarts: 0,
  logsDir: '/home/desk/.config/odsm/logs',
  backend: {
    version: '0.1.0',
    database: 'sqlite',
    schema_revision: '0009',
    database_bytes: 3 * 1024 * 1024 + 512 * 1024,
    requests: { count: 118, p50_ms: 0.8, p95_ms: 4 },
    refusals: 3,
    faults: 0,
    queries: { count: 400, p50_ms: 0.05, p95_ms: 0.4 },
  },
  lastBackup: { at: '2026-12-01T14:05:09.123Z', bytes: 2 * 1024 * 1024, chainOk: true },
  collectedAt: '2026-12-01T15:00:00.000Z',
};

describe('diagnostics in words', () => {
  it('says the figures as a front desk can read them to support', () => {
    expect(timingText(report.ipc)).toBe('120 · median 1.2 ms · 95% under 6.5 ms');
    expect(timingText({ count: 0, p50_ms: null, p95_ms: null })).toBe('0 so far');
    expect(megabytes(report.backend!.database_bytes)).toBe('3.5 MB');
    const rows = Object.fromEntries(diagnosticsRows(report).flatMap((section) => section.rows));
    expect(rows['Connection guard']).toBe('closed (normal) · opened 1 time');
    expect(rows['Database']).toBe('SQLite');
    expect(rows['Schema revision']).toBe('0009');
    expect(rows['Last backup']).toBe('2026-12-01 14:05 UTC · 2.0 MB · audit log verified');
    const none = Object.fromEntries(diagnosticsRows({ ...report, lastBackup: null }).flatMap((section) => section.rows));
    expect(none['Last backup']).toBe('none yet');
  });

  it('says plainly when the background service does not answer, or was not started by the app', () => {
    const rows = diagnosticsRows({ ...report, backend: null, backendRestarts: null, breaker: { state: 'open', openings: 3 } });
    expect(rows[1]?.rows).toEqual([['Status', 'not answering']]);
    const main = Object.fromEntries(rows[0]!.rows);
    expect(main['Background service restarts']).toBe('not started by this app');
    expect(main['Connection guard']).toContain('open: calls are paused');
  });

  it('copies every row as plain text, headed by the time', () => {
    const text = supportText(report).split('\n');
    expect(text[0]).toBe('Ontario Driving School Manager diagnostics, 2026-12-01T15:00:00.000Z');
    expect(text).toContain('This workstation');
    expect(text).toContain('  Calls that failed: 2');
    expect(text).toContain('  Logs folder: /home/desk/.config/odsm/logs');
    expect(text).toContain('  Database queries: 400 · median 0.1 ms · 95% under 0.4 ms');
  });
});
