import { auditSamples } from './samples/audit-samples';
import { billingSamples } from './samples/billing-samples';
import { certificationSamples } from './samples/certification-samples';
import { classroomSamples } from './samples/classroom-samples';
import { courseSamples } from './samples/courses-samples';
import { dashboardSamples } from './samples/dashboard-samples';
import { demoSamples } from './samples/demo-samples';
import { documentSamples } from './samples/documents-samples';
import { enrollmentSamples } from './samples/enrollments-samples';
import { instructorSamples } from './samples/instructors-samples';
import { lessonSamples } from './samples/lessons-samples';
import { reminderSamples } from './samples/reminders-samples';
import { roadTestSamples } from './samples/road-tests-samples';
import type { ChannelSample } from './samples/sample-types';
import { schoolSamples } from './samples/school-samples';
import { staffSamples } from './samples/staff-samples';
import { studentSamples } from './samples/students-samples';
import { vehicleSamples } from './samples/vehicles-samples';

export type { CallChannel, ChannelSample } from './samples/sample-types';
export { newStudentBody } from './samples/students-samples';

/**
 * One entry per manifest channel. The suite fails when the manifest grows a channel that has no entry here,
 * so a new backend route cannot ship without a contract test.
 */
export const channelSamples: Record<string, ChannelSample> = {
  ...schoolSamples,
  ...auditSamples,
  ...studentSamples,
  ...instructorSamples,
  ...vehicleSamples,
  ...courseSamples,
  ...enrollmentSamples,
  ...classroomSamples,
  ...lessonSamples,
  ...certificationSamples,
  ...demoSamples,
  ...dashboardSamples,
  ...billingSamples,
  ...documentSamples,
  ...staffSamples,
  ...reminderSamples,
  ...roadTestSamples,
};
