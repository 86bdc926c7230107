import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { TakePaymentDialog } from './take-payment-dialog';

/** What Alt+P presses on a student's page (app/use-shortcuts.ts). */
export const TAKE_PAYMENT_ACTION = 'data-take-payment-action';

type Props = { studentId: number; studentName: string; today: string };

/** "Take payment" on the student's page, and the dialog it opens. */
export function TakePaymentButton({ studentId, studentName, today }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} aria-keyshortcuts="Alt+P" title="Take payment (Alt+P)" data-testid="take-payment" {...{ [TAKE_PAYMENT_ACTION]: '' }}>
        Take payment
      </Button>
      {open ? <TakePaymentDialog studentId={studentId} studentName={studentName} today={today} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
