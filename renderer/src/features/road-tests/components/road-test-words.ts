// What the front desk reads about one road test: its status, what a result or a cancellation did, and the
// backend's refusals in plain words with the details the refusal carries (the test's time, its status).
import { dayYearText, timeText, type TimeFormat } from '../../../lib/clock-text';
import { formatDate } from '../../../lib/dates';
import { formatMoney } from '../../../lib/money';
import { isOdsmError } from '../../../lib/odsm';
import type { RoadTest } from '../api/road-tests';

type Clock = { timeFormat: TimeFormat; timeZone: string };

/** "Thu, Dec 3, 2026 at 10:00 a.m." */
export function whenText(startsAt: string, clock: Clock): string {
  return `${dayYearText(startsAt, clock.timeZone)} at ${timeText(startsAt, clock.timeFormat, clock.timeZone)}`;
}

export function statusText(test: RoadTest): string {
  switch (test.status) {
    case 'booked':
      return 'Booked';
    case 'passed':
      return 'Passed';
    case 'failed':
      return test.retest_from ? `Failed · retest from ${formatDate(test.retest_from)}` : 'Failed';
    case 'no_show':
      return `No-show · ${formatMoney(test.fee_lost_cents)} fee lost`;
    case 'cancelled':
      return 'Cancelled';
    case 'late_cancelled':
      return `Cancelled late · ${formatMoney(test.fee_lost_cents)} fee lost`;
    default:
      return String(test.status);
  }
}

/** Whether the test's time has come (a result may be recorded) or is still ahead (it may be cancelled). */
export function hasStarted(test: Pick<RoadTest, 'starts_at'>, now: Date): boolean {
  return new Date(test.starts_at).getTime() <= now.getTime();
}

/** Cancelling now is late when less than the school's notice (48 h) is left before the test. */
export function isLateCancel(test: Pick<RoadTest, 'starts_at'>, noticeHours: number, now: Date): boolean {
  return now.getTime() > new Date(test.starts_at).getTime() - noticeHours * 3_600_000;
}

/** Said before a cancellation is saved. */
export function cancelWarning(test: RoadTest, noticeHours: number, now: Date): string {
  if (isLateCancel(test, noticeHours, now)) {
    return `The test is less than ${noticeHours} hours away: if it is cancelled now, DriveTest keeps the ${formatMoney(test.fee_cents)} fee.`;
  }
  const car = test.vehicle_plate ? ', and the school car’s rental is taken off the student’s charges' : '';
  return `The test is more than ${noticeHours} hours away: the ${formatMoney(test.fee_cents)} fee is not lost${car}.`;
}

/** Said once a cancellation is saved. */
export function cancelledText(test: RoadTest): string {
  if (test.status === 'late_cancelled') {
    return `Test cancelled. It was less than the notice ahead, so the ${formatMoney(test.fee_lost_cents)} DriveTest fee is lost.`;
  }
  const car = test.vehicle_plate ? ', and the school car’s rental is reversed' : '';
  return `Test cancelled in time: the DriveTest fee is not lost${car}.`;
}

/** Said once a result is saved. `nextFrom` is the first day of the next test after a G2 pass, when known. */
export function resultText(test: RoadTest, clock: Clock, nextFrom?: string | null): string {
  const day = dayYearText(test.starts_at, clock.timeZone);
  switch (test.status) {
    case 'passed': {
      const step = `Passed: the ${test.licence_class} licence step is recorded, dated ${day}.`;
      if (test.licence_class === 'G') return `${step} That is the full licence: no further road test.`;
      return nextFrom ? `${step} The G test may be taken from ${formatDate(nextFrom)}.` : step;
    }
    case 'failed':
      return `Failed. The earliest retest is ${formatDate(test.retest_from)}.`;
    case 'no_show':
      return `Recorded as a no-show: DriveTest keeps the ${formatMoney(test.fee_lost_cents)} fee.`;
    default:
      return `Saved: ${statusText(test)}.`;
  }
}

const STATUS_WORDS: Record<string, string> = {
  passed: 'already recorded as passed',
  failed: 'already recorded as failed',
  no_show: 'already recorded as a no-show',
  cancelled: 'already cancelled',
  late_cancelled: 'already cancelled',
};

/** A refused result or cancellation: a title and a sentence, from the code and its details. */
export function refusalWords(error: unknown, clock: Clock): { title: string; text: string; code: string } {
  if (!isOdsmError(error)) return { title: 'That did not work.', text: String(error instanceof Error ? error.message : error), code: '' };
  const details = (error.details ?? {}) as { starts_at?: unknown; status?: unknown };
  switch (error.code) {
    case 'road_test.not_yet_taken': {
      const when = typeof details.starts_at === 'string' ? whenText(details.starts_at, clock) : 'later';
      return {
        title: 'The result can’t be recorded yet.',
        text: `This test is on ${when}: record how it went once it has taken place.`,
        code: error.code,
      };
    }
    case 'road_test.not_booked': {
      const now = STATUS_WORDS[String(details.status)] ?? 'no longer booked';
      return {
        title: 'This test is no longer booked.',
        text: `It is ${now}. Only a booked test can be given a result or cancelled.`,
        code: error.code,
      };
    }
    case 'road_test.version_conflict':
      return { title: 'Someone else changed this test meanwhile.', text: 'Close it and open it again to see what changed.', code: error.code };
    case 'road_test.not_found':
      return { title: 'This road test no longer exists.', text: 'It may have been removed on another computer.', code: error.code };
    default:
      return { title: 'That did not work.', text: error.message, code: error.code };
  }
}
