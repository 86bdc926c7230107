// The students feature's public face.
export { useStudents } from './api/get-students';
export { StudentPicker } from './components/student-picker';
export { StudentsPage } from './components/students-page';
export { studentsLive } from './api/live';
export { StudentPage } from './components/page/student-page';
