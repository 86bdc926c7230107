// Lesson shapes come from the backend's contracts.
import type { ChannelRequest } from '../../../../shared-contracts/channels';
import type { components } from '../../../../shared-contracts/openapi';

export type Lesson = components['schemas']['LessonRead'];
export type LessonBook = components['schemas']['LessonBook'];
export type LessonUpdate = components['schemas']['LessonUpdate'];
export type LessonComplete = components['schemas']['LessonComplete'];
export type LessonCancel = components['schemas']['LessonCancel'];
export type LessonStatus = Lesson['status'];
export type Conflict = components['schemas']['Conflict'];
/** A free slot where every booking rule passes: offered when a booking check refuses. */
export type SlotProposal = components['schemas']['SlotProposal'];
export type LessonListQuery = ChannelRequest<'db:lessons:list'>;
/** Every instructor's day side by side, with each one's weekly hours for that weekday and time off. */
export type SchoolDay = components['schemas']['SchoolDay'];
export type SchoolDayInstructor = components['schemas']['SchoolDayInstructor'];

export const LESSON_VERSION_CONFLICT = 'lesson.version_conflict';
/** The one refusal a reason can override: a lesson outside the instructor's weekly hours. */
export const OUTSIDE_AVAILABILITY = 'lesson.outside_availability';

export const STATUS_LABELS: Record<LessonStatus, string> = {
  scheduled: 'Scheduled',
  completed: 'Completed',
  cancelled: 'Cancelled',
  late_cancelled: 'Late-cancelled',
  no_show: 'No-show',
};
