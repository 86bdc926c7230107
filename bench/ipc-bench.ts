/**
 * The bridge as the app runs it (main's logger at info with its file, the backend started by the supervisor
 * with its own logging), over a Unix socket: a read (db:students:get), a list page (db:students:list), a
 * booking check (db:lessons:check) and a keyed write (db:students:create); the same read as a raw
 * http.request on the same socket, and a raw ASGI echo on the same transport, in the same run; c=16; the CPU
 * each side spends per call. DATABASE_URL in BENCH_DATABASE_URL runs it on PostgreSQL; BENCH_ECHO=0 skips
 * the echo. Run by bench/run.py (jiti executes this TypeScript directly); prints one JSON line last.
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { futureSlot, lessonBody, lessonParties } from '../electron/test/contract/samples/school-records';
import { newStudentBody } from '../electron/test/contract/samples/students-samples';
import { appLogger, bridgeTo, cpuSeconds, percentile, python, round3, rssMb, startAndWait, startAppBackend, type BridgeRig } from './bench-support';

const DURATION_MS = Number(process.env.BENCH_SECONDS ?? '4') * 1000;
const databaseUrl = process.env.BENCH_DATABASE_URL;
const withEcho = process.env.BENCH_ECHO !== '0';

interface Figures {
  p50_ms: number;
  p99_ms: number;
  rps: number;
  n: number;
  /** This process's CPU per call (main's side), in µs. */
  main_cpu_us: number;
  /** The backend's CPU per call, in µs, when it is the one answering. */
  backend_cpu_us?: number;
  /** The backend's CPU seconds per wall second over the run: 1.0 is one core, all the time. */
  backend_cores?: number;
}

const rawAgent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/** One keep-alive GET over a Unix socket, its JSON answer parsed: the floor the bridge's transport stands on. */
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

async function measure(call: () => Promise<void>, concurrency: number, backendPid?: number): Promise<Figures> {
  for (let i = 0; i < 200; i += 1) await call(); // warm-up: sockets, caches, JIT
  const samples: number[] = [];
  const cpu0 = process.cpuUsage();
  const backend0 = backendPid === undefined ? 0 : cpuSeconds(backendPid);
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
  const cpu = process.cpuUsage(cpu0);
  samples.sort((a, b) => a - b);
  const n = samples.length;
  const figures: Figures = {
    p50_ms: round3(percentile(samples, 50)),
    p99_ms: round3(percentile(samples, 99)),
    rps: Math.round(n / elapsed),
    n,
    main_cpu_us: Math.round((cpu.user + cpu.system) / n),
  };
  if (backendPid !== undefined) {
    const backendCpu = cpuSeconds(backendPid) - backend0;
    figures.backend_cpu_us = Math.round((backendCpu * 1e6) / n);
    figures.backend_cores = Math.round((backendCpu / elapsed) * 100) / 100;
  }
  return figures;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'odsm-bench-'));
  const children: ChildProcess[] = [];
  const log = appLogger(join(dir, 'data'));
  const backend = await startAppBackend(join(dir, 'data'), log, databaseUrl ? { DATABASE_URL: databaseUrl } : {});
  try {
    if (withEcho) children.push(await startAndWait(python, ['bench/echo_app.py', '--uds', join(dir, 'echo.sock')], {}, 'echo.ready'));
    const socketPath = (backend.connection.endpoint as { socketPath: string }).socketPath;
    const rig: BridgeRig = bridgeTo(backend.connection, log);
    const call = (channel: string, payload?: unknown) => rig.data(channel, payload);
    const created = await rig.data<{ id: number }>('db:students:create', { body: newStudentBody() });
    // A booking check with real parties: an enrolled G1 student, an instructor with hours, a vehicle.
    const parties = await lessonParties(call);
    const checkBody = lessonBody(parties, futureSlot());
    const pid = backend.pid;

    const get = async (): Promise<void> => {
      await rig.data('db:students:get', { student_id: created.id });
    };
    const direct = () => getJson(socketPath, `/api/v1/students/${created.id}`, { authorization: `Bearer ${backend.connection.secret}` });
    const result: Record<string, Figures | number> = {
      bridge_c1: await measure(get, 1, pid),
      direct_c1: await measure(direct, 1, pid),
      ...(withEcho ? { echo_c1: await measure(() => getJson(join(dir, 'echo.sock'), '/echo'), 1) } : {}),
      // Each create is a new student through the bridge's Idempotency-Key; the list then pages over them all.
      create_c1: await measure(async () => void (await rig.data('db:students:create', { body: newStudentBody() })), 1, pid),
      list_c1: await measure(async () => void (await rig.data('db:students:list', { limit: 25, offset: 0 })), 1, pid),
      check_c1: await measure(async () => void (await rig.data('db:lessons:check', { body: checkBody })), 1, pid),
      bridge_c16: await measure(get, 16, pid),
      direct_c16: await measure(direct, 16, pid),
      ...(withEcho ? { echo_c16: await measure(() => getJson(join(dir, 'echo.sock'), '/echo'), 16) } : {}),
      backend_rss_mb: rssMb(pid),
    };
    rig.dispose();
    rawAgent.destroy();
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await backend.stop();
    await log.close();
    for (const child of children) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
