import { useState } from 'react';
import { Page } from '../../../components/ui/page';
import { Segmented } from '../../../components/ui/segmented';
import { SelectField } from '../../../components/ui/field';
import { todayIn } from '../../../lib/dates';
import { useSchoolClock } from '../../settings';
import { useHstReturn, useReceivables, useRevenue, type Grouping, type RevenuePeriod } from '../api/money-reports';
import { useAccountantExport } from './accountant-export';
import { HstReturn } from './hst-return';
import { ReceivablesSection, TopOwing } from './receivables-section';
import { RevenueSection } from './revenue-section';

const GROUPINGS = [
  { id: 'month', label: 'Month' },
  { id: 'quarter', label: 'Quarter' },
  { id: 'year', label: 'Year' },
] as const;
const YEARS_LISTED = 10;

/** "Q2 2026", "Apr 2026", "2026": a period as the return and the export name it. */
function periodName(period: RevenuePeriod, grouping: Grouping, year: number): string {
  return grouping === 'year' ? period.label : `${period.label} ${year}`;
}

/** The period the page opens on: the one holding today in the year shown, else the year's last. */
function defaultIndex(periods: readonly RevenuePeriod[], grouping: Grouping, year: number, today: string): number {
  if (grouping === 'year') return periods.findIndex((p) => p.label === String(year));
  const holding = periods.findIndex((p) => p.start <= today && today <= p.end);
  return holding >= 0 ? holding : periods.length - 1;
}

export function MoneyReportsPage() {
  const { timeZone } = useSchoolClock();
  const today = todayIn(timeZone);
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [grouping, setGrouping] = useState<Grouping>('month');
  const [chosen, setChosen] = useState<number | null>(null);
  const revenue = useRevenue(year, grouping);
  const receivables = useReceivables();
  // While another year or grouping loads, the last one's periods stay on screen (keepPreviousData): only
  // those matching what is chosen may name the return's period.
  const periods = revenue.data && revenue.data.year === year && revenue.data.grouping === grouping ? revenue.data.periods : [];
  const index = chosen ?? defaultIndex(periods, grouping, year, today);
  const period = periods[index];
  const named = period ? { start: period.start, end: period.end, name: periodName(period, grouping, year) } : undefined;
  const hst = useHstReturn(named);
  const exporter = useAccountantExport(named);

  const choose = (next: { year?: number; grouping?: Grouping }) => {
    if (next.year !== undefined) setYear(next.year);
    if (next.grouping !== undefined) setGrouping(next.grouping);
    setChosen(null);
  };

  return (
    <Page id="money-reports" title="Money reports" subtitle="Sales and HST for the return, what students owe, and a file for the accountant." actions={exporter.button}>
      {exporter.outcome}
      <div className="money-controls">
        <SelectField id="money-year" label="Year" value={String(year)} onChange={(e) => choose({ year: Number(e.target.value) })}>
          {Array.from({ length: YEARS_LISTED }, (_, i) => thisYear - i).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <div className="field">
          <span className="field__label">
            Per
          </span>
          <Segmented label="Show figures per" options={GROUPINGS} value={grouping} onChange={(g) => choose({ grouping: g })} testIdPrefix="money-grouping" />
        </div>
        <SelectField
          id="money-period"
          label="Return and export period"
          value={period ? String(index) : ''}
          onChange={(e) => setChosen(Number(e.target.value))}
          disabled={periods.length === 0}
        >
          {periods.map((p, i) => (
            <option key={p.start} value={i}>
              {periodName(p, grouping, year)}
            </option>
          ))}
        </SelectField>
      </div>
      <RevenueSection query={revenue} grouping={grouping} year={year} />
      <div className="money-grid">
        <HstReturn query={hst} periodName={named?.name ?? '…'} />
        <ReceivablesSection query={receivables} />
      </div>
      <TopOwing query={receivables} />
    </Page>
  );
}
