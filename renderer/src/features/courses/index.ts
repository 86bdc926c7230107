// The courses feature's public face.
export { useCourses, useCreateCourse } from './api/courses';
export { CoursesSection } from './components/courses-section';
export { coursesLive } from './api/live';
