// The classroom feature's public face.
export { useClassSessions } from './api/classroom';
export { ClassesPage } from './components/classes-page';
export type { ClassSession } from './types';
export { classroomLive } from './api/live';
