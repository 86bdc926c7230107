import { useEffect, useEffectEvent, useRef, type HTMLAttributes, type PointerEvent } from 'react';
import type { Lesson } from '../../lessons';
import { isMoved, NO_SHIFT, shiftForDrag, type Shift } from './lesson-move';

/** What the move hook offers a drag: the same pending move the keyboard makes, and the same save. */
export type MoveDrag = {
  mayMove: (lesson: Lesson) => boolean;
  to: (lesson: Lesson, shift: Shift) => void;
  drop: (lesson: Lesson, shift: Shift) => void;
  cancel: () => void;
};

type Dragging = {
  lesson: Lesson;
  pointerId: number;
  /** The column the drag began in, and where in it the pointer went down: the column may scroll meanwhile. */
  column: HTMLElement;
  x: number;
  y: number;
  minutePx: number;
  dayPx: number;
  days: { before: number; after: number };
  resize: boolean;
  started: boolean;
  shift: Shift;
};

/** A press that wanders less than this (in pixels) is a click that opens the lesson, not a drag. */
const DRAG_THRESHOLD_PX = 4;

/**
 * Drag a scheduled lesson's block to move it (down for later, across for another day) or its bottom edge to
 * change its length. The block is drawn where it would land as it goes; letting go saves it through the same
 * update and rules as Enter, a refusal snaps it back, and Esc during the drag puts it back.
 *
 * `visibleMinutes` is the column's span (a minute's height is the column's height over it); `dayCount` is the
 * number of day columns side by side, or 1 where the columns are people, not days (the school day).
 */
export function useLessonDrag(move: MoveDrag, options: { visibleMinutes: number; dayCount: number }) {
  const dragging = useRef<Dragging | null>(null);
  const swallowClick = useRef(false);
  const cancel = useEffectEvent(() => move.cancel());

  // Esc while the button is still down: the lesson goes back and the rest of the drag is ignored.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !dragging.current?.started) return;
      event.preventDefault();
      event.stopPropagation();
      dragging.current = null;
      swallowClick.current = true;
      cancel();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  function begin(event: PointerEvent<HTMLElement>, lesson: Lesson) {
    swallowClick.current = false;
    if (event.button !== 0 || !move.mayMove(lesson)) return;
    const column = event.currentTarget.parentElement;
    if (!column) return;
    const rect = column.getBoundingClientRect();
    const dayIndex = Number(column.dataset.dayIndex ?? 0);
    dragging.current = {
      lesson,
      pointerId: event.pointerId,
      column,
      x: event.clientX - rect.left,
      y: event.clientY - rect.top,
      minutePx: rect.height / options.visibleMinutes,
      dayPx: options.dayCount > 1 ? rect.width : 0,
      days: { before: options.dayCount > 1 ? dayIndex : 0, after: options.dayCount > 1 ? options.dayCount - 1 - dayIndex : 0 },
      resize: event.target instanceof Element && event.target.closest('.cal__block-resize') !== null,
      started: false,
      shift: NO_SHIFT,
    };
    event.currentTarget.setPointerCapture?.(event.pointerId);
  }

  function follow(event: PointerEvent<HTMLElement>) {
    const drag = dragging.current;
    if (!drag || drag.pointerId !== event.pointerId) return;
    // Measured within the column, so a calendar that scrolls under the pointer (focus follows the block) still adds up.
    const rect = drag.column.getBoundingClientRect();
    const dx = event.clientX - rect.left - drag.x;
    const dy = event.clientY - rect.top - drag.y;
    if (!drag.started && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
    drag.started = true;
    const shift = shiftForDrag({ dx, dy, minutePx: drag.minutePx, dayPx: drag.dayPx, resize: drag.resize }, drag.days);
    if (shift.days === drag.shift.days && shift.minutes === drag.shift.minutes && shift.longer === drag.shift.longer) return;
    drag.shift = shift;
    move.to(drag.lesson, shift);
  }

  function end(event: PointerEvent<HTMLElement>, cancelled: boolean) {
    const drag = dragging.current;
    if (!drag || drag.pointerId !== event.pointerId) return;
    dragging.current = null;
    if (!drag.started) return; // a click: it opens the lesson
    swallowClick.current = true;
    if (cancelled || !isMoved(drag.shift)) move.cancel();
    else move.drop(drag.lesson, drag.shift);
  }

  /** What a lesson's block needs to be dragged: spread onto it. */
  return (lesson: Lesson): HTMLAttributes<HTMLElement> => ({
    onPointerDown: (event) => begin(event, lesson),
    onPointerMove: follow,
    onPointerUp: (event) => end(event, false),
    onPointerCancel: (event) => end(event, true),
    onClickCapture: (event) => {
      // The click that ends a drag is not a click on the lesson.
      if (!swallowClick.current) return;
      swallowClick.current = false;
      event.preventDefault();
      event.stopPropagation();
    },
  });
}
