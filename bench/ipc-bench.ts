/**
 * The round trip of db:students:get through the real handler, bridge and backend over a Unix socket,
 * against a raw ASGI echo over the same transport, in the same run. Prints one JSON line last.
 * Run by bench/run.py (jiti executes this TypeScript directly).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createBridge, registerChannels } from '../electron/main/bridge/bridge';
import { createHttpTransport } from '../electron/main/bridge/http-transport';
import { IpcMainStandIn } from '../electron/main/bridge/ipc-main-stand-in';
import { loadManifest } from '../electron/main/bridge/manifest';
import { createBackendPolicies } from '../electron/main/bridge/policies';
import { createSenderCheck } from '../electron/main/bridge/sender-check';
import { createJsonLogger } from '../electron/main/log/json-logger';

const ORIGIN = 'app://odsm';
const EVENT = { senderFrame: { url: `${ORIGIN}/index.html`, parent: null } };
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? '4') * 1000;
const python = process.env.BENCH_PYTHON ?? '.venv/bin/python';

interface Figures { p50_ms: number; p99_ms: number; rps: number; n: number }

function waitForLine(child: ChildProcess, predicate: (line: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error('no ready line within 30 s')), 30_000);
    rl.on('line', (line) => {
      if (predicate(line)) {
        clearTimeout(timer);
        rl.close();
        resolve(line);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before ready`)));
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
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
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  return { p50_ms: round(percentile(samples, 50)), p99_ms: round(percentile(samples, 99)), rps: Math.round(samples.length / elapsed), n: samples.length };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'odsm-bench-'));
  const secret = randomBytes(32).toString('hex');
  const children: ChildProcess[] = [];
  try {
    const backend = spawn(python, ['-m', 'odsm', '--data-dir', join(dir, 'data'), '--uds', join(dir, 'backend.sock'), '--log-level', 'warning'], {
      env: { ...process.env, ODSM_API_SECRET: secret },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const echo = spawn(python, ['bench/echo_app.py', '--uds', join(dir, 'echo.sock')], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(backend, echo);
    await Promise.all([waitForLine(backend, (l) => l.includes('backend.ready')), waitForLine(echo, (l) => l.includes('echo.ready'))]);

    const transport = createHttpTransport({ connection: () => ({ endpoint: { socketPath: join(dir, 'backend.sock') }, secret }), maxSockets: 16 });
    const ipc = new IpcMainStandIn();
    const bridge = createBridge({
      manifest: loadManifest(),
      transport,
      policies: createBackendPolicies(),
      log: createJsonLogger({ level: 'warn' }),
      isTrustedSender: createSenderCheck({ allowedOrigins: [ORIGIN] }),
    });
    registerChannels(ipc, bridge);

    const created = (await ipc.invoke('db:students:create', EVENT, {
      body: { first_name: 'Bench', last_name: 'Mark', date_of_birth: '2008-05-05', licence_number: 'M1234-56780-80505' },
    })) as { ok: boolean; data: { id: number } };
    if (!created.ok) throw new Error(`could not create the bench student: ${JSON.stringify(created)}`);
    const get = async (): Promise<void> => {
      const r = (await ipc.invoke('db:students:get', EVENT, { student_id: created.data.id })) as { ok: boolean };
      if (!r.ok) throw new Error(`db:students:get failed: ${JSON.stringify(r)}`);
    };

    const echoAgent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const echoCall = (): Promise<void> =>
      new Promise((resolve, reject) => {
        const req = http.request({ socketPath: join(dir, 'echo.sock'), path: '/echo', agent: echoAgent, headers: { 'x-request-id': 'bench' } }, (res) => {
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

    const directCall = (): Promise<void> =>
      new Promise((resolve, reject) => {
        const req = http.request(
          { socketPath: join(dir, 'backend.sock'), path: `/api/v1/students/${created.data.id}`, agent: echoAgent, headers: { authorization: `Bearer ${secret}`, 'x-request-id': 'bench' } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              JSON.parse(Buffer.concat(chunks).toString('utf8'));
              resolve();
            });
          },
        );
        req.on('error', reject);
        req.end();
      });

    const result = {
      bridge_c1: await measure(get, 1),
      direct_c1: await measure(directCall, 1),
      echo_c1: await measure(echoCall, 1),
      bridge_c16: await measure(get, 16),
      echo_c16: await measure(echoCall, 16),
    };
    transport.close();
    echoAgent.destroy();
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
