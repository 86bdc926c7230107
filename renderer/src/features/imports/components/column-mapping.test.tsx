import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../lib/odsm';
import { reactRootPerTest } from '../../../test/react-root';
import { ColumnMapping } from './column-mapping';

const view = reactRootPerTest();

const preview: ImportPreview = {
  kind: 'students',
  file: '/tmp/students.csv',
  encoding: 'utf-8',
  sha256: 'a'.repeat(64),
  columns: [
    { column: 'Given', field: 'first_name' },
    { column: 'Family', field: 'last_name' },
    { column: '', field: null },
  ],
  fields: [
    { name: 'first_name', required: true },
    { name: 'last_name', required: true },
    { name: 'notes', required: false },
  ],
  missing_fields: ['date_of_birth'],
  rows_total: 0,
  rows_valid: 0,
  rows_with_problems: 0,
  problems: [],
  problems_total: 0,
  sample: [],
};

function render(onChange: (mapping: (string | null)[]) => void, disabled = false) {
  view.render(<ColumnMapping preview={preview} disabled={disabled} onChange={onChange} />);
  return [...view.container.querySelectorAll('select')];
}

function choose(select: HTMLSelectElement, value: string) {
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('ColumnMapping', () => {
  it('gives each column a select labelled with its heading, offering every field and "Leave out"', () => {
    const selects = render(() => {});
    expect(selects.map((s) => s.getAttribute('aria-label'))).toEqual([
      'Field for the column “Given”',
      'Field for the column “Family”',
      'Field for the column “(column 3, no heading)”',
    ]);
    expect(selects.map((s) => s.value)).toEqual(['first_name', 'last_name', '']);
    expect([...selects[0]!.options].map((o) => o.textContent)).toEqual(['Leave out', 'First name (required)', 'Last name (required)', 'Notes']);
  });

  it('answers the whole mapping: a field chosen again moves to its new column, and "Leave out" is null', () => {
    const seen: (string | null)[][] = [];
    const selects = render((mapping) => seen.push(mapping));
    choose(selects[2]!, 'first_name');
    choose(selects[1]!, '');
    expect(seen).toEqual([
      [null, 'last_name', 'first_name'],
      ['first_name', null, null],
    ]);
  });

  it('cannot be changed while disabled (an import running)', () => {
    expect(render(() => {}, true).every((s) => s.disabled)).toBe(true);
  });
});
