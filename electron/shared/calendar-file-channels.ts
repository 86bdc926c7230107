// The phone-calendar export's channel, shared by main, preload and renderer (see app-channels.ts).

/** The renderer asks main to save an instructor's schedule as an .ics file, where the user picks. */
export const CALENDAR_FILE_CHANNEL = 'app:calendar:export';

export interface CalendarFileRequest {
  instructorId: number;
  /** The first and last local days the file covers (YYYY-MM-DD), at most 366 days. */
  firstDay: string;
  lastDay: string;
}

export type CalendarFileResult =
  | { saved: false }
  | {
      saved: true;
      /** Where the file went: for the confirmation the screen shows. */
      path: string;
      /** Lessons and classes in the file. */
      events: number;
      instructor: string;
    };
