import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { Banner } from '../../../../components/ui/banner';
import { Button } from '../../../../components/ui/button';
import { ErrorBanner } from '../../../../components/ui/error-banner';
import { Page } from '../../../../components/ui/page';
import { asTimeFormat } from '../../../../lib/clock-text';
import { todayIn } from '../../../../lib/dates';
import { navigate, parseHash, useHash } from '../../../../lib/navigation';
import { StudentAccount, TakePaymentButton } from '../../../billing';
import { StudentProgress, useStudentEnrollments } from '../../../enrollments';
import { useInstructors } from '../../../instructors';
import { LessonDialog, useStudentLessons } from '../../../lessons';
import { ReminderConsentCard } from '../../../reminders';
import { RoadTestDialog } from '../../../road-tests';
import { useSchoolClock } from '../../../settings';
import { may, useAccess } from '../../../sign-in';
import { useVehicles } from '../../../vehicles';
import { studentQueryOptions } from '../../api/get-student';
import { fullName } from '../format';
import { StudentForm } from '../student-form';
import { StudentClassesTab } from './student-classes-tab';
import { StudentDocumentsTab } from './student-documents-tab';
import { StudentHeader } from './student-header';
import { StudentHistoryTab } from './student-history-tab';
import { StudentLessonsTab } from './student-lessons-tab';

// Each tab names the permission it reads with (`wholeSchool`: the desk's, never an instructor's own-only read).
const TABS = [
  { id: 'overview', label: 'Overview', needs: 'students.read', wholeSchool: true },
  { id: 'lessons', label: 'Lessons', needs: 'students.read', wholeSchool: false },
  { id: 'classes', label: 'Classes', needs: 'students.read', wholeSchool: true },
  { id: 'account', label: 'Account', needs: 'billing', wholeSchool: false },
  { id: 'documents', label: 'Documents', needs: 'students.read', wholeSchool: true },
  { id: 'history', label: 'History', needs: 'audit.read', wholeSchool: false },
] as const;

