import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useKeptQuery } from '../../../hooks/use-kept-query';
import { call } from '../../../lib/odsm';
import type { LessonBook, LessonCancel, LessonComplete, LessonListQuery, LessonUpdate } from '../types';
import { invalidateKinds, rootKey } from '../../../lib/query-keys';

export const lessonKeys = {
  all: rootKey('lessons'),
  lists: () => [...lessonKeys.all, 'list'] as const,
  list: (query: LessonListQuery) => [...lessonKeys.lists(), query] as const,
  check: (lessonId: number | null, body: LessonBook) => [...lessonKeys.all, 'check', lessonId, body] as const,
  /** The check's key while the form is not yet complete enough to check (the query is disabled). */
  noCheck: () => [...lessonKeys.all, 'check', 'none'] as const,
  daySheet: (instructorId: number, date: string) => [...lessonKeys.all, 'day-sheet', instructorId, date] as const,
  forStudent: (studentId: number) => [...lessonKeys.all, 'student', studentId] as const,
  schoolDay: (day: string) => [...lessonKeys.all, 'school-day', day] as const,
};

/** A student's next lesson, those to come and those over, with names: their page's Lessons tab. */
export function useStudentLessons(studentId: number) {
  return useQuery({
    queryKey: lessonKeys.forStudent(studentId),
    queryFn: () => call((odsm) => odsm.lessons.forStudent({ student_id: studentId })),
    enabled: studentId > 0,
  });
}

export function useLessons(query: LessonListQuery, enabled = true) {
  return useKeptQuery(lessonKeys.list(query), () => call((odsm) => odsm.lessons.list(query)), enabled);
}

/**
 * The booking rules as a dry run: every conflict the proposal would meet, without saving.
 * A query keyed by the proposal, so it reruns as the user changes a field and never races an old answer.
 */
export function useLessonCheck(lessonId: number | null, body: LessonBook | null) {
  return useQuery({
    queryKey: body ? lessonKeys.check(lessonId, body) : lessonKeys.noCheck(),
    queryFn: () => call((odsm) => odsm.lessons.check({ ...(lessonId ? { lesson_id: lessonId } : {}), body: body! })),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** Every instructor's lessons, classes and road tests for a day, with their hours and time off: the school day. */
export function useSchoolDay(day: string, enabled = true) {
  return useKeptQuery(lessonKeys.schoolDay(day), () => call((odsm) => odsm.lessons.schoolDay({ day })), enabled);
}

export function useDaySheet(instructorId: number, date: string) {
  return useQuery({
    queryKey: lessonKeys.daySheet(instructorId, date),
    queryFn: () => call((odsm) => odsm.lessons.daySheet({ instructor_id: instructorId, date })),
    enabled: instructorId > 0 && date !== '',
  });
}

export type LessonAction =
  | { kind: 'book'; body: LessonBook }
  | { kind: 'update'; lessonId: number; body: LessonUpdate }
  | { kind: 'complete'; lessonId: number; body: LessonComplete }
  | { kind: 'cancel'; lessonId: number; body: LessonCancel }
  | { kind: 'noShow'; lessonId: number; body: LessonCancel };

export function runLessonAction(action: LessonAction) {
  switch (action.kind) {
    case 'book':
      return call((odsm) => odsm.lessons.book({ body: action.body }));
    case 'update':
      return call((odsm) => odsm.lessons.update({ lesson_id: action.lessonId, body: action.body }));
    case 'complete':
      return call((odsm) => odsm.lessons.complete({ lesson_id: action.lessonId, body: action.body }));
    case 'cancel':
      return call((odsm) => odsm.lessons.cancel({ lesson_id: action.lessonId, body: action.body }));
    case 'noShow':
      return call((odsm) => odsm.lessons.markNoShow({ lesson_id: action.lessonId, body: action.body }));
  }
}

/** Every lesson write: afterwards the calendars, hours, worklist, vehicles' odometers and the student's account (a fee, prepaid hours) may all have moved. */
export function useLessonAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runLessonAction,
    onSuccess: () => invalidateKinds(queryClient, ['lessons', 'enrollments', 'certification', 'vehicles', 'audit', 'billing']),
  });
}
