/**
 * Through the real bridge, against the 100,000-student / 1,000,000-lesson database that bench/big_dataset.py
 * built in BENCH_DATA_DIR: student search p95, an instructor's week calendar p95, and the certification worklist.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bridgeTo, percentile, python, round3, startAndWait } from './bench-support';

const dataDir = process.env.BENCH_DATA_DIR;
if (!dataDir) throw new Error('BENCH_DATA_DIR is required');
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
  const sock = mkdtempSync(join(tmpdir(), 'odsm-bench-sock-'));
  const secret = randomBytes(32).toString('hex');
  const backend = await startAndWait(
    python,
    ['-m', 'odsm', '--data-dir', dataDir!, '--uds', join(sock, 'b.sock'), '--log-level', 'warning'],
    { ODSM_API_SECRET: secret },
    'backend.ready',
  );
  try {
    const rig = bridgeTo(join(sock, 'b.sock'), secret);
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
    backend.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(sock, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
