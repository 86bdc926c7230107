import type { CSSProperties, HTMLAttributes, KeyboardEvent } from 'react';
import type { ChannelResponse } from '../../../../../shared-contracts/channels';
import { timeRangeText, timeText, type TimeFormat } from '../../../lib/clock-text';
import type { Lesson } from '../../lessons';
import { instructorColour } from './instructor-colour';
import type { MovePreview } from './use-lesson-move';

/** A road test holding the car and the instructor (with the school's buffers before and after). */
export type CalendarRoadTest = NonNullable<ChannelResponse<'db:lessons:list'>['road_tests']>[number];

/** A class as a block shows it, whichever read it came from. */
export type CalendarClass = { id: number; instructorId: number; topic: string; room: string; attendees: number; capacity: number };

/** One thing on a calendar column: a lesson, a class or a road test, with the times it is drawn at. */
export type CalendarEntry = { key: string; startsAt: string; endsAt: string; lesson?: Lesson; classSession?: CalendarClass; roadTest?: CalendarRoadTest };

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

export const ALL_MOVE_KEYS = 'Alt+ArrowUp Alt+ArrowDown Alt+ArrowLeft Alt+ArrowRight Alt+Shift+ArrowUp Alt+Shift+ArrowDown';

type Props = {
  entry: CalendarEntry;
  /** Where the block sits in its column. */
  style: CSSProperties;
  timeFormat: TimeFormat;
  timeZone: string;
  /** What a lesson block says besides the student. */
  secondary: (lesson: Lesson) => string;
  moving: boolean;
  onOpenLesson: (lesson: Lesson) => void;
  onOpenRoadTest?: (roadTest: CalendarRoadTest) => void;
  onLessonKeyDown?: (event: KeyboardEvent<HTMLElement>, lesson: Lesson) => void;
  /** The keys that move a scheduled lesson here (announced to screen readers). */
  moveKeys?: string;
  /** Pointer handlers that drag a scheduled lesson to move it, or its bottom edge to change its length. */
  dragProps?: (lesson: Lesson) => HTMLAttributes<HTMLElement>;
};

/** The instructor whose colour edges the block, when it has one. */
function instructorOf(entry: CalendarEntry): number | null {
  return entry.lesson?.instructor_id ?? entry.classSession?.instructorId ?? entry.roadTest?.instructor_id ?? null;
}

/** A block on the calendar: the same on an instructor's, a vehicle's and the school day's columns. */
export function CalendarBlock({ entry, style, timeFormat, timeZone, secondary, moving, onOpenLesson, onOpenRoadTest, onLessonKeyDown, moveKeys = ALL_MOVE_KEYS, dragProps }: Props) {
  const instructorId = instructorOf(entry);
  const edged: CSSProperties = instructorId === null ? style : { ...style, borderLeftColor: instructorColour(instructorId) };
  const time = timeRangeText(entry.startsAt, entry.endsAt, timeFormat, timeZone);
  if (entry.lesson) {
    const lesson = entry.lesson;
    const draggable = dragProps !== undefined && lesson.status === 'scheduled';
    return (
      <button
        type="button"
        {...(draggable ? dragProps(lesson) : {})}
        className={`cal__block cal__block--${lesson.status}${moving ? ' cal__block--moving' : ''}${draggable ? ' cal__block--draggable' : ''}`}
        style={edged}
        onClick={() => onOpenLesson(lesson)}
        onKeyDown={onLessonKeyDown ? (event) => onLessonKeyDown(event, lesson) : undefined}
        aria-keyshortcuts={lesson.status === 'scheduled' && onLessonKeyDown ? moveKeys : undefined}
        data-testid="calendar-lesson"
        data-lesson-id={lesson.id}
        data-status={lesson.status}
      >
        <span className="cal__block-time">{time}</span>
        <span className="cal__block-title">{lesson.student_name}</span>
        <span className="cal__block-meta">{secondary(lesson)}</span>
        {draggable ? <span className="cal__block-resize" aria-hidden="true" data-testid="calendar-lesson-resize" /> : null}
      </button>
    );
  }
  if (entry.roadTest) {
    const test = entry.roadTest;
    return (
      <button type="button" className="cal__block cal__block--road_test" style={edged} onClick={() => onOpenRoadTest?.(test)} data-testid="calendar-road-test" data-road-test-id={test.id}>
        <span className="cal__block-time">{time}</span>
        <span className="cal__block-title">
          {test.licence_class} road test: {test.student_name}
        </span>
        <span className="cal__block-meta">
          {test.centre_name} at {timeText(test.starts_at, timeFormat, timeZone)}
          {test.vehicle_plate ? ` · ${test.vehicle_plate}` : ''}
        </span>
      </button>
    );
  }
  const session = entry.classSession!;
  return (
    <div className="cal__block cal__block--class" style={edged} data-testid="calendar-class">
      <span className="cal__block-time">{time}</span>
      <span className="cal__block-title">Class: {session.topic}</span>
      <span className="cal__block-meta">
        Room {session.room} · {session.attendees}/{session.capacity}
      </span>
    </div>
  );
}
