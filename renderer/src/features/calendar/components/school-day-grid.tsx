import type { HTMLAttributes, KeyboardEvent } from 'react';
import { minuteText, type TimeFormat } from '../../../lib/clock-text';
import type { Lesson, SchoolDay, SchoolDayInstructor } from '../../lessons';
import { OffBands } from './off-bands';
import { CalendarBlock, lessonAndTestEntries, type CalendarEntry, type CalendarRoadTest } from './calendar-block';
import { columnHeight, HourGutter, HOUR_PX } from './calendar-gutter';
import { assignLanesFloating, blockStyle, placeBlock, type CalendarWindow } from './calendar-layout';
import { instructorColour } from './instructor-colour';
import { offAt, offBands, type OffKind } from './school-day-shading';
import { useSlotCursor } from './use-slot-cursor';
import type { MovePreview } from './use-lesson-move';

/** Each empty slot of the school day is half an hour: Enter or a click books a lesson from its start. */
export const SLOT_MINUTES = 30;
const FIRST_FOCUS_MINUTE = 9 * 60;
// On the school day a lesson moves in time only: another instructor is another column, and another day another page.
const TIME_MOVE_KEYS = 'Alt+ArrowUp Alt+ArrowDown Alt+Shift+ArrowUp Alt+Shift+ArrowDown';

type Props = {
  day: SchoolDay;
  /** One day: the school day's date, with the visible hours. */
  window: CalendarWindow;
  timeFormat: TimeFormat;
  onPickSlot: (instructorId: number, minute: number) => void;
  onOpenLesson: (lesson: Lesson) => void;
  onOpenRoadTest?: (roadTest: CalendarRoadTest) => void;
  movePreview?: MovePreview | null;
  onLessonKeyDown?: (event: KeyboardEvent<HTMLElement>, lesson: Lesson) => void;
  /** Drags a lesson to another time in its column, or its bottom edge to another length. */
  dragProps?: (lesson: Lesson) => HTMLAttributes<HTMLElement>;
};

const OFF_WORDS: Record<OffKind, string> = { outside_hours: 'outside weekly hours', time_off: 'time off' };

function entriesByInstructor(day: SchoolDay, movePreview?: MovePreview | null): Map<number, CalendarEntry[]> {
  const byId = new Map<number, CalendarEntry[]>(day.instructors.map((who) => [who.id, []]));
  for (const entry of lessonAndTestEntries(day.lessons, day.road_tests, movePreview)) {
    const id = entry.lesson?.instructor_id ?? entry.roadTest?.instructor_id;
    if (id != null) byId.get(id)?.push(entry);
  }
  for (const c of day.classes) {
    const classSession = { id: c.id, instructorId: c.instructor_id, topic: c.topic, room: c.room, attendees: c.attendee_count, capacity: c.capacity };
    byId.get(c.instructor_id)?.push({ key: `c${c.id}`, startsAt: c.starts_at, endsAt: c.ends_at, classSession });
  }
  return byId;
}

/** Every instructor's day side by side, one column each, with the time they cannot be booked hatched. */
export function SchoolDayGrid({ day, window, timeFormat, onPickSlot, onOpenLesson, onOpenRoadTest, movePreview, onLessonKeyDown, dragProps }: Props) {
  const height = columnHeight(window);
  const lastMinute = window.dayEndMinute - SLOT_MINUTES;
  const slots = cursorMinutes(window.dayStartMinute, lastMinute);
  const slotCursor = useSlotCursor({ columns: day.instructors.length, firstMinute: window.dayStartMinute, lastMinute, step: SLOT_MINUTES }, FIRST_FOCUS_MINUTE);
  const byInstructor = entriesByInstructor(day, movePreview);
  const timeOnly = onLessonKeyDown
    ? (event: KeyboardEvent<HTMLElement>, lesson: Lesson) => {
        if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) return event.preventDefault(); // Alt+← is the browser's Back
        onLessonKeyDown(event, lesson);
      }
    : undefined;

  const column = (who: SchoolDayInstructor, index: number) => {
    const bands = offBands(who, day.date, window);
    const placed = assignLanesFloating(byInstructor.get(who.id) ?? [], (entry) => entry.lesson !== undefined && entry.lesson.id === movePreview?.lessonId)
      .map((entry) => ({ ...entry, placement: placeBlock(entry.item.startsAt, entry.item.endsAt, window) }))
      .filter((entry) => entry.placement !== null);
    return (
      <div key={who.id} className="cal__column sd__column" style={{ height, backgroundSize: `100% ${HOUR_PX}px` }} data-testid="school-day-column" data-instructor-id={who.id}>
        <OffBands bands={bands} window={window} />
        {slots.map((minute) => {
          const off = offAt(bands, minute, SLOT_MINUTES);
          const here = slotCursor.cursor.column === index && slotCursor.cursor.minute === minute;
          return (
            <button
              key={minute}
              type="button"
              className="sd__slot"
              style={{ top: ((minute - window.dayStartMinute) / 60) * HOUR_PX, height: (SLOT_MINUTES / 60) * HOUR_PX }}
              tabIndex={here ? 0 : -1}
              aria-label={`Book a lesson with ${who.name} at ${minuteText(minute, timeFormat)}${off ? ` (${OFF_WORDS[off]})` : ''}`}
              onClick={() => onPickSlot(who.id, minute)}
              onFocus={() => slotCursor.choose({ column: index, minute })}
              onKeyDown={slotCursor.onKeyDown}
              data-testid="school-day-slot"
              data-column={index}
              data-minute={minute}
              data-off={off ?? undefined}
            />
          );
        })}
        {placed.map(({ item, lane, lanes, placement }) => (
          <CalendarBlock
            key={item.key}
            entry={item}
            style={blockStyle(placement!, lane, lanes)}
            timeFormat={timeFormat}
            timeZone={window.timeZone}
            secondary={(lesson) => lesson.vehicle_plate ?? ''}
            moving={item.lesson !== undefined && movePreview?.lessonId === item.lesson.id}
            onOpenLesson={onOpenLesson}
            onOpenRoadTest={onOpenRoadTest}
            onLessonKeyDown={timeOnly}
            moveKeys={TIME_MOVE_KEYS}
            dragProps={dragProps}
          />
        ))}
      </div>
    );
  };

  return (
    <div className="cal sd" style={{ gridTemplateColumns: `76px repeat(${day.instructors.length}, minmax(150px, 1fr))` }} data-testid="school-day-grid">
      <div className="cal__corner" />
      {day.instructors.map((who) => (
        <div key={who.id} className="cal__day-head sd__head" data-testid="school-day-head">
          <span className="sd__swatch" style={{ background: instructorColour(who.id) }} aria-hidden="true" />
          {who.name}
        </div>
      ))}
      <HourGutter window={window} timeFormat={timeFormat} />
      {day.instructors.map(column)}
    </div>
  );
}

function cursorMinutes(first: number, last: number): number[] {
  const minutes: number[] = [];
  for (let minute = first; minute <= last; minute += SLOT_MINUTES) minutes.push(minute);
  return minutes;
}
