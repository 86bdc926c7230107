import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelRequest, ChannelResponse } from '../../../../../shared-contracts/channels';
import { call } from '../../../lib/odsm';
import { invalidateKinds, rootKey } from '../../../lib/query-keys';

// Road tests live with the lessons' kind: the calendar reads them together, and a change to one is a
// `lessons` change between seats (backend change_kinds).
export const roadTestKeys = {
  all: [...rootKey('lessons'), 'road-tests'] as const,
  eligibility: (studentId: number) => [...roadTestKeys.all, 'eligibility', studentId] as const,
  ofStudent: (studentId: number) => [...roadTestKeys.all, 'student', studentId] as const,
  centres: () => [...rootKey('settings'), 'drivetest-centres'] as const,
};

export function useEligibility(studentId: number) {
  return useQuery({
    queryKey: roadTestKeys.eligibility(studentId),
    queryFn: () => call((odsm) => odsm['road-tests'].eligibility({ student_id: studentId })),
  });
}

export function useStudentRoadTests(studentId: number) {
  return useQuery({
    queryKey: roadTestKeys.ofStudent(studentId),
    queryFn: () => call((odsm) => odsm['road-tests'].list({ student_id: studentId, limit: 20 })),
  });
}

export function useCentres() {
  return useQuery({
    queryKey: roadTestKeys.centres(),
    queryFn: () => call((odsm) => odsm['drivetest-centres'].list({ include_inactive: false })),
  });
}

export type RoadTestBooking = ChannelRequest<'db:road-tests:book'>['body'];

export function useBookRoadTest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RoadTestBooking) => call((odsm) => odsm['road-tests'].book({ body })),
    // The calendar (lessons) shows the test; the student's eligibility and charges move with it.
    onSuccess: () => invalidateKinds(queryClient, ['lessons', 'students']),
  });
}

export type RoadTest = ChannelResponse<'db:road-tests:get'>;
export type RoadTestOutcome = ChannelRequest<'db:road-tests:recordResult'>['body']['outcome'];

export function useRoadTest(roadTestId: number) {
  return useQuery({
    queryKey: [...roadTestKeys.all, 'one', roadTestId] as const,
    queryFn: () => call((odsm) => odsm['road-tests'].get({ road_test_id: roadTestId })),
  });
}

/** The school's road-test rules: the cancellation notice (48 h) and the retest wait among them. */
export function useRoadTestSettings() {
  return useQuery({
    queryKey: [...rootKey('settings'), 'road-test-settings'] as const,
    queryFn: () => call((odsm) => odsm['road-test-settings'].get()),
  });
}

export function useRecordRoadTestResult() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ test, outcome }: { test: RoadTest; outcome: RoadTestOutcome }) =>
      call((odsm) => odsm['road-tests'].recordResult({ road_test_id: test.id, body: { version: test.version, outcome } })),
    // A pass records the licence step: the student's class and the next test's date move with it.
    onSuccess: () => invalidateKinds(queryClient, ['lessons', 'students']),
  });
}

export function useCancelRoadTest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ test, reason }: { test: RoadTest; reason: string }) =>
      call((odsm) => odsm['road-tests'].cancel({ road_test_id: test.id, body: { version: test.version, ...(reason.trim() ? { reason: reason.trim() } : {}) } })),
    onSuccess: () => invalidateKinds(queryClient, ['lessons', 'students']),
  });
}
