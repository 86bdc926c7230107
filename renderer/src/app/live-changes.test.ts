import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { invalidateChanged } from '../lib/live-queries';
import { liveQueries } from './live-changes';

// One cached query under each feature's root key, as the screens leave them, plus two that are not
// backend records at all (main's backup status, Help → Diagnostics).
const cached = [
  ['students', 'list', { q: '' }],
  ['students', 'detail', 7],
  ['instructors', 'list', {}],
  ['vehicles', 'odometer', 3],
  ['courses', 'list', {}],
  ['lessons', 'list', { from: '2026-12-01' }],
  ['enrollments', 'student', 7],
  ['classroom', 'list', {}],
  ['certification', 'worklist'],
  ['audit', 'history', {}],
  ['settings'],
  ['demo', 'status'],
  ['backups', 'status'],
  ['diagnostics', 'report'],
] as const;

async function invalidatedBy(kinds: Parameters<typeof invalidateChanged>[2]): Promise<string[]> {
  const client = new QueryClient();
  for (const key of cached) client.setQueryData(key, 'shown');
  await invalidateChanged(client, liveQueries, kinds);
  return client
    .getQueryCache()
    .getAll()
    .filter((query) => query.state.isInvalidated)
    .map((query) => JSON.stringify(query.queryKey))
    .sort();
}

const keys = (...roots: string[]) => cached.filter((key) => roots.includes(key[0])).map((key) => JSON.stringify(key)).sort();

describe('a change from another seat', () => {
  it('refreshes exactly the queries that show a student: the list, a file, and the screens naming students', async () => {
    expect(await invalidatedBy(['students'])).toEqual(keys('students', 'lessons', 'classroom', 'certification', 'demo'));
  });

  it('refreshes only the audit log for an audit entry, and only settings for the school settings', async () => {
    expect(await invalidatedBy(['audit'])).toEqual(keys('audit'));
    expect(await invalidatedBy(['settings'])).toEqual(keys('settings', 'lessons'));
  });

  it('refreshes the union for several kinds, and nothing for none', async () => {
    expect(await invalidatedBy(['vehicles', 'audit'])).toEqual(keys('vehicles', 'lessons', 'audit', 'demo'));
    expect(await invalidatedBy([])).toEqual([]);
  });

  it('refreshes every query, main-only ones too, for "everything" (after a reconnect)', async () => {
    expect(await invalidatedBy(['everything'])).toEqual(cached.map((key) => JSON.stringify(key)).sort());
  });
});
