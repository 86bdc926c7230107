/** Weekly availability: slots per weekday (0 = Monday), minutes after midnight, in the school's zone. */
import type { AvailabilitySlot } from '../types';

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export const WEEKDAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export function sortSlots(slots: readonly AvailabilitySlot[]): AvailabilitySlot[] {
  return [...slots].sort((a, b) => a.weekday - b.weekday || a.start_minute - b.start_minute);
}

/** A problem with one day's slots, in words for the desk; null when all slots are usable. */
export function availabilityProblem(slots: readonly AvailabilitySlot[]): { weekday: number; message: string } | null {
  const sorted = sortSlots(slots);
  for (let i = 0; i < sorted.length; i += 1) {
    const slot = sorted[i]!;
    if (slot.end_minute <= slot.start_minute) {
      return { weekday: slot.weekday, message: `${WEEKDAY_NAMES[slot.weekday]}: each block must end after it starts.` };
    }
    const next = sorted[i + 1];
    if (next && next.weekday === slot.weekday && next.start_minute < slot.end_minute) {
      return { weekday: slot.weekday, message: `${WEEKDAY_NAMES[slot.weekday]}: two blocks overlap.` };
    }
  }
  return null;
}

/** Total available minutes in a week. */
export function weeklyMinutes(slots: readonly AvailabilitySlot[]): number {
  return slots.reduce((sum, slot) => sum + Math.max(0, slot.end_minute - slot.start_minute), 0);
}

export function sameAvailability(a: readonly AvailabilitySlot[], b: readonly AvailabilitySlot[]): boolean {
  const key = (slots: readonly AvailabilitySlot[]) => JSON.stringify(sortSlots(slots).map((s) => [s.weekday, s.start_minute, s.end_minute]));
  return key(a) === key(b);
}

/** A new block for a day: after the day's last block, or 9:00 to 17:00 on an empty day. */
export function nextSlot(slots: readonly AvailabilitySlot[], weekday: number): AvailabilitySlot {
  const last = sortSlots(slots.filter((slot) => slot.weekday === weekday)).at(-1);
  if (!last) return { weekday, start_minute: 9 * 60, end_minute: 17 * 60 };
  const start = Math.min(last.end_minute + 60, 23 * 60);
  return { weekday, start_minute: start, end_minute: Math.min(start + 120, 24 * 60) };
}
