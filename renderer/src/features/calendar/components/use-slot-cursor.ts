import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

/** The one empty slot of the school day that Tab reaches: a column (instructor) and a start, in minutes. */
export type SlotCursor = { column: number; minute: number };

type Bounds = { columns: number; firstMinute: number; lastMinute: number; step: number };

const MOVES: Record<string, [number, number]> = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

export const slotSelector = ({ column, minute }: SlotCursor) => `[data-testid="school-day-slot"][data-column="${column}"][data-minute="${minute}"]`;

/**
 * A roving tab stop over the school day's empty slots (the grid pattern): Tab enters the grid once, the
 * arrows move between times and instructors, Home and End go to the first and last time, and Enter books.
 */
export function useSlotCursor({ columns, firstMinute, lastMinute, step }: Bounds, start: number) {
  const [chosen, setChosen] = useState<SlotCursor>({ column: 0, minute: start });
  const cursor: SlotCursor = {
    column: clamp(chosen.column, 0, Math.max(0, columns - 1)),
    minute: clamp(chosen.minute, firstMinute, lastMinute),
  };
  // Focus follows a move made with the keys, never a change made by the mouse or a new answer.
  const follow = useRef(false);
  useEffect(() => {
    if (!follow.current) return;
    follow.current = false;
    document.querySelector<HTMLElement>(slotSelector(cursor))?.focus();
  });

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    let next: SlotCursor | null = null;
    const move = MOVES[event.key];
    if (move) next = { column: cursor.column + move[0], minute: cursor.minute + move[1] * step };
    if (event.key === 'Home') next = { ...cursor, minute: firstMinute };
    if (event.key === 'End') next = { ...cursor, minute: lastMinute };
    if (!next) return;
    event.preventDefault(); // the arrows would scroll the calendar instead
    follow.current = true;
    setChosen({ column: clamp(next.column, 0, columns - 1), minute: clamp(next.minute, firstMinute, lastMinute) });
  }

  return { cursor, onKeyDown, choose: setChosen };
}
