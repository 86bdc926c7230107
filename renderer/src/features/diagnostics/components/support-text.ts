import type { DiagnosticsReport } from '../../../lib/odsm';
import { megabytes } from '../../../lib/units';

type Timing = { count: number; p50_ms: number | null; p95_ms: number | null };

export function timingText(timing: Timing): string {
  if (timing.count === 0 || timing.p50_ms === null || timing.p95_ms === null) return `${timing.count} so far`;
  return `${timing.count} · median ${timing.p50_ms.toFixed(1)} ms · 95% under ${timing.p95_ms.toFixed(1)} ms`;
}

export function lastBackupText(last: DiagnosticsReport['lastBackup']): string {
  if (!last) return 'none yet';
  return `${last.at.slice(0, 16).replace('T', ' ')} UTC · ${megabytes(last.bytes)} · audit log ${last.chainOk ? 'verified' : 'did not verify'}`;
}

/** The rows the screen shows, in the words it shows them; "Copy for support" copies the same. */
export function diagnosticsRows(report: DiagnosticsReport): { section: string; rows: [string, string][] }[] {
  const backend = report.backend;
  return [
    {
      section: 'This workstation',
      rows: [
        ['Calls to the background service', timingText(report.ipc)],
        ['Calls that failed', String(report.ipc.failures)],
        ['Connection guard', `${report.breaker.state === 'open' ? 'open: calls are paused' : 'closed (normal)'} · opened ${report.breaker.openings} ${report.breaker.openings === 1 ? 'time' : 'times'}`],
        ['Background service', report.backendState],
        ['Background service restarts', report.backendRestarts === null ? 'not started by this app' : String(report.backendRestarts)],
        ['Logs folder', report.logsDir ?? 'not known'],
        ['Last backup', lastBackupText(report.lastBackup)],
      ],
    },
    {
      section: 'Background service',
      rows: backend
        ? [
            ['Version', backend.version],
            ['Database', backend.database === 'postgresql' ? 'PostgreSQL' : 'SQLite'],
            ['Schema revision', backend.schema_revision ?? 'none'],
            ['Database size', megabytes(backend.database_bytes)],
            ['Requests', timingText(backend.requests)],
            ['Refused (a rule or bad input)', String(backend.refusals)],
            ['Faults', String(backend.faults)],
            ['Database queries', timingText(backend.queries)],
          ]
        : [['Status', 'not answering']],
    },
  ];
}

/** Plain text for an email to support: figures only, no student, instructor or vehicle. */
export function supportText(report: DiagnosticsReport): string {
  const lines = [`Ontario Driving School Manager diagnostics, ${report.collectedAt}`];
  for (const { section, rows } of diagnosticsRows(report)) {
    lines.push('', section);
    for (const [label, value] of rows) lines.push(`  ${label}: ${value}`);
  }
  return lines.join('\n');
}
