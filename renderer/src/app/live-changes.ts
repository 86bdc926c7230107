import type { QueryClient } from '@tanstack/react-query';
import { auditLive } from '../features/audit';
import { billingLive } from '../features/billing';
import { billingDeskLive } from '../features/billing-desk';
import { certificationLive } from '../features/certification';
import { classroomLive } from '../features/classroom';
import { coursesLive } from '../features/courses';
import { dashboardLive } from '../features/dashboard';
import { demoLive } from '../features/demo';
import { enrollmentsLive } from '../features/enrollments';
import { instructorsLive } from '../features/instructors';
import { lessonsLive } from '../features/lessons';
import { moneyReportsLive } from '../features/money-reports';
import { settingsLive } from '../features/settings';
import { studentsLive } from '../features/students';
import { vehiclesLive } from '../features/vehicles';
import { invalidateChanged, type LiveQueries } from '../lib/live-queries';
import { followDataChanges } from '../lib/odsm';

/** Every feature's cached queries and the kinds of record they show (each keeps its own in api/live.ts). */
export const liveQueries: readonly LiveQueries[] = [
  studentsLive,
  instructorsLive,
  vehiclesLive,
  coursesLive,
  lessonsLive,
  enrollmentsLive,
  classroomLive,
  certificationLive,
  auditLive,
  settingsLive,
  demoLive,
  dashboardLive,
  moneyReportsLive,
  billingLive,
  billingDeskLive,
];

/** Live between seats: what another workstation changed refreshes the screens that show it, no reload. Returns the unsubscribe. */
export function followLiveChanges(queryClient: QueryClient): () => void {
  return followDataChanges((change) => void invalidateChanged(queryClient, liveQueries, change.kinds));
}
