import { describe, expect, it } from 'vitest';
import { anchorBreakText, driftText } from './chain-findings';
import { guardWarningText } from './guard-warning';

const HASH = 'ab'.repeat(32);

describe('what verify found, in plain words', () => {
  it('names a changed record and its fields', () => {
    expect(driftText({ entity: 'students', entity_id: '12', change: 'changed', fields: ['last_name', 'notes'] })).toBe(
      'Student #12: last name, notes changed without an audit entry.',
    );
    expect(driftText({ entity: 'instructor_time_off', entity_id: '3', change: 'missing', fields: [] })).toBe(
      'Instructor time off #3: removed without an audit entry.',
    );
  });

  it('says whether the log was cut short or rewritten after the kept entry', () => {
    const base = { anchor_id: 40, anchor_hash: HASH, entries: 31, found_hash: null };
    expect(anchorBreakText({ ...base, code: 'audit.chain_cut_short' })).toContain('cut short');
    expect(anchorBreakText({ ...base, code: 'audit.chain_rehashed', entries: 40, found_hash: 'cd'.repeat(32) })).toContain('entry #40 no longer matches');
  });
});

describe("Home's warning about the audit log's protection", () => {
  it('is silent while nothing was restored', () => {
    expect(guardWarningText({ guards_restored: [] }, 'America/Toronto')).toBeUndefined();
  });

  it("gives the day of the latest restore in the school's zone", () => {
    const restored = [
      // 02:30 UTC on Mar 5 is still Mar 4 in Toronto.
      { trigger: 'audit_log_no_delete', table: 'audit_log', restored_at: '2026-03-05T02:30:00Z' },
      { trigger: 'audit_log_no_update', table: 'audit_log', restored_at: '2026-01-10T15:00:00Z' },
    ];
    expect(guardWarningText({ guards_restored: restored }, 'America/Toronto')).toBe(
      "The audit log's protection was switched off outside the app and has been restored on Wednesday, March 4, 2026. Tell the owner.",
    );
  });
});
