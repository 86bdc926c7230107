import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { Page } from '../../../components/ui/page';
import { Segmented, type SegmentOption } from '../../../components/ui/segmented';
import { useDialog, useNotice } from '../../../hooks/use-dialog';
import { addDays, formatLongDate, formatWeekdayDate, startOfWeek, todayIn, formatMinuteOfDay, windowRange } from '../../../lib/dates';
import { parseHash, useHash, useIntent } from '../../../lib/navigation';
import { useClassSessions } from '../../classroom';
import { InstructorOptions, useInstructors } from '../../instructors';
import { RoadTestActionsDialog } from '../../road-tests';
import { useOwnInstructorId } from '../../sign-in';
import { LessonDialog, useLessons, type Lesson, type LessonFormValues } from '../../lessons';
import { useSchoolClock } from '../../settings';
import { useVehicles } from '../../vehicles';
import { useExportCalendarFile } from '../api/calendar-file';
import type { CalendarRoadTest } from './calendar-block';
import { CalendarGrid } from './calendar-grid';
import { CalendarLegend } from './calendar-legend';
import type { CalendarWindow } from './calendar-layout';
import { SchoolDayView } from './school-day-view';
import { useLessonDrag } from './use-lesson-drag';
import { useLessonMove } from './use-lesson-move';

type View = 'day' | 'week' | 'school';
type Mode = 'instructor' | 'vehicle';
type Editing = { lesson: Lesson | null; initial: Partial<LessonFormValues> };

const MODES: readonly SegmentOption<Mode>[] = [
  { id: 'instructor', label: 'Instructor' },
  { id: 'vehicle', label: 'Vehicle' },
];
const VIEWS: readonly SegmentOption<View>[] = [
  { id: 'day', label: 'Day' },
  { id: 'week', label: 'Week' },
  { id: 'school', label: 'School day' },
];
// An instructor's account sees their own calendar only: the school day is the desk's.
const OWN_VIEWS = VIEWS.filter((option) => option.id !== 'school');
const DAY_START = 7 * 60;
const DAY_END = 21 * 60;
const PHONE_FILE_DAYS = 91;

