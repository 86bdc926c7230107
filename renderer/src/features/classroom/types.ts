// Classroom session shapes come from the backend's contracts.
import type { ChannelRequest } from '../../../../shared-contracts/channels';
import type { components } from '../../../../shared-contracts/openapi';

export type ClassSession = components['schemas']['SessionRead'];
export type ClassSessionQuery = ChannelRequest<'db:classroom:list'>;
export type ClassSessionCreate = components['schemas']['SessionCreate'];
export type AttendanceRecord = components['schemas']['AttendanceRecord'];
export type Attendance = components['schemas']['AttendanceRead'];

export const INSTRUCTOR_NOT_AUTHORISED = 'classroom.instructor_not_authorised';
export const CLASS_SIZE_EXCEEDED = 'classroom.class_size_exceeded';
export type RosterMember = components['schemas']['RosterRead'];
export const ROSTER_FULL = 'classroom.roster_full';
export const ALREADY_ON_ROSTER = 'classroom.already_on_roster';
