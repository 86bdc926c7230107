// Enrollment and certification shapes come from the backend's contracts.
import type { components } from '../../../../shared-contracts/openapi';

export type Enrollment = components['schemas']['EnrollmentRead'];
export type EnrollmentDetail = components['schemas']['EnrollmentDetail'];
export type HoursTotal = components['schemas']['HoursTotal'];
export type HoursCategory = HoursTotal['category'];
export type LedgerEntry = components['schemas']['LedgerEntryRead'];

export const ENROLLMENT_LOCKED = 'enrollment.locked';

export const CATEGORY_LABELS: Record<HoursCategory, string> = { classroom: 'Classroom', in_car: 'In-car', flex: 'Flex / home-link' };
export const CATEGORY_ORDER: readonly HoursCategory[] = ['classroom', 'in_car', 'flex'];
