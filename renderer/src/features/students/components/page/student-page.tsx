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
import { useVehicles } from '../../../vehicles';
import { studentQueryOptions } from '../../api/get-student';
import { fullName } from '../format';
import { StudentForm } from '../student-form';
import { StudentClassesTab } from './student-classes-tab';
import { StudentDocumentsTab } from './student-documents-tab';
import { StudentHeader } from './student-header';
import { StudentHistoryTab } from './student-history-tab';
import { StudentLessonsTab } from './student-lessons-tab';

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'lessons', label: 'Lessons' },
  { id: 'classes', label: 'Classes' },
  { id: 'account', label: 'Account' },
  { id: 'documents', label: 'Documents' },
  { id: 'history', label: 'History' },
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

  const student = useQuery({ ...studentQueryOptions(studentId), enabled: studentId > 0 });
  const lessons = useStudentLessons(studentId);
  const enrollments = useStudentEnrollments(studentId > 0 ? studentId : null);
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
          <Button onClick={() => setEditing(true)} disabled={Boolean(data.archived_at)} data-testid="edit-student">
            Edit details
          </Button>
          <Button onClick={() => setRoadTest(true)} disabled={Boolean(data.archived_at)} data-testid="road-test-student">
            Road test…
          </Button>
          <TakePaymentButton studentId={data.id} studentName={name} today={today} />
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
        onBook={() => setBooking(true)}
      />
      <Tabs selectedKey={tab} onSelectionChange={setTab} className="student-tabs">
        <TabList aria-label="Student sections" className="tabs">
          {TABS.map((item) => (
            <Tab key={item.id} id={item.id} className={({ isSelected }) => (isSelected ? 'tabs__tab tabs__tab--active' : 'tabs__tab')} data-testid={`student-tab-${item.id}`}>
              {item.label}
            </Tab>
          ))}
        </TabList>
        <TabPanel id="overview" className="student-panel">
          <StudentProgress studentId={data.id} today={today} />
          <ReminderConsentCard studentId={data.id} archived={Boolean(data.archived_at)} />
        </TabPanel>
        <TabPanel id="lessons" className="student-panel">
          <StudentLessonsTab lessons={lessons} timeFormat={timeFormat} timeZone={timeZone} onBook={() => setBooking(true)} />
        </TabPanel>
        <TabPanel id="classes" className="student-panel">
          <StudentClassesTab enrollments={enrollments.data?.items} />
        </TabPanel>
        <TabPanel id="account" className="student-panel">
          <StudentAccount studentId={data.id} today={today} />
        </TabPanel>
        <TabPanel id="documents" className="student-panel">
          <StudentDocumentsTab studentId={data.id} />
        </TabPanel>
        <TabPanel id="history" className="student-panel">
          <StudentHistoryTab
            studentId={data.id}
            lessons={[...(lessons.data?.upcoming ?? []), ...(lessons.data?.past ?? [])]}
            enrollments={enrollments.data?.items ?? []}
            timeFormat={timeFormat}
            timeZone={timeZone}
          />
        </TabPanel>
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
          initial={{ studentId: data.id, studentName: name, date: today }}
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
