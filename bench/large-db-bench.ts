/**
 * Through the real bridge, as the app runs it, against the 100,000-student / 1,000,000-lesson database that
 * bench/big_dataset.py built in BENCH_DATA_DIR (or, with BENCH_DATABASE_URL, on PostgreSQL): student search
 * p95, an instructor's week calendar p95, and the certification worklist.
 */
import { appLogger, bridgeTo, percentile, round3, startAppBackend } from './bench-support';

const dataDir = process.env.BENCH_DATA_DIR;
if (!dataDir) throw new Error('BENCH_DATA_DIR is required');
const databaseUrl = process.env.BENCH_DATABASE_URL;
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
    rig.dispose();
    process.stdout.write(`${JSON.stringify({ search, week, worklist })}\n`);
  } finally {
    await backend.stop();
    await log.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
