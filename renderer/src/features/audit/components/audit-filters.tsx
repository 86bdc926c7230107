import { Button } from '../../../components/ui/button';
import { SelectField, TextField } from '../../../components/ui/field';
import { useAuditFilterOptions } from '../api/audit';

export type AuditFilterValues = { from: string; to: string; person: string; entity: string; q: string };
export const NO_FILTERS: AuditFilterValues = { from: '', to: '', person: '', entity: '', q: '' };

/** "To" before "From": said on the field, and the log isn't asked until it is put right. */
export function dateProblem(filters: AuditFilterValues): string | undefined {
  return filters.from && filters.to && filters.to < filters.from ? 'The last day can’t be before the first day.' : undefined;
}

/** The filters in use, in words, for the empty result: "from Jun 1, by Priya Shah, matching “civic”". */
export function filtersInWords(filters: AuditFilterValues, personLabel: string | undefined, kindLabel: string | undefined): string[] {
  const words: string[] = [];
  if (filters.from) words.push(`from ${filters.from}`);
  if (filters.to) words.push(`to ${filters.to}`);
  if (filters.person) words.push(`by ${personLabel ?? 'the person chosen'}`);
  if (filters.entity) words.push(`only ${(kindLabel ?? filters.entity).toLowerCase()}`);
  if (filters.q.trim()) words.push(`matching “${filters.q.trim()}”`);
  return words;
}

/** The audit log's filters: days (the school's, both included), who did it, the kind of record, and words. */
export function AuditFilterBar({ filters, onChange }: { filters: AuditFilterValues; onChange: (next: AuditFilterValues) => void }) {
  const options = useAuditFilterOptions();
  const set = (change: Partial<AuditFilterValues>) => onChange({ ...filters, ...change });
  const any = Object.values(filters).some((value) => value !== '');
  return (
    <div className="toolbar audit-filters" role="search" aria-label="Filter the audit log" data-testid="audit-filters">
      <TextField id="audit-from" label="From" type="date" value={filters.from} onChange={(event) => set({ from: event.target.value })} data-testid="audit-from" />
      <TextField id="audit-to" label="To" type="date" value={filters.to} onChange={(event) => set({ to: event.target.value })} error={dateProblem(filters)} data-testid="audit-to" />
      <SelectField id="audit-person" label="Person" value={filters.person} onChange={(event) => set({ person: event.target.value })} data-testid="audit-person">
        <option value="">Anyone</option>
        {(options.data?.people ?? []).map((person) => (
          <option key={person.key} value={person.key}>
            {person.label}
          </option>
        ))}
      </SelectField>
      <SelectField id="audit-entity" label="Kind of record" value={filters.entity} onChange={(event) => set({ entity: event.target.value })} data-testid="audit-entity">
        <option value="">Everything</option>
        {(options.data?.kinds ?? []).map((kind) => (
          <option key={kind.entity} value={kind.entity}>
            {kind.label}
          </option>
        ))}
      </SelectField>
      <TextField
        id="audit-q"
        label="Search"
        type="search"
        value={filters.q}
        maxLength={200}
        placeholder="Name, reason or value"
        onChange={(event) => set({ q: event.target.value })}
        data-testid="audit-q"
      />
      {any ? (
        <Button variant="ghost" onClick={() => onChange(NO_FILTERS)} data-testid="audit-filters-clear">
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
