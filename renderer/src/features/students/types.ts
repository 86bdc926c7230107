// Student shapes come from the backend's contracts; nothing here is written by hand.
import type { ChannelRequest } from '../../../../shared-contracts/channels';
import type { components } from '../../../../shared-contracts/openapi';

export type Student = components['schemas']['StudentRead'];
export type StudentCreate = components['schemas']['StudentCreate'];
export type StudentUpdate = components['schemas']['StudentUpdate'];
export type LicenceClass = components['schemas']['LicenceClass'];
export type StudentListQuery = ChannelRequest<'db:students:list'>;

export const LICENCE_CLASSES: readonly LicenceClass[] = ['G1', 'G2', 'G'];
export const LICENCE_FORMAT_HINT = 'A1234-56789-01234';

/** Error codes this feature branches on. */
export const STUDENT_VERSION_CONFLICT = 'student.version_conflict';
/** Refusals whose details name the field they are about, like validation_failed: shown under that field. */
export const STUDENT_FIELD_CODES = ['student.birth_date_in_future', 'student.too_young_for_licence', 'student.licence_number_taken'] as const;
