import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { reactRootPerTest } from '../../../test/react-root';
import type { AuditEntry } from '../types';
import { AuditEntries, who } from './audit-entries';

const view = reactRootPerTest();

function importEntry(others: number): AuditEntry {
  const created = (n: number) => ({ entity: 'students', entity_id: String(n), action: 'create', before: null, after: { first_name: `S${n}` } });
  return {
    id: 7,
    at: '2026-12-01T15:00:00Z',
    actor: 'desk@pc',
    entity: 'students',
    entity_id: '1',
    action: 'import',
    before: null,
    after: { first_name: 'S1', also_changed: Array.from({ length: others }, (_, i) => created(i + 2)) },
    reason: 'Imported from list.csv',
    student_id: 1,
    hash: 'ab'.repeat(32),
  } as AuditEntry;
}

const others = () => view.container.querySelectorAll('[data-testid="audit-other-change"]').length;
const showAll = () => view.container.querySelector<HTMLButtonElement>('[data-testid="audit-show-all-others"]');

describe('an audit entry that changed many records', () => {
  it('shows the first three, and the rest on asking', () => {
    view.render(<AuditEntries entries={[importEntry(200)]} timeZone="America/Toronto" />);
    expect(others()).toBe(3);
    expect(showAll()?.textContent).toBe('Show the other 197 records this change made');
    act(() => showAll()!.click());
    expect(others()).toBe(200);
    expect(showAll()).toBeNull();
  });

  it('shows a few in full, with no button', () => {
    view.render(<AuditEntries entries={[importEntry(2)]} timeZone="America/Toronto" />);
    expect(others()).toBe(2);
    expect(showAll()).toBeNull();
  });
});

describe('who made an entry', () => {
  it('names the staff account and the workstation with sign-in on, the OS account alone before it', () => {
    expect(who({ actor: 'desk@pc;staff=3', os_account: 'desk@pc', staff_name: 'Olive Front' })).toBe('Olive Front (at desk@pc)');
    expect(who({ actor: 'desk@pc', os_account: 'desk@pc', staff_name: null })).toBe('desk@pc');
  });
});
