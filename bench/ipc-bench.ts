/**
 * The round trip of db:students:get through the real handler, bridge and backend over a Unix socket,
 * against a raw ASGI echo over the same transport, in the same run. Prints one JSON line last.
 * Run by bench/run.py (jiti executes this TypeScript directly).
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { bridgeTo, percentile, python, round3, startAndWait } from './bench-support';

const DURATION_MS = Number(process.env.BENCH_SECONDS ?? '4') * 1000;

interface Figures { p50_ms: number; p99_ms: number; rps: number; n: number }

const rawAgent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/** One keep-alive GET over a Unix socket, its JSON answer parsed, as the bridge's transport does. */
function getJson(socketPath: string, path: string, headers: http.OutgoingHttpHeaders = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath, path, agent: rawAgent, headers: { ...headers, 'x-request-id': 'bench' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        JSON.parse(Buffer.concat(chunks).toString('utf8'));
        resolve();
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function measure(call: () => Promise<void>, concurrency: number): Promise<Figures> {
  for (let i = 0; i < 200; i += 1) await call(); // warm-up: sockets, caches, JIT
  const samples: number[] = [];
  const started = performance.now();
  const end = started + DURATION_MS;
  const worker = async (): Promise<void> => {
    while (performance.now() < end) {
      const t0 = performance.now();
      await call();
      samples.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  samples.sort((a, b) => a - b);
  return { p50_ms: round3(percentile(samples, 50)), p99_ms: round3(percentile(samples, 99)), rps: Math.round(samples.length / elapsed), n: samples.length };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'odsm-bench-'));
  const secret = randomBytes(32).toString('hex');
  const children: ChildProcess[] = [];
  try {
    const [backend, echo] = await Promise.all([
      startAndWait(python, ['-m', 'odsm', '--data-dir', join(dir, 'data'), '--uds', join(dir, 'backend.sock'), '--log-level', 'warning'], { ODSM_API_SECRET: secret }, 'backend.ready'),
      startAndWait(python, ['bench/echo_app.py', '--uds', join(dir, 'echo.sock')], {}, 'echo.ready'),
    ]);
    children.push(backend, echo);
    const rig = bridgeTo(join(dir, 'backend.sock'), secret);
    const created = await rig.data<{ id: number }>('db:students:create', {
      body: { first_name: 'Bench', last_name: 'Mark', date_of_birth: '2008-05-05', licence_number: 'M1234-56780-80505' },
    });
    const get = async (): Promise<void> => {
      await rig.data('db:students:get', { student_id: created.id });
    };
    // The same GET without the bridge: straight to the backend, and to an ASGI app that only echoes.
    const directCall = () => getJson(join(dir, 'backend.sock'), `/api/v1/students/${created.id}`, { authorization: `Bearer ${secret}` });
    const echoCall = () => getJson(join(dir, 'echo.sock'), '/echo');

    const result = {
      bridge_c1: await measure(get, 1),
      direct_c1: await measure(directCall, 1),
      echo_c1: await measure(echoCall, 1),
      bridge_c16: await measure(get, 16),
      echo_c16: await measure(echoCall, 16),
    };
    rig.dispose();
    rawAgent.destroy();
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
