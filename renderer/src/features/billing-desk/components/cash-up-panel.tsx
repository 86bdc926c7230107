import { useState } from 'react';
import { cashUpDocumentId } from '../../../../../electron/shared/documents';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { QueryStates } from '../../../components/ui/query-states';
import { addDays, formatLongDate } from '../../../lib/dates';
import { CashUpFigures, DocumentActions } from '../../documents';
import { useCashUp } from '../api/get-cash-up';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The end-of-day cash-up: pick a day (today to start), count the till against it, print it or save it as PDF. */
export function CashUpPanel({ today }: { today: string }) {
  const [day, setDay] = useState(today);
  const valid = DAY.test(day) && day <= today;
  const cashUp = useCashUp(valid ? day : '');

  return (
    <div className="cash-up" data-testid="cash-up">
      <div className="toolbar billing-desk__filters">
        <TextField id="cash-up-day" label="Day" type="date" value={day} max={today} onChange={(event) => setDay(event.target.value)} data-testid="cash-up-day" error={DAY.test(day) && day > today ? 'The cash-up is for today or a day before.' : undefined} />
        <Button variant="ghost" onClick={() => setDay(addDays(valid ? day : today, -1))} data-testid="cash-up-previous">
          ‹ Day before
        </Button>
        <Button variant="ghost" onClick={() => setDay(today)} disabled={day === today} data-testid="cash-up-today">
          Today
        </Button>
        {valid ? <DocumentActions kind="cash-up" id={cashUpDocumentId(day)} /> : null}
      </div>
      {valid ? (
        <div className="card cash-up__card">
          <h2 className="cash-up__title" data-testid="cash-up-title">
            {day === today ? 'Today, ' : ''}
            {formatLongDate(day)}
          </h2>
          <QueryStates query={cashUp} errorTitle="Could not load the cash-up." loading="Adding up the day…">
            {cashUp.data ? <CashUpFigures cashUp={cashUp.data} tableClass="data-table data-table--compact cash-up__table" headingLevel={3} /> : null}
          </QueryStates>
        </div>
      ) : null}
    </div>
  );
}
