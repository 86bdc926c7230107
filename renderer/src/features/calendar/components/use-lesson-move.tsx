import { useEffect, useState, type KeyboardEvent } from 'react';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { dayText, timeRangeText, type TimeFormat } from '../../../lib/clock-text';
import { useLessonAction, type Lesson } from '../../lessons';
import { addShift, isMoved, NO_SHIFT, shiftedTimes, shiftForKey, type Shift } from './lesson-move';

/** The lesson being moved and where it would land: the calendar draws it there until Enter or Esc. */
export type MovePreview = { lessonId: number; starts_at: string; ends_at: string };

type Moving = { lesson: Lesson; shift: Shift };

/** Ends a sentence once: a time that ends in "p.m." takes no second full stop. */
const sentence = (text: string) => (text.endsWith('.') ? text : `${text}.`);

/**
 * Moves or resizes a scheduled lesson from the keyboard, on its calendar block: Alt+arrows shift it,
 * Alt+Shift+↑/↓ change its length, Enter saves the move through the same update (and every booking rule) as
 * the lesson's dialog, and Esc puts it back. A refused move says why and the block snaps back. A drag with the
 * mouse (use-lesson-drag) goes through the same pending move and the same save.
 */
export function useLessonMove({ timeZone, timeFormat, onMoved, onRefused }: { timeZone: string; timeFormat: TimeFormat; onMoved: (message: string) => void; onRefused: () => void }) {
  const [moving, setMoving] = useState<Moving | null>(null);
  const [refused, setRefused] = useState<{ error: unknown; lesson: Lesson } | null>(null);
  const save = useLessonAction();
  const landing = moving ? shiftedTimes(moving.lesson, moving.shift, timeZone) : null;
  const whenText = (times: { starts_at: string; ends_at: string }) =>
    `${dayText(times.starts_at, timeZone)}, ${timeRangeText(times.starts_at, times.ends_at, timeFormat, timeZone)}`;

  // A move to another day draws the block in another column: focus follows it there.
  const movingId = moving?.lesson.id;
  useEffect(() => {
    if (movingId === undefined) return;
    const block = document.querySelector<HTMLElement>(`[data-testid="calendar-lesson"][data-lesson-id="${movingId}"]`);
    if (block && document.activeElement !== block) block.focus();
  });

  /** Saves the pending move through the same update (and rules) as the lesson's dialog. */
  function commit(current: Moving) {
    const { lesson, shift } = current;
    if (!isMoved(shift)) return setMoving(null);
    const times = shiftedTimes(lesson, shift, timeZone);
    save.mutate(
      { kind: 'update', lessonId: lesson.id, body: { version: lesson.version, ...times } },
      {
        onSuccess: () => onMoved(sentence(`Moved ${lesson.student_name}’s lesson to ${whenText(times)}`)),
        onError: (error) => {
          onRefused(); // an earlier move's notice would read as this one's
          setRefused({ error, lesson });
        },
        onSettled: () => setMoving(null),
      },
    );
  }

  function onLessonKeyDown(event: KeyboardEvent<HTMLElement>, lesson: Lesson) {
    if (lesson.status !== 'scheduled' || save.isPending) return;
    const shift = shiftForKey(event);
    const current = moving?.lesson.id === lesson.id ? moving : null;
    if (shift) {
      event.preventDefault(); // Alt+← is the browser's Back
      setRefused(null);
      setMoving({ lesson, shift: addShift(current?.shift ?? NO_SHIFT, shift) });
      return;
    }
    if (!current) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setMoving(null);
    } else if (event.key === 'Enter') {
      event.preventDefault(); // saves instead of opening the lesson
      commit(current);
    }
  }

  /** The mouse's way to the same move: where a drag has the lesson now, then the drop saves it or Esc puts it back. */
  const drag = {
    mayMove: (lesson: Lesson) => lesson.status === 'scheduled' && !save.isPending,
    to(lesson: Lesson, shift: Shift) {
      setRefused(null);
      setMoving({ lesson, shift });
    },
    drop(lesson: Lesson, shift: Shift) {
      commit({ lesson, shift });
    },
    cancel: () => setMoving(null),
  };

  const preview: MovePreview | null = moving && landing ? { lessonId: moving.lesson.id, ...landing } : null;
  return {
    preview,
    onLessonKeyDown,
    drag,
    /** What the desk hears and reads while a move is pending. */
    status: (
      <p className={moving ? 'cal-move-status cal-move-status--active' : 'cal-move-status'} role="status" data-testid="calendar-move-status">
        {moving && landing
          ? `${sentence(`Moving ${moving.lesson.student_name}’s lesson to ${whenText(landing)}`)} Enter saves the move; Esc puts it back.`
          : ''}
      </p>
    ),
    banner: refused ? (
      <ErrorBanner
        error={refused.error}
        title={sentence(`${refused.lesson.student_name}’s lesson was not moved: it stays at ${whenText(refused.lesson)}`)}
        testId="calendar-move-refused"
      />
    ) : null,
  };
}
