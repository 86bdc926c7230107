// Losing the server for a moment: PostgreSQL ends every connection (pg_terminate_backend) while two
// workstations are in a burst of saves. Real backends, main's real bridge (retry with the same
// Idempotency-Key, breaker), one real database. Afterwards every save that was acknowledged is there
// exactly once, no retried key wrote twice, the breakers closed again, and both seats answer again
// within 5 s of the last cut (the figure the issue sets; the test prints it).
// PostgreSQL only: a SQLite file has no server to lose.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendSupervisor } from '../../main/backend/backend-supervisor';
import { silentLogger } from '../../main/log/json-logger';
import { DIAGNOSTICS_CHANNEL, type DiagnosticsReport } from '../../shared/app-channels';
import { newStudentBody } from './samples/students-samples';
import { backendCommand, testEngine } from '../support/real-backend';
import { startRealBridge, type RealBridge } from '../support/real-bridge';
import { standInBridge, type StandInBridge } from '../support/stand-in-bridge';

const run = promisify(execFile);
const WRITES_PER_DESK = 60;
const AT_ONCE = 10; // saves in flight per desk: a cut finds several under way on each backend
const CUTS = 4; // pg_terminate_backend rounds during the burst, and one more after it
const RECOVERY_BOUND_MS = 5_000;

interface Desk {
  name: string;
  bridge: StandInBridge;
  dataDir: string;
  breaker: string[];
}

/** psql on the test's database, as an administrator would; rows come back one a line. */
async function psql(databaseUrl: string, sql: string): Promise<string[]> {
  const url = new URL(databaseUrl.replace(/^postgresql\+psycopg:/, 'postgresql:'));
  const { stdout } = await run('psql', ['-h', url.hostname, '-p', url.port || '5432', '-U', url.username || 'postgres', '-d', url.pathname.slice(1), '-AtXqc', sql]);
  return stdout.split('\n').filter((line) => line !== '');
}

const cutEveryConnection = (url: string) =>
  psql(url, 'SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');

async function backendLogEvents(dataDir: string, event: string): Promise<number> {
  const text = await readFile(join(dataDir, 'logs', 'backend.log'), 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line.includes(`"event": "${event}"`) || line.includes(`"event":"${event}"`)).length;
}

/** Keeps asking `desk` for its student list until it answers; the milliseconds since `since`. */
async function answersAgain(desk: Desk, since: number): Promise<number> {
  for (;;) {
    const result = await desk.bridge.invoke('db:students:list', { limit: 1 });
    if (result.ok) return performance.now() - since;
    await new Promise((done) => setTimeout(done, 50));
  }
}

