import { describe, expect, it } from 'vitest';
import { cashUpDay, cashUpDocumentId, documentFileName, documentHash, parseDocumentHash } from '../../shared/documents';

describe('the cash-up document: a day, not a record', () => {
  it('names the day as YYYYMMDD on its print route and back', () => {
    const id = cashUpDocumentId('2026-12-02');
    expect(id).toBe(20261202);
    expect(documentHash({ kind: 'cash-up', id })).toBe('#print/cash-up/20261202/letter');
    expect(parseDocumentHash('#print/cash-up/20261202/a4')).toEqual({ kind: 'cash-up', id: 20261202, paper: 'a4' });
    expect(cashUpDay(id)).toBe('2026-12-02');
    expect(documentFileName({ kind: 'cash-up', id }, '2026-12-05')).toBe('cash-up-2026-12-02.pdf');
  });

  it('reads no day from an id that is not one', () => {
    expect(cashUpDay(20261302)).toBeUndefined();
    expect(cashUpDay(20260230)).toBeUndefined();
    expect(cashUpDay(7)).toBeUndefined();
  });
});
