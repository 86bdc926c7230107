import { minuteText, type TimeFormat } from '../../../lib/clock-text';
import type { CalendarEntry, CalendarRoadTest } from './calendar-block';
import type { CalendarWindow } from './calendar-layout';
import type { Lesson } from '../../lessons';
import type { MovePreview } from './use-lesson-move';

/** The height of an hour on every calendar grid. */
export const HOUR_PX = 56;

export function columnHeight(window: Pick<CalendarWindow, 'dayStartMinute' | 'dayEndMinute'>): number {
  return ((window.dayEndMinute - window.dayStartMinute) / 60) * HOUR_PX;
}

/** The hours down the left of a calendar grid. */
export function HourGutter({ window, timeFormat }: { window: CalendarWindow; timeFormat: TimeFormat }) {
  const hours: number[] = [];
  for (let minute = window.dayStartMinute; minute < window.dayEndMinute; minute += 60) hours.push(minute);
  return (
    <div className="cal__gutter" style={{ height: columnHeight(window) }}>
      {hours.map((minute) => (
        <span key={minute} className="cal__hour" style={{ top: ((minute - window.dayStartMinute) / 60) * HOUR_PX }}>
          {minuteText(minute, timeFormat)}
        </span>
      ))}
    </div>
  );
}

/** The lessons and road tests as blocks; a lesson being moved by keyboard is drawn where it would land. */
export function lessonAndTestEntries(lessons: readonly Lesson[], roadTests: readonly CalendarRoadTest[], movePreview?: MovePreview | null): CalendarEntry[] {
  return [
    ...lessons.map((lesson) =>
      movePreview?.lessonId === lesson.id
        ? { key: `l${lesson.id}`, startsAt: movePreview.starts_at, endsAt: movePreview.ends_at, lesson }
        : { key: `l${lesson.id}`, startsAt: lesson.starts_at, endsAt: lesson.ends_at, lesson },
    ),
    ...roadTests.map((roadTest) => ({ key: `r${roadTest.id}`, startsAt: roadTest.blocked_from, endsAt: roadTest.blocked_until, roadTest })),
  ];
}
