// Instructor shapes come from the backend's contracts.
import type { ChannelRequest } from '../../../../shared-contracts/channels';
import type { components } from '../../../../shared-contracts/openapi';

export type Instructor = components['schemas']['InstructorRead'];
export type InstructorCreate = components['schemas']['InstructorCreate'];
export type InstructorUpdate = components['schemas']['InstructorUpdate'];
/** One weekly window of an instructor's hours. */
export type AvailabilitySlot = Instructor['availability'][number];
export type TimeOffCreate = components['schemas']['TimeOffCreate'];
export type AffectedLesson = components['schemas']['AffectedLesson'];
export type InstructorListQuery = ChannelRequest<'db:instructors:list'>;

export const INSTRUCTOR_VERSION_CONFLICT = 'instructor.version_conflict';
