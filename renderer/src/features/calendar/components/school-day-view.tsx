import type { HTMLAttributes, KeyboardEvent } from 'react';
import { ErrorBanner } from '../../../components/ui/error-banner';
import type { TimeFormat } from '../../../lib/clock-text';
import { useSchoolDay, type Lesson } from '../../lessons';
import type { CalendarRoadTest } from './calendar-block';
import type { CalendarWindow } from './calendar-layout';
import { CalendarLegend } from './calendar-legend';
import { SchoolDayGrid } from './school-day-grid';
import type { MovePreview } from './use-lesson-move';

type Props = {
  window: CalendarWindow;
  timeFormat: TimeFormat;
  onPickSlot: (instructorId: number, minute: number) => void;
  onOpenLesson: (lesson: Lesson) => void;
  onOpenRoadTest: (roadTest: CalendarRoadTest) => void;
  movePreview: MovePreview | null;
  onLessonKeyDown: (event: KeyboardEvent<HTMLElement>, lesson: Lesson) => void;
  dragProps?: (lesson: Lesson) => HTMLAttributes<HTMLElement>;
};

/** The school day: its read, and every instructor's column once it is there. */
export function SchoolDayView({ window, ...grid }: Props) {
  const day = useSchoolDay(window.firstDay);
  return (
    <>
      {day.error ? <ErrorBanner error={day.error} title="Could not load the school day." /> : null}
      {day.data && day.data.instructors.length === 0 ? (
        <div className="card">
          <p className="empty-state">Add an instructor first.</p>
        </div>
      ) : (
        // Scrolls inside this card, both ways when many instructors work: a named region that takes focus.
        <div className="card cal-card" role="region" aria-label="School day: every instructor's lessons" tabIndex={0} data-testid="school-day-scroll">
          {day.data ? <SchoolDayGrid day={day.data} window={window} {...grid} /> : null}
        </div>
      )}
      <CalendarLegend>
        <span className="cal-legend__hatch" /> Hatched: outside the instructor’s weekly hours or time off · Arrows move between half hours and Enter books one · Drag a lesson up or down, or on it Alt+↑/↓, to move it (Enter saves)
      </CalendarLegend>
    </>
  );
}
