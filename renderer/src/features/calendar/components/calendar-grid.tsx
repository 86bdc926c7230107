import type { HTMLAttributes, KeyboardEvent, MouseEvent } from 'react';
import type { TimeFormat } from '../../../lib/clock-text';
import { addDays, formatWeekdayDate, weekdayOf } from '../../../lib/dates';
import type { ClassSession } from '../../classroom';
import type { Lesson } from '../../lessons';
import { CalendarBlock, lessonAndTestEntries, type CalendarEntry, type CalendarRoadTest } from './calendar-block';
import { assignLanesFloating, blockStyle, minuteAt, placeBlock, type CalendarWindow } from './calendar-layout';
import { columnHeight, HourGutter, HOUR_PX } from './calendar-gutter';
import { OffBands } from './off-bands';
import { offBands } from './school-day-shading';
import type { MovePreview } from './use-lesson-move';

export type { CalendarRoadTest } from './calendar-block';

type Props = {
  window: CalendarWindow;
  /** The school's format for times shown: 12 h or 24 h. */
  timeFormat: TimeFormat;
  today: string;
  lessons: readonly Lesson[];
  sessions: readonly ClassSession[];
  roadTests?: readonly CalendarRoadTest[];
  /** What a lesson block says besides the student: the vehicle on an instructor's calendar, and the other way round. */
  secondary: (lesson: Lesson) => string;
  onPickSlot: (date: string, minute: number) => void;
  onOpenLesson: (lesson: Lesson) => void;
  /** A road test's block opens its result or its cancellation. */
  onOpenRoadTest?: (roadTest: CalendarRoadTest) => void;
  /** A lesson being moved by keyboard, drawn where it would land. */
  movePreview?: MovePreview | null;
  onLessonKeyDown?: (event: KeyboardEvent<HTMLElement>, lesson: Lesson) => void;
  /** Drags a scheduled lesson to another time or day, or its bottom edge to another length. */
  dragProps?: (lesson: Lesson) => HTMLAttributes<HTMLElement>;
  /** On an instructor's calendar: their weekly hours and time off, so the time they can't be booked is hatched. */
  instructor?: InstructorHours;
};

/** What hatches an instructor's calendar: weekly hours by weekday (0 = Monday), and time off. */
export type InstructorHours = {
  availability: readonly { weekday: number; start_minute: number; end_minute: number }[];
  time_off: readonly { starts_at: string; ends_at: string }[];
};

function hoursOn(instructor: InstructorHours, date: string) {
  const weekday = weekdayOf(date);
  return {
    weekly_hours_set: instructor.availability.length > 0,
    hours: instructor.availability.filter((slot) => slot.weekday === weekday),
    time_off: instructor.time_off,
  };
}

export function CalendarGrid({ window, timeFormat, today, lessons, sessions, roadTests = [], secondary, onPickSlot, onOpenLesson, onOpenRoadTest, movePreview, onLessonKeyDown, dragProps, instructor }: Props) {
  const days = Array.from({ length: window.days }, (_, index) => addDays(window.firstDay, index));
  const height = columnHeight(window);

  const entries: CalendarEntry[] = [
    ...lessonAndTestEntries(lessons, roadTests, movePreview),
    ...sessions.map((session) => ({
      key: `c${session.id}`,
      startsAt: session.starts_at,
      endsAt: session.ends_at,
      classSession: { id: session.id, instructorId: session.instructor_id, topic: session.topic, room: session.room, attendees: session.attendance?.length ?? 0, capacity: session.capacity },
    })),
  ];
  const placed = assignLanesFloating(entries, (entry) => entry.lesson !== undefined && entry.lesson.id === movePreview?.lessonId)
    .map((entry) => ({ ...entry, placement: placeBlock(entry.item.startsAt, entry.item.endsAt, window) }))
    .filter((entry) => entry.placement !== null);

  function onColumnClick(event: MouseEvent<HTMLDivElement>, date: string) {
    if (event.target !== event.currentTarget) return;
    const rect = event.currentTarget.getBoundingClientRect();
    onPickSlot(date, minuteAt((event.clientY - rect.top) / rect.height, window));
  }

  return (
    <div className="cal" style={{ gridTemplateColumns: `76px repeat(${window.days}, minmax(0, 1fr))` }} data-testid="calendar-grid">
      <div className="cal__corner" />
      {days.map((date) => (
        <div key={date} className={date === today ? 'cal__day-head cal__day-head--today' : 'cal__day-head'}>
          {formatWeekdayDate(date)}
        </div>
      ))}
      <HourGutter window={window} timeFormat={timeFormat} />
      {days.map((date, dayIndex) => (
        <div
          key={date}
          className={date === today ? 'cal__column cal__column--today' : 'cal__column'}
          style={{ height, backgroundSize: `100% ${HOUR_PX}px` }}
          onClick={(event) => onColumnClick(event, date)}
          data-testid="calendar-column"
          data-date={date}
          data-day-index={dayIndex}
          title="Click an empty time to book a lesson"
        >
          {instructor ? <OffBands bands={offBands(hoursOn(instructor, date), date, window)} window={window} /> : null}
          {placed
            .filter((entry) => entry.placement!.dayIndex === dayIndex)
            .map(({ item, lane, lanes, placement }) => (
              <CalendarBlock
                key={item.key}
                entry={item}
                style={blockStyle(placement!, lane, lanes)}
                timeFormat={timeFormat}
                timeZone={window.timeZone}
                secondary={secondary}
                moving={item.lesson !== undefined && movePreview?.lessonId === item.lesson.id}
                onOpenLesson={onOpenLesson}
                onOpenRoadTest={onOpenRoadTest}
                onLessonKeyDown={onLessonKeyDown}
                dragProps={dragProps}
              />
            ))}
        </div>
      ))}
    </div>
  );
}
