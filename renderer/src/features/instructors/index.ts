// The instructors feature's public face.
export { useInstructors } from './api/get-instructors';
export { instructorCredentials } from './components/credential-statuses';
export { InstructorOptions } from './components/instructor-options';
export { InstructorsPage } from './components/instructors-page';
export type { Instructor } from './types';
export { instructorsLive } from './api/live';