describe.skipIf(testEngine !== 'postgresql')('losing the server for a moment', () => {
  let first: RealBridge;
  let second: BackendSupervisor;
  let secondDir: string;
  const desks: Desk[] = [];

  beforeAll(async () => {
    const breakerOf = (events: string[]) => ({ policy: { onBreakerOpen: () => events.push('open'), onBreakerReset: () => events.push('closed') } });
    const firstBreaker: string[] = [];
    first = await startRealBridge(() => breakerOf(firstBreaker));
    desks.push({ name: 'first', bridge: first.bridge, dataDir: first.dataDir, breaker: firstBreaker });
    secondDir = await mkdtemp(join(tmpdir(), 'odsm-data-'));
    second = new BackendSupervisor({ command: backendCommand(), dataDir: secondDir, env: first.env, readyTimeoutMs: 45_000 });
    await second.start();
    const secondBreaker: string[] = [];
    const bridge = standInBridge({ connection: () => second.connection(), log: silentLogger, ...breakerOf(secondBreaker) });
    desks.push({ name: 'second', bridge, dataDir: secondDir, breaker: secondBreaker });
  });

  afterAll(async () => {
    desks[1]?.bridge.dispose();
    await second?.stop();
    await rm(secondDir, { recursive: true, force: true });
    await first?.stop();
  });

  it('keeps every acknowledged save exactly once, and both seats answer again within 5 s', async () => {
    const url = String(first.env.DATABASE_URL);
    const acknowledged = new Map<string, number>(); // last name -> student id
    const refused: string[] = [];
    const sent: string[] = [];
    let done = 0;
    const cutsAt = Array.from({ length: CUTS }, (_, i) => Math.round(((i + 1) * 2 * WRITES_PER_DESK) / (CUTS + 1)));
    const cuts: Promise<unknown>[] = [];

    const save = async (desk: Desk) => {
      const body = newStudentBody();
      sent.push(body.last_name);
      const result = await desk.bridge.invoke<{ id: number }>('db:students:create', { body });
      if (result.ok) acknowledged.set(body.last_name, result.data.id);
      else refused.push(`${desk.name}: ${result.error.code}`);
      done += 1;
      if (cutsAt.includes(done)) {
        cuts.push(cutEveryConnection(url));
      }
    };
    await Promise.all(
      desks.map(async (desk) => {
        for (let wave = 0; wave < WRITES_PER_DESK / AT_ONCE; wave += 1) {
          await Promise.all(Array.from({ length: AT_ONCE }, () => save(desk)));
        }
      }),
    );
    await Promise.all(cuts);
    // One more cut with both seats idle: every pooled connection and LISTEN connection is dead now.
    await cutEveryConnection(url);
    const lastCut = performance.now();
    const recovery = await Promise.all(desks.map((desk) => answersAgain(desk, lastCut)));

    // Every acknowledged save is there once; no save, acknowledged or not, is there twice.
    const rows = await psql(url, "SELECT last_name || '|' || id FROM students");
    const stored = new Map<string, number[]>();
    for (const row of rows) {
      const [name, id] = row.split('|') as [string, string];
      stored.set(name, [...(stored.get(name) ?? []), Number(id)]);
    }
    for (const [name, id] of acknowledged) expect(stored.get(name), name).toEqual([id]);
    for (const name of sent) expect((stored.get(name) ?? []).length, name).toBeLessThanOrEqual(1);
    expect(rows.length).toBeLessThanOrEqual(sent.length);

    const logged = async (event: string) => (await Promise.all(desks.map((desk) => backendLogEvents(desk.dataDir, event)))).reduce((a, b) => a + b, 0);
    // A save cut mid-transaction runs again at once in its backend (db.retry: its unit of work;
    // idempotency.rerun_after_lost_connection: the whole request, when the cut found it holding its
    // transaction open); one cut at its very COMMIT answers 503 and main retries it with its key, which
    // the backend replays if that commit had landed.
    const retries = (await logged('db.retry')) + (await logged('idempotency.rerun_after_lost_connection'));
    const commitsCut = await logged('idempotency.commit_failed');
    const replays = await logged('idempotency.replayed');
    const unavailable = await logged('db.unavailable');
    const reports = await Promise.all(desks.map(async (desk) => (await desk.bridge.invoke<DiagnosticsReport>(DIAGNOSTICS_CHANNEL)).ok));
    console.log(
      JSON.stringify({
        sent: sent.length,
        acknowledged: acknowledged.size,
        refused,
        backendRetries: retries,
        commitsCut,
        replays,
        unavailable,
        breakers: desks.map((desk) => desk.breaker),
        recoveryMs: recovery.map(Math.round),
      }),
    );
    // The cuts reached saves under way (else this test proved nothing), and they were retried.
    expect(retries + commitsCut).toBeGreaterThan(0);
    // A moment's loss is not a dead server: every save was acknowledged, none refused.
    expect(refused).toEqual([]);
    expect(acknowledged.size).toBe(sent.length);
    // Any breaker that opened closed again.
    for (const desk of desks) expect(desk.breaker.filter((e) => e === 'open').length).toBe(desk.breaker.filter((e) => e === 'closed').length);
    expect(reports).toEqual([true, true]);
    for (const ms of recovery) expect(ms).toBeLessThan(RECOVERY_BOUND_MS);
  });
});