export function CalendarPage() {
  const [hash, navigate] = useHash();
  const { timeZone, timeFormat } = useSchoolClock();
  const today = todayIn(timeZone);
  const params = parseHash(hash).params;
  const [view, setView] = useState<View>('week');
  const [mode, setMode] = useState<Mode>('instructor');
  const [chosenId, setChosenId] = useState<number | null>(null);
  const [anchor, setAnchor] = useState(params.get('date') ?? today);
  const notice = useNotice('calendar-notice');
  const editing = useDialog<Editing>(notice.show);
  const [roadTest, setRoadTest] = useState<CalendarRoadTest | null>(null);
  const move = useLessonMove({ timeZone, timeFormat, onMoved: notice.show, onRefused: notice.clear });

  // An instructor signed in here sees their own calendar only (the backend refuses them any other).
  const own = useOwnInstructorId();
  const instructors = useInstructors();
  const instructorItems = (instructors.data?.items ?? []).filter((item) => own === null || item.id === own);
  const vehicles = useVehicles();
  const resources = mode === 'instructor' ? instructorItems : (vehicles.data?.items ?? []);
  const school = view === 'school' && own === null;
  const resourceId = chosenId !== null && resources.some((item) => item.id === chosenId) ? chosenId : (resources[0]?.id ?? null);

  const firstDay = view === 'week' ? startOfWeek(anchor) : anchor;
  const window: CalendarWindow = { firstDay, days: view === 'week' ? 7 : 1, dayStartMinute: DAY_START, dayEndMinute: DAY_END, timeZone };
  // The mouse moves a lesson through the same pending move as the keys (and the same save).
  const dragProps = useLessonDrag(move.drag, { visibleMinutes: DAY_END - DAY_START, dayCount: window.days });
  const range = windowRange(window);
  const lessons = useLessons(
    { ...range, ...(mode === 'instructor' ? { instructor_id: resourceId } : { vehicle_id: resourceId }), limit: 1000 },
    resourceId !== null && !school,
  );
  const sessions = useClassSessions({ ...range, instructor_id: resourceId }, mode === 'instructor' && resourceId !== null && !school);

  const bookLesson = () =>
    editing.setOpen({ lesson: null, initial: { date: anchor, ...(school ? {} : mode === 'instructor' ? { instructorId: resourceId } : { vehicleId: resourceId }) } });
  // File → Book lesson.
  useIntent('calendar', 'book', bookLesson);

  // The phone file covers the 13 weeks from the view's first day: enough to plan by, short enough to redo often.
  const phoneFile = useExportCalendarFile();
  const exportForPhone = () => {
    if (resourceId === null) return;
    const lastDay = addDays(firstDay, PHONE_FILE_DAYS - 1);
    phoneFile.mutate(
      { instructorId: resourceId, firstDay, lastDay },
      {
        onSuccess: (result) => {
          if (!result.saved) return;
          const what = result.events === 1 ? '1 lesson or class' : `${result.events} lessons and classes`;
          notice.show(`Saved ${what} for ${result.instructor}, ${formatWeekdayDate(firstDay)} to ${formatWeekdayDate(lastDay)}, to ${result.path}. Open the file on the phone to add them to its calendar.`);
        },
      },
    );
  };

  const step = view === 'week' ? 7 : 1;
  const heading = view === 'week' ? `Week of ${formatWeekdayDate(firstDay)}` : school ? `School day, ${formatLongDate(anchor)}` : formatLongDate(anchor);
  const oneResource = !school && mode === 'instructor' && resourceId !== null;

  return (
    <Page
      id="calendar"
      title="Calendar"
      subtitle={`${heading} · times in ${timeZone}`}
      subtitleTestId="calendar-range"
      actions={
        <div className="page__actions">
          {oneResource ? (
            <Button onClick={() => navigate('daysheet', { instructor: String(resourceId), date: anchor })} data-testid="open-day-sheet">
              Print day sheet
            </Button>
          ) : null}
          {oneResource ? (
            <Button busy={phoneFile.isPending} onClick={exportForPhone} data-testid="export-phone-calendar" title="An .ics file of this instructor's next 13 weeks, for a phone's calendar">
              Send to phone calendar…
            </Button>
          ) : null}
          <Button
            variant="primary"
            data-testid="new-lesson"
            onClick={bookLesson}
          >
            + Book lesson
          </Button>
        </div>
      }
    >
      {notice.banner}
      {move.banner}
      {phoneFile.error ? <ErrorBanner error={phoneFile.error} title="The calendar file was not saved." /> : null}
      <div className="toolbar cal-toolbar">
        {own === null && !school ? <Segmented label="Calendar for" options={MODES} value={mode} onChange={setMode} testIdPrefix="mode" /> : null}
        {school ? null : (
          <select
            className="field__control cal-toolbar__resource"
            aria-label={mode === 'instructor' ? 'Instructor' : 'Vehicle'}
            value={resourceId ?? ''}
            onChange={(event) => setChosenId(Number(event.target.value))}
            data-testid="calendar-resource"
          >
            {mode === 'instructor' ? (
              <InstructorOptions instructors={instructorItems} />
            ) : (
              (vehicles.data?.items ?? []).map((item) => (
                <option key={item.id} value={item.id}>
                  {item.plate} · {item.make} {item.model}
                </option>
              ))
            )}
          </select>
        )}
        <Segmented label="View" options={own === null ? VIEWS : OWN_VIEWS} value={view} onChange={setView} testIdPrefix="view" />
        <div className="cal-toolbar__nav">
          <Button variant="ghost" onClick={() => setAnchor(addDays(anchor, -step))} aria-label="Previous" data-testid="calendar-prev">
            ‹
          </Button>
          <Button onClick={() => setAnchor(today)}>Today</Button>
          <Button variant="ghost" onClick={() => setAnchor(addDays(anchor, step))} aria-label="Next" data-testid="calendar-next">
            ›
          </Button>
          <input type="date" className="field__control" aria-label="Go to date" value={anchor} onChange={(event) => event.target.value && setAnchor(event.target.value)} />
        </div>
      </div>
      {lessons.error ? <ErrorBanner error={lessons.error} title="Could not load the lessons." /> : null}
      {/* Above the grid, where the eye is while a block moves (it stays empty, and silent, otherwise). */}
      {move.status}
      {school ? (
        <SchoolDayView
          window={window}
          timeFormat={timeFormat}
          onPickSlot={(instructorId, minute) => editing.setOpen({ lesson: null, initial: { date: anchor, startTime: formatMinuteOfDay(minute), instructorId } })}
          onOpenLesson={(lesson) => editing.setOpen({ lesson, initial: {} })}
          onOpenRoadTest={setRoadTest}
          movePreview={move.preview}
          onLessonKeyDown={move.onLessonKeyDown}
          dragProps={dragProps}
        />
      ) : resources.length === 0 && (instructors.data || vehicles.data) ? (
        <div className="card">
          <p className="empty-state">Add {mode === 'instructor' ? 'an instructor' : 'a vehicle'} first.</p>
        </div>
      ) : (
        // The calendar scrolls inside this card: a named region that takes focus, so the arrow keys scroll it.
        <div className="card cal-card" role="region" aria-label="Calendar of lessons" tabIndex={0} data-testid="calendar-scroll">
          <CalendarGrid
            window={window}
            timeFormat={timeFormat}
            today={today}
            lessons={lessons.data?.items ?? []}
            sessions={mode === 'instructor' ? (sessions.data?.items ?? []) : []}
            roadTests={lessons.data?.road_tests ?? []}
            secondary={(lesson) => (mode === 'instructor' ? lesson.vehicle_plate : lesson.instructor_name) ?? ''}
            onPickSlot={(date, minute) =>
              editing.setOpen({
                lesson: null,
                initial: { date, startTime: formatMinuteOfDay(minute), ...(mode === 'instructor' ? { instructorId: resourceId } : { vehicleId: resourceId }) },
              })
            }
            onOpenLesson={(lesson) => editing.setOpen({ lesson, initial: {} })}
            onOpenRoadTest={setRoadTest}
            movePreview={move.preview}
            onLessonKeyDown={move.onLessonKeyDown}
            dragProps={dragProps}
            instructor={mode === 'instructor' ? instructorItems.find((item) => item.id === resourceId) : undefined}
          />
        </div>
      )}
      {school ? null : <CalendarLegend>{mode === 'instructor' ? <><span className="cal-legend__hatch" /> Hatched: outside the instructor’s weekly hours or time off · </> : null}Drag a lesson, or its bottom edge, to move it or change its length; or on a lesson, Alt+arrows move it and Enter saves</CalendarLegend>}
      {editing.open ? (
        <LessonDialog
          key={editing.open.lesson?.id ?? 'new'}
          lesson={editing.open.lesson}
          initial={editing.open.initial}
          instructors={instructorItems.filter((item) => item.authorised_in_car !== false)}
          vehicles={vehicles.data?.items ?? []}
          timeZone={timeZone}
          onClose={editing.close}
          onDone={editing.done}
        />
      ) : null}
      {roadTest ? <RoadTestActionsDialog roadTestId={roadTest.id} title={`${roadTest.licence_class} road test: ${roadTest.student_name}`} onClose={() => setRoadTest(null)} /> : null}
    </Page>
  );
}
