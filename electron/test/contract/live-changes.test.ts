// Live between seats, through main: the backend's change stream, main's follower (the module index.ts
// wires), the preload's filter and the renderer's own invalidation map, on real backends.
// Two backends on one database is a PostgreSQL set-up (two workstations share a server); two backends on
// one SQLite file is not supported, so that test runs with ODSM_TEST_ENGINE=postgresql only. One
// backend's own stream (two windows on one machine) runs on both engines.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { liveQueries } from '../../../renderer/src/app/live-changes';
import { invalidateChanged } from '../../../renderer/src/lib/live-queries';
import { BackendSupervisor } from '../../main/backend/backend-supervisor';
import { followChangeStream, type ChangeStream } from '../../main/changes/change-stream';
import { silentLogger } from '../../main/log/json-logger';
import { knownKinds, type DataChanged } from '../../shared/data-changes';
import { newStudentBody } from './samples/students-samples';
import { backendCommand, testEngine } from '../support/real-backend';
import { startRealBridge, type RealBridge } from '../support/real-bridge';
import { standInBridge, type StandInBridge } from '../support/stand-in-bridge';

/** What a window receives: main's pushes, after the preload's filter. */
class Window {
  readonly received: DataChanged[] = [];
  private waiters: (() => void)[] = [];

  push(change: DataChanged): void {
    const kinds = knownKinds(change.kinds);
    if (kinds.length === 0) return;
    this.received.push({ kinds });
    this.waiters.splice(0).forEach((wake) => wake());
  }

  /** Resolves once a push names `kind` (the test's own timeout bounds the wait). */
  async until(kind: string): Promise<DataChanged[]> {
    while (!this.received.some((change) => change.kinds.includes(kind as never))) {
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
    return this.received;
  }
}

function follow(connection: () => ReturnType<BackendSupervisor['connection']>, window: Window): ChangeStream {
  return followChangeStream({ connection, log: silentLogger, onChange: (change) => window.push(change), initialDelayMs: 50, maxDelayMs: 500 });
}

async function standing(stream: ChangeStream): Promise<void> {
  while (!stream.connected()) await new Promise((done) => setTimeout(done, 20));
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function realBridge(): Promise<RealBridge> {
  const real = await startRealBridge();
  cleanups.push(() => real.stop());
  return real;
}

describe('the change stream through main', () => {
  it("tells this backend's own write to its windows by kind, on either engine", async () => {
    const real = await realBridge();
    const window = new Window();
    const stream = follow(() => real.supervisor.connection(), window);
    cleanups.push(() => stream.stop());
    await standing(stream);

    await real.call('db:students:create', { body: newStudentBody() });
    const received = await window.until('students');
    expect(received).toEqual([{ kinds: ['audit', 'students'] }]);
  });

  it('reconnects after the backend restarts and tells "everything" once, then kinds again', async () => {
    const real = await realBridge();
    const window = new Window();
    const stream = follow(() => real.supervisor.connection(), window);
    cleanups.push(() => stream.stop());
    await standing(stream);

    const pid = real.supervisor.pid();
    process.kill(pid!, 'SIGKILL'); // the supervisor restarts it, on a new socket
    await window.until('everything');
    await standing(stream);
    await real.call('db:vehicles:create', {
      body: {
        plate: 'LIVE001',
        vin: '2HGFC2F59MH512345',
        make: 'Honda',
        model: 'Civic',
        year: 2021,
        transmission: 'automatic',
        dual_brake: true,
        insurance_expiry: '2099-06-30',
        inspection_expiry: '2099-01-31',
        odometer_km: 40000,
      },
    });
    const received = await window.until('vehicles');
    expect(received).toEqual([{ kinds: ['everything'] }, { kinds: ['audit', 'vehicles'] }]);
    expect(real.supervisor.pid()).not.toBe(pid);
  });

  it.skipIf(testEngine !== 'postgresql')(
    "shows a student created at one workstation in the other's student list, with no reload",
    async () => {
      const first = await realBridge();
      // The second workstation: its own data dir and backend, the same PostgreSQL database.
      const dir = await mkdtemp(join(tmpdir(), 'odsm-data-'));
      const supervisor = new BackendSupervisor({ command: backendCommand(), dataDir: dir, env: first.env, readyTimeoutMs: 45_000 });
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      await supervisor.start();
      cleanups.push(() => supervisor.stop());
      const second: StandInBridge = standInBridge({ connection: () => supervisor.connection(), log: silentLogger });
      cleanups.push(() => second.dispose());

      // The second desk's Students screen: a list query kept fresh by its window's pushes.
      const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
      cleanups.push(() => queryClient.clear());
      const list = new QueryObserver(queryClient, {
        queryKey: ['students', 'list', { q: 'Lee', limit: 50, offset: 0 }],
        queryFn: async () => {
          const result = await second.invoke<{ items: { id: number }[] }>('db:students:list', { q: 'Lee', limit: 50, offset: 0 });
          if (!result.ok) throw new Error(result.error.code);
          return result.data.items.map((student) => student.id);
        },
      });
      const seen: number[][] = [];
      cleanups.push(list.subscribe((result) => result.data && seen.push(result.data)));
      const window = new Window();
      const stream = follow(() => supervisor.connection(), {
        push: (change: DataChanged) => {
          window.push(change);
          void invalidateChanged(queryClient, liveQueries, knownKinds(change.kinds));
        },
      } as Window);
      cleanups.push(() => stream.stop());
      await standing(stream);
      const before = await list.refetch();
      expect(before.error).toBeNull();
      expect(seen.at(-1)).toEqual([]);

      const created = await first.call<{ id: number }>('db:students:create', { body: newStudentBody() });
      expect(await window.until('students')).toEqual([{ kinds: ['audit', 'students'] }]);
      while (!seen.at(-1)?.includes(created.id)) await new Promise((done) => setTimeout(done, 20));
      expect(seen.at(-1)).toEqual([created.id]);
    },
  );
});
