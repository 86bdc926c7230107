import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelRequest } from '../../../../../shared-contracts/channels';
import { call } from '../../../lib/odsm';
import { invalidateKinds, rootKey } from '../../../lib/query-keys';
import { invoiceOf, paymentOf } from '../types';

export const billingKeys = {
  all: rootKey('billing'),
  statement: (studentId: number) => [...billingKeys.all, 'statement', studentId] as const,
  prepaid: (studentId: number) => [...billingKeys.all, 'prepaid', studentId] as const,
  invoices: (studentId: number) => [...billingKeys.all, 'invoices', studentId] as const,
  payments: (studentId: number) => [...billingKeys.all, 'payments', studentId] as const,
};

/** Every money write lands in the audit chain too (the student's History tab reads it). */
const MONEY_WRITE_CHANGES = ['billing', 'audit'] as const;

/** The student's account: charges, payments and credits with the running balance, aging and prepaid minutes. */
export function useStatement(studentId: number | null) {
  return useQuery({
    queryKey: billingKeys.statement(studentId ?? 0),
    queryFn: () => call((odsm) => odsm.billing.statement({ student_id: studentId ?? 0 })),
    enabled: studentId !== null && studentId > 0,
  });
}

export function usePrepaid(studentId: number | null) {
  return useQuery({
    queryKey: billingKeys.prepaid(studentId ?? 0),
    queryFn: () => call((odsm) => odsm.billing.prepaidHours({ student_id: studentId ?? 0 })),
    enabled: studentId !== null && studentId > 0,
  });
}

export function useStudentInvoices(studentId: number) {
  return useQuery({
    queryKey: billingKeys.invoices(studentId),
    queryFn: async () => (await call((odsm) => odsm.invoices.list({ student_id: studentId, limit: 500 }))).items.map(invoiceOf),
    enabled: studentId > 0,
  });
}

export function useStudentPayments(studentId: number) {
  return useQuery({
    queryKey: billingKeys.payments(studentId),
    queryFn: async () => (await call((odsm) => odsm.payments.list({ student_id: studentId, limit: 500 }))).items.map(paymentOf),
    enabled: studentId > 0,
  });
}

function useMoneyWrite<In, Out>(write: (input: In) => Promise<Out>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => invalidateKinds(queryClient, MONEY_WRITE_CHANGES) });
}

export type TakePayment = ChannelRequest<'db:payments:take'>['body'];

export function useTakePayment() {
  return useMoneyWrite(async (body: TakePayment) => paymentOf(await call((odsm) => odsm.payments.take({ body }))));
}

export function useIssueInvoice() {
  return useMoneyWrite(async (input: ChannelRequest<'db:invoices:issue'>) => invoiceOf(await call((odsm) => odsm.invoices.issue(input))));
}

export function useCreditInvoice() {
  return useMoneyWrite(async (input: ChannelRequest<'db:invoices:credit'>) => invoiceOf(await call((odsm) => odsm.invoices.credit(input))));
}

export function useWaiveFee() {
  return useMoneyWrite((input: ChannelRequest<'db:invoices:waiveFee'>) => call((odsm) => odsm.invoices.waiveFee(input)));
}

export function useRefundPayment() {
  return useMoneyWrite(async (input: ChannelRequest<'db:payments:refund'>) => paymentOf(await call((odsm) => odsm.payments.refund(input))));
}

export function useReversePayment() {
  return useMoneyWrite(async (input: ChannelRequest<'db:payments:reverse'>) => paymentOf(await call((odsm) => odsm.payments.reverse(input))));
}

export function useApplyCredit() {
  return useMoneyWrite((studentId: number) => call((odsm) => odsm.billing.applyCredit({ student_id: studentId })));
}
