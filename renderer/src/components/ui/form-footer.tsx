import type { ReactNode } from 'react';
import { Button } from './button';

type FormFooterProps = { formId: string; onCancel: () => void; busy: boolean; disabled: boolean; testId: string; children: ReactNode };

/** A form dialog's footer: Cancel, and the button that submits the form (it sits outside the form). */
export function FormFooter({ formId, onCancel, busy, disabled, testId, children }: FormFooterProps) {
  return (
    <>
      <Button onClick={onCancel}>Cancel</Button>
      <Button variant="primary" type="submit" form={formId} busy={busy} disabled={disabled} data-testid={testId}>
        {children}
      </Button>
    </>
  );
}
