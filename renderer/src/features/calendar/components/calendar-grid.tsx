import type { KeyboardEvent, MouseEvent } from 'react';
import type { ChannelResponse } from '../../../../../shared-contracts/channels';
import { minuteText, timeRangeText, timeText, type TimeFormat } from '../../../lib/clock-text';
import { addDays, formatWeekdayDate } from '../../../lib/dates';
import type { ClassSession } from '../../classroom';
import type { Lesson } from '../../lessons';
import { assignLanes, minuteAt, placeBlock, type CalendarWindow } from './calendar-layout';
import type { MovePreview } from './use-lesson-move';

/** A road test holding the car and the instructor (with the school's buffers before and after). */
export type CalendarRoadTest = NonNullable<ChannelResponse<'db:lessons:list'>['road_tests']>[number];

type Entry = { key: string; startsAt: string; endsAt: string; lesson?: Lesson; session?: ClassSession; roadTest?: CalendarRoadTest };

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
};

const HOUR_PX = 56;

export function CalendarGrid({ window, timeFormat, today, lessons, sessions, roadTests = [], secondary, onPickSlot, onOpenLesson, onOpenRoadTest, movePreview, onLessonKeyDown }: Props) {
  const days = Array.from({ length: window.days }, (_, index) => addDays(window.firstDay, index));
  const hours: number[] = [];
  for (let minute = window.dayStartMinute; minute < window.dayEndMinute; minute += 60) hours.push(minute);
  const height = ((window.dayEndMinute - window.dayStartMinute) / 60) * HOUR_PX;

  const entries: Entry[] = [
    ...lessons.map((lesson) =>
      movePreview?.lessonId === lesson.id
        ? { key: `l${lesson.id}`, startsAt: movePreview.starts_at, endsAt: movePreview.ends_at, lesson }
        : { key: `l${lesson.id}`, startsAt: lesson.starts_at, endsAt: lesson.ends_at, lesson },
    ),
    ...sessions.map((session) => ({ key: `c${session.id}`, startsAt: session.starts_at, endsAt: session.ends_at, session })),
    ...roadTests.map((roadTest) => ({ key: `r${roadTest.id}`, startsAt: roadTest.blocked_from, endsAt: roadTest.blocked_until, roadTest })),
  ];
  const placed = assignLanes(entries)
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
      <div className="cal__gutter" style={{ height }}>
        {hours.map((minute) => (
          <span key={minute} className="cal__hour" style={{ top: ((minute - window.dayStartMinute) / 60) * HOUR_PX }}>
            {minuteText(minute, timeFormat)}
          </span>
        ))}
      </div>
      {days.map((date, dayIndex) => (
        <div
          key={date}
          className={date === today ? 'cal__column cal__column--today' : 'cal__column'}
          style={{ height, backgroundSize: `100% ${HOUR_PX}px` }}
          onClick={(event) => onColumnClick(event, date)}
          data-testid="calendar-column"
          data-date={date}
          title="Click an empty time to book a lesson"
        >
          {placed
            .filter((entry) => entry.placement!.dayIndex === dayIndex)
            .map(({ item, lane, lanes, placement }) => {
              const style = {
                top: `${placement!.top}%`,
                height: `${placement!.height}%`,
                left: `calc(${(lane / lanes) * 100}% + 2px)`,
                width: `calc(${100 / lanes}% - 4px)`,
              };
              const time = timeRangeText(item.startsAt, item.endsAt, timeFormat, window.timeZone);
              if (item.lesson) {
                const lesson = item.lesson;
                return (
                  <button
                    key={item.key}
                    type="button"
                    className={`cal__block cal__block--${lesson.status}${movePreview?.lessonId === lesson.id ? ' cal__block--moving' : ''}`}
                    style={style}
                    onClick={() => onOpenLesson(lesson)}
                    onKeyDown={onLessonKeyDown ? (event) => onLessonKeyDown(event, lesson) : undefined}
                    aria-keyshortcuts={lesson.status === 'scheduled' && onLessonKeyDown ? 'Alt+ArrowUp Alt+ArrowDown Alt+ArrowLeft Alt+ArrowRight Alt+Shift+ArrowUp Alt+Shift+ArrowDown' : undefined}
                    data-testid="calendar-lesson"
                    data-lesson-id={lesson.id}
                    data-status={lesson.status}
                  >
                    <span className="cal__block-time">{time}</span>
                    <span className="cal__block-title">{lesson.student_name}</span>
                    <span className="cal__block-meta">{secondary(lesson)}</span>
                  </button>
                );
              }
              if (item.roadTest) {
                const test = item.roadTest;
                return (
                  <button
                    key={item.key}
                    type="button"
                    className="cal__block cal__block--road_test"
                    style={style}
                    onClick={() => onOpenRoadTest?.(test)}
                    data-testid="calendar-road-test"
                    data-road-test-id={test.id}
                  >
                    <span className="cal__block-time">{time}</span>
                    <span className="cal__block-title">
                      {test.licence_class} road test: {test.student_name}
                    </span>
                    <span className="cal__block-meta">
                      {test.centre_name} at {timeText(test.starts_at, timeFormat, window.timeZone)}
                      {test.vehicle_plate ? ` · ${test.vehicle_plate}` : ''}
                    </span>
                  </button>
                );
              }
              const session = item.session!;
              return (
                <div key={item.key} className="cal__block cal__block--class" style={style} data-testid="calendar-class">
                  <span className="cal__block-time">{time}</span>
                  <span className="cal__block-title">Class: {session.topic}</span>
                  <span className="cal__block-meta">
                    Room {session.room} · {session.attendance?.length ?? 0}/{session.capacity}
                  </span>
                </div>
              );
            })}
        </div>
      ))}
    </div>
  );
}
