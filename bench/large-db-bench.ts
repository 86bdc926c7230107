/**
 * Through the real bridge, as the app runs it, against the 100,000-student / 1,000,000-lesson database that
 * bench/big_dataset.py built in BENCH_DATA_DIR (or, with BENCH_DATABASE_URL, on PostgreSQL): student search
 * p95, an instructor's week calendar p95, the certification worklist, finding a student 5 free slots in the next
 * 14 days (every booking rule checked), the school's money (300,000 invoices, 500,000 payments): a student's
 * statement p95, a year's HST report, the Billing screen's unpaid and overdue lists (its first page of 50), and
 * one "Back up now" of the whole school through the backend's route (the copy, then its integrity and
 * audit-chain checks). BENCH_STUDENTS says how many students the database has (small test builds).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHttpTransport } from '../electron/main/bridge/http-transport';
import { appLogger, bridgeTo, percentile, round3, startAppBackend } from './bench-support';

const dataDir = process.env.BENCH_DATA_DIR;
if (!dataDir) throw new Error('BENCH_DATA_DIR is required');
const databaseUrl = process.env.BENCH_DATABASE_URL;
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 100_000);
// The last full year of invoices: the dataset dates them over the two years before 2026-11-20.
const HST_YEAR = { start: '2025-01-01', end: '2025-12-31' };
const SEARCHES = ['oka', 'singh', 'amara', 'tremblay li', 'kaur', 'O00004', '555-0142', 'nguyen b', 'chen', 'wilson', 'smi', 'pat'];

async function timeEach(n: number, call: (i: number) => Promise<void>): Promise<{ p50_ms: number; p95_ms: number; max_ms: number }> {
  for (let i = 0; i < Math.min(20, n); i += 1) await call(i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t0 = performance.now();
    await call(i);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50_ms: round3(percentile(samples, 50)), p95_ms: round3(percentile(samples, 95)), max_ms: round3(samples.at(-1) ?? NaN) };
}

/** One "Back up now", as main asks for it: the route main alone calls, into a folder of the bench's own. */
async function backUpOnce(connection: Parameters<typeof bridgeTo>[0], folder: string): Promise<{ s: number; mb: number }> {
  mkdirSync(folder, { recursive: true });
  const transport = createHttpTransport({ connection: () => connection });
  try {
    const t0 = performance.now();
    const response = await transport.request({ method: 'POST', pathTemplate: '/api/v1/system/backups', body: { folder }, requestId: randomUUID(), idempotencyKey: randomUUID() });
    const s = (performance.now() - t0) / 1000;
    if (response.status !== 201) throw new Error(`backup failed: ${response.status} ${JSON.stringify(response.body)}`);
    const made = response.body as { bytes: number; integrity: string };
    if (made.integrity !== 'ok') throw new Error(`backup did not check: ${made.integrity}`);
    return { s: round3(s), mb: Math.round((made.bytes / 1024 / 1024) * 10) / 10 };
  } finally {
    transport.close();
  }
}

async function main(): Promise<void> {
  const log = appLogger(dataDir!);
  const backend = await startAppBackend(dataDir!, log, databaseUrl ? { DATABASE_URL: databaseUrl } : {});
  try {
    const rig = bridgeTo(backend.connection, log);
    const search = await timeEach(200, async (i) => {
      await rig.data('db:students:list', { q: SEARCHES[i % SEARCHES.length], limit: 25 });
    });
    const week = await timeEach(200, async (i) => {
      const instructor = 1 + ((i * 37) % 200);
      const monday = new Date(Date.UTC(2026, 0, 5 + 7 * (i % 60), 5));
      const end = new Date(monday.getTime() + 7 * 24 * 3600 * 1000);
      await rig.data('db:lessons:list', { instructor_id: instructor, start: monday.toISOString(), end: end.toISOString() });
    });
    const worklist = await timeEach(10, async () => {
      await rig.data('db:certification:worklist', { limit: 500 });
    });
    const findSlots = await timeEach(100, async (i) => {
      await rig.data('db:lessons:findSlots', { student_id: 1 + ((i * 7919) % STUDENTS), days: 14, limit: 5 });
    });
    const statement = await timeEach(200, async (i) => {
      await rig.data('db:billing:statement', { student_id: 1 + ((i * 104_729) % STUDENTS) });
    });
    const hstReport = await timeEach(5, async () => {
      await rig.data('db:billing:hstReport', HST_YEAR);
    });
    const unpaid = await timeEach(100, async (i) => {
      await rig.data('db:invoices:list', { unpaid: true, offset: 50 * (i % 4), limit: 50 });
    });
    const overdue = await timeEach(100, async (i) => {
      await rig.data('db:invoices:list', { overdue: true, offset: 50 * (i % 4), limit: 50 });
    });
    rig.dispose();
    // BENCH_SKIP_BACKUP=1 leaves out the longest part (minutes) when only the queries are wanted.
    const backup = process.env.BENCH_SKIP_BACKUP === '1' ? null : await backUpOnce(backend.connection, join(dataDir!, 'bench-backups'));
    process.stdout.write(`${JSON.stringify({ search, week, worklist, findSlots, statement, hstReport, unpaid, overdue, backup })}\n`);
  } finally {
    await backend.stop();
    await log.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
