import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/odsm';
import { rootKey } from '../../../lib/query-keys';

// Under the 'billing' kind: a money write on this seat (invalidateKinds 'billing'), or another seat's
// through the billing feature's live entry, refreshes these lists too. They are read afresh each time the
// tab opens (staleTime 0): a list to print from must not miss the invoice issued a moment ago.
export const moneyDocumentKeys = {
  invoices: (studentId: number) => [...rootKey('billing'), 'documents', 'invoices', studentId] as const,
  payments: (studentId: number) => [...rootKey('billing'), 'documents', 'payments', studentId] as const,
};

/** The student's invoices and credit notes, newest first, to print or save. */
export function useStudentInvoiceDocuments(studentId: number) {
  return useQuery({
    queryKey: moneyDocumentKeys.invoices(studentId),
    queryFn: () => call((odsm) => odsm.invoices.list({ student_id: studentId, limit: 500 })),
    staleTime: 0,
  });
}

/** The student's payments, refunds and reversals, newest first, each with its receipt. */
export function useStudentPaymentDocuments(studentId: number) {
  return useQuery({
    queryKey: moneyDocumentKeys.payments(studentId),
    queryFn: () => call((odsm) => odsm.payments.list({ student_id: studentId, limit: 500 })),
    staleTime: 0,
  });
}
