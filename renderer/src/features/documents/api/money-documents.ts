import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/odsm';
import { rootKey } from '../../../lib/query-keys';

// Under the 'billing' kind: any money write (this seat's or another's) refreshes these lists too.
export const moneyDocumentKeys = {
  invoices: (studentId: number) => [...rootKey('billing'), 'documents', 'invoices', studentId] as const,
  payments: (studentId: number) => [...rootKey('billing'), 'documents', 'payments', studentId] as const,
};

/** The student's invoices and credit notes, newest first, to print or save. */
export function useStudentInvoiceDocuments(studentId: number) {
  return useQuery({
    queryKey: moneyDocumentKeys.invoices(studentId),
    queryFn: () => call((odsm) => odsm.invoices.list({ student_id: studentId, limit: 500 })),
  });
}

/** The student's payments, refunds and reversals, newest first, each with its receipt. */
export function useStudentPaymentDocuments(studentId: number) {
  return useQuery({
    queryKey: moneyDocumentKeys.payments(studentId),
    queryFn: () => call((odsm) => odsm.payments.list({ student_id: studentId, limit: 500 })),
  });
}