/** The student's page, opened from the list or Ctrl+K: `#student?id=12`. Read-only; "Edit details" edits. */
export function StudentPage() {
  const [hash] = useHash();
  const studentId = Number(parseHash(hash).params.get('id') ?? 0);
  const { timeZone, settings } = useSchoolClock();
  const timeFormat = asTimeFormat(settings?.time_format);
  const today = todayIn(timeZone);
  const [tab, setTab] = useState<Key>('overview');
  const [editing, setEditing] = useState(false);
  const [booking, setBooking] = useState(false);
  const [roadTest, setRoadTest] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  // With sign-in on, tabs and buttons the account may not use are not shown; the backend still refuses them.
  const access = useAccess();
  const tabs = TABS.filter((item) => may(access, item.needs, item.wholeSchool));
  const shown = (id: string) => tabs.some((item) => item.id === id);
  const selected = shown(String(tab)) ? tab : (tabs[0]?.id ?? 'lessons');
  const student = useQuery({ ...studentQueryOptions(studentId), enabled: studentId > 0 });
  const lessons = useStudentLessons(studentId);
  const enrollments = useStudentEnrollments(studentId > 0 && may(access, 'students.read', true) ? studentId : null);
  const instructors = useInstructors();
  const vehicles = useVehicles();
  const headingRef = useFocusHeadingOnArrival(student.data?.id);

  if (!student.data) {
    return (
      <section className="page" aria-label="Student">
        {student.error ? <ErrorBanner error={student.error} title="Could not open this student." /> : <p className="muted">Loading the student…</p>}
        <Button onClick={() => navigate('students')}>Back to students</Button>
      </section>
    );
  }
  const data = student.data;
  const name = fullName(data);

  return (
    <Page
      id="student"
      title={<span ref={headingRef}>{name}</span>}
      subtitle={data.archived_at ? 'Archived student' : 'Student'}
      actions={
        <div className="page__actions">
          <Button onClick={() => navigate('students')}>Back to students</Button>
          {may(access, 'students.edit') ? (
            <Button onClick={() => setEditing(true)} disabled={Boolean(data.archived_at)} data-testid="edit-student">
              Edit details
            </Button>
          ) : null}
          {may(access, 'book') ? (
            <Button onClick={() => setRoadTest(true)} disabled={Boolean(data.archived_at)} data-testid="road-test-student">
              Road test…
            </Button>
          ) : null}
          {may(access, 'billing') ? <TakePaymentButton studentId={data.id} studentName={name} today={today} /> : null}
        </div>
      }
    >
      {notice ? <Banner tone="success" title={notice} onDismiss={() => setNotice(null)} testId="student-notice" /> : null}
      {roadTest ? <RoadTestDialog student={data} onClose={() => setRoadTest(false)} /> : null}
      <StudentHeader
        student={data}
        today={today}
        next={lessons.data?.next}
        nextLoading={lessons.isPending}
        timeFormat={timeFormat}
        timeZone={timeZone}
        onBook={may(access, 'book') ? () => setBooking(true) : undefined}
      />
      <Tabs selectedKey={selected} onSelectionChange={setTab} className="student-tabs">
        <TabList aria-label="Student sections" className="tabs">
          {tabs.map((item) => (
            <Tab key={item.id} id={item.id} className={({ isSelected }) => (isSelected ? 'tabs__tab tabs__tab--active' : 'tabs__tab')} data-testid={`student-tab-${item.id}`}>
              {item.label}
            </Tab>
          ))}
        </TabList>
        {shown('overview') ? (
          <TabPanel id="overview" className="student-panel">
            <StudentProgress studentId={data.id} today={today} />
            <ReminderConsentCard studentId={data.id} archived={Boolean(data.archived_at)} />
          </TabPanel>
        ) : null}
        <TabPanel id="lessons" className="student-panel">
          <StudentLessonsTab lessons={lessons} timeFormat={timeFormat} timeZone={timeZone} onBook={may(access, 'book') ? () => setBooking(true) : undefined} />
        </TabPanel>
        {shown('classes') ? (
          <TabPanel id="classes" className="student-panel">
            <StudentClassesTab enrollments={enrollments.data?.items} />
          </TabPanel>
        ) : null}
        {shown('account') ? (
          <TabPanel id="account" className="student-panel">
            <StudentAccount studentId={data.id} today={today} />
          </TabPanel>
        ) : null}
        {shown('documents') ? (
          <TabPanel id="documents" className="student-panel">
            <StudentDocumentsTab studentId={data.id} />
          </TabPanel>
        ) : null}
        {shown('history') ? (
          <TabPanel id="history" className="student-panel">
            <StudentHistoryTab
              studentId={data.id}
              lessons={[...(lessons.data?.upcoming ?? []), ...(lessons.data?.past ?? [])]}
              enrollments={enrollments.data?.items ?? []}
              timeFormat={timeFormat}
              timeZone={timeZone}
            />
          </TabPanel>
        ) : null}
      </Tabs>
      {editing ? (
        <StudentForm
          student={data}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            setNotice(`${fullName(saved)} was saved.`);
          }}
        />
      ) : null}
      {booking ? (
        <LessonDialog
          lesson={null}
          initial={{ studentId: data.id, studentName: name, date: today, ...usualPair(lessons.data, instructors.data?.items, vehicles.data?.items) }}
          instructors={(instructors.data?.items ?? []).filter((item) => item.authorised_in_car !== false)}
          vehicles={vehicles.data?.items ?? []}
          timeZone={timeZone}
          onClose={() => setBooking(false)}
          onDone={(message) => {
            setBooking(false);
            setNotice(message);
          }}
        />
      ) : null}
    </Page>
  );
}

/**
 * Focus lands on the student's name when their page opens, and again when Ctrl+K opens another student
 * (the screen stays the same, so the app's own focus-on-navigation does not run). A dialog that has focus
 * keeps it.
 */
function useFocusHeadingOnArrival(studentId: number | undefined) {
  const ref = useRef<HTMLSpanElement>(null);
  const landed = useRef<number | null>(null);
  useEffect(() => {
    if (studentId === undefined || landed.current === studentId) return;
    landed.current = studentId;
    const heading = ref.current?.closest('h1');
    if (heading && !document.activeElement?.closest('[role="dialog"]')) heading.focus();
  }, [studentId]);
  return ref;
}

type LessonPair = { instructor_id: number; vehicle_id: number };

/**
 * The instructor and car of the student's latest booking (the next one, else the last), when both can still
 * be booked: what the desk would pick anyway. The booking rules still check them.
 */
function usualPair(
  lessons: { upcoming?: readonly LessonPair[]; past?: readonly LessonPair[] } | undefined,
  instructors: readonly { id: number; active?: boolean; authorised_in_car?: boolean }[] | undefined,
  vehicles: readonly { id: number; active?: boolean }[] | undefined,
): { instructorId?: number; vehicleId?: number } {
  const latest = lessons?.upcoming?.[0] ?? lessons?.past?.[0];
  if (!latest) return {};
  const instructor = instructors?.find((item) => item.id === latest.instructor_id && item.active !== false && item.authorised_in_car !== false);
  const vehicle = vehicles?.find((item) => item.id === latest.vehicle_id && item.active !== false);
  return { ...(instructor ? { instructorId: instructor.id } : {}), ...(vehicle ? { vehicleId: vehicle.id } : {}) };
}
