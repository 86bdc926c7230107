import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RecordSave } from '../../../hooks/use-record-form';
import { call } from '../../../lib/odsm';
import type { Instructor, InstructorCreate, InstructorUpdate, TimeOffCreate } from '../types';
import { instructorKeys } from './keys';

export type SaveInstructorInput = RecordSave<InstructorCreate, InstructorUpdate>;

export function saveInstructor(input: SaveInstructorInput): Promise<Instructor> {
  return input.kind === 'create'
    ? call((odsm) => odsm.instructors.create({ body: input.body }))
    : call((odsm) => odsm.instructors.update({ instructor_id: input.id, body: input.body }));
}

function useInstructorMutation<I, R extends Instructor = Instructor>(mutationFn: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (instructor) => {
      queryClient.setQueryData(instructorKeys.detail(instructor.id), instructor);
      return queryClient.invalidateQueries({ queryKey: instructorKeys.lists() });
    },
  });
}

export function useSaveInstructor() {
  return useInstructorMutation(saveInstructor);
}

export function useAddTimeOff() {
  return useInstructorMutation(({ instructorId, body }: { instructorId: number; body: TimeOffCreate }) =>
    call((odsm) => odsm.instructors.addTimeOff({ instructor_id: instructorId, body })),
  );
}

export function useRemoveTimeOff() {
  return useInstructorMutation(({ instructorId, timeOffId }: { instructorId: number; timeOffId: number }) =>
    call((odsm) => odsm.instructors.removeTimeOff({ instructor_id: instructorId, time_off_id: timeOffId })),
  );
}
