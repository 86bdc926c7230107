import { formatDate } from '../../../lib/dates';
import { formatMoney } from '../../../lib/money';
import { formatHours } from '../../../lib/units';
import type { SchoolSettings, Statement, Student } from '../types';
import { AddressBlock, Figures, MoneyFooter, MoneySheetHeader, MoneyTable, studentLines } from './money-sheet';
import { agingRows, balanceText, statementDescription, statementFigures } from './money-figures';

export interface StatementDocumentData {
  statement: Statement;
  school: SchoolSettings;
  student: Student | null;
}

/** A student's account on paper: every charge, payment and credit with the running balance, then aging. */
export function StatementLayout({ data }: { data: StatementDocumentData }) {
  const { statement, school, student } = data;
  const name = student ? `${student.first_name} ${student.last_name}` : `Student #${statement.student_id}`;
  const amount = (cents: number) => (cents === 0 ? '' : formatMoney(cents));
  const aging = agingRows(statement);
  return (
    <article className="print-sheet money-sheet" aria-labelledby="statement-title">
      <MoneySheetHeader
        school={school}
        title="Statement of account"
        titleId="statement-title"
        facts={[
          ['As of', formatDate(statement.as_of)],
          ['Balance', balanceText(statement.balance_cents)],
        ]}
      />
      <AddressBlock heading="Account of" name={name} lines={studentLines(student)} />
      <section className="print-sheet__section">
        <h2>Activity</h2>
        <MoneyTable
          head={['Date', 'Description', 'Charges', 'Payments and credits', 'Balance']}
          amountColumns={3}
          rows={statement.lines.map((line) => [formatDate(line.on), statementDescription(line), amount(line.charge_cents), amount(line.credit_cents), balanceText(line.balance_cents)])}
          empty="Nothing charged or paid yet."
        />
        <Figures rows={statementFigures(statement)} label="Statement totals" testId="statement-figures" />
      </section>
      <section className="print-sheet__section money-sheet__aging">
        <h2>Owing by age of invoice</h2>
        <MoneyTable head={aging.map((row) => row.label)} amountColumns={aging.length} rows={[aging.map((row) => formatMoney(row.cents))]} empty="" />
      </section>
      {statement.prepaid_minutes > 0 ? <p className="print-sheet__note">Prepaid lesson hours left: {formatHours(statement.prepaid_minutes)}.</p> : null}
      <MoneyFooter />
    </article>
  );
}
