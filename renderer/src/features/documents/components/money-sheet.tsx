// The parts an invoice, a receipt and a statement share on paper: who issues it, to whom, and a column of
// figures with the amounts right-aligned so the cents line up.
import type { ReactNode } from 'react';
import { formatMoney } from '../../../lib/money';
import type { SchoolSettings, Student } from '../types';
import type { Figure } from './money-figures';

/** The school's name and address, its HST number when the document shows one, and the title block. */
export function MoneySheetHeader({ school, hstNumber, title, titleId, facts }: { school: SchoolSettings; hstNumber?: string | null; title: string; titleId: string; facts: Array<[string, string]> }) {
  return (
    <header className="money-sheet__header">
      <div className="money-sheet__from">
        <p className="print-sheet__school">{school.name || 'Driving school'}</p>
        {school.address ? <p className="print-sheet__address">{school.address}</p> : null}
        {hstNumber ? <p className="print-sheet__address">HST registration no. {hstNumber}</p> : null}
      </div>
      <div className="money-sheet__title">
        <h1 id={titleId}>{title}</h1>
        <dl className="money-sheet__facts">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </header>
  );
}

/** Who the document is for: a name, and the lines under it (the student's address, "For: …"). */
export function AddressBlock({ heading, name, lines }: { heading: string; name: string; lines: Array<string | null | undefined> }) {
  return (
    <section className="money-sheet__to" aria-label={heading}>
      <h2>{heading}</h2>
      <p className="money-sheet__to-name">{name}</p>
      {lines.filter((line): line is string => Boolean(line)).map((line) => (
        <p key={line}>{line}</p>
      ))}
    </section>
  );
}

/** A student's postal lines for a bill-to block (the address as kept, one entry). */
export function studentLines(student: Student | null): string[] {
  return student?.address ? [student.address] : [];
}

/** Label and amount, one a line, right-aligned; totals ruled above, the parts of a figure set in under it. */
export function Figures({ rows, label, testId }: { rows: Figure[]; label: string; testId?: string }) {
  return (
    <table className="money-sheet__figures" aria-label={label} data-testid={testId}>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label} className={[row.strong && 'money-sheet__figure--strong', row.lead && 'money-sheet__figure--lead', row.detail && 'money-sheet__figure--detail'].filter(Boolean).join(' ') || undefined}>
            <th scope="row">{row.label}</th>
            <td>{row.text ?? formatMoney(row.cents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A table of money rows whose last columns are amounts (right-aligned, tabular figures). */
export function MoneyTable({ head, rows, amountColumns, caption, empty }: { head: string[]; rows: ReactNode[][]; amountColumns: number; caption?: string; empty: string }) {
  if (rows.length === 0) return <p>{empty}</p>;
  const firstAmount = head.length - amountColumns;
  return (
    <table className="print-sheet__table money-sheet__table">
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          {head.map((h, i) => (
            <th key={h} scope="col" className={i >= firstAmount ? 'money-sheet__amount' : undefined}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, i) => (
              <td key={i} className={i >= firstAmount ? 'money-sheet__amount' : undefined}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The line every money document ends with. */
export function MoneyFooter() {
  return <p className="print-sheet__note money-sheet__footer">Amounts in Canadian dollars.</p>;
}
