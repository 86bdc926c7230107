import { useCallback } from 'react';
import { useFetchStudentEnrollments } from '../../enrollments';

export type Found = { enrollmentId: number } | { problem: string };

/** A picked student's active BDE enrollment: what a class's roster and attendance are kept by. */
export function useBdeEnrollment() {
  const fetchStudentEnrollments = useFetchStudentEnrollments();
  return useCallback(
    async (student: { id: number; name: string }): Promise<Found> => {
      try {
        const enrollments = await fetchStudentEnrollments(student.id);
        const bde = enrollments.items.find((item) => item.course_kind === 'bde' && item.status === 'active');
        if (!bde) return { problem: `${student.name} has no active BDE enrollment. Enrol them from their record first.` };
        return { enrollmentId: bde.id };
      } catch (error) {
        return { problem: error instanceof Error ? error.message : 'Could not load the student’s courses.' };
      }
    },
    [fetchStudentEnrollments],
  );
}
