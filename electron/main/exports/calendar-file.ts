// An instructor's schedule as an iCalendar file for a phone: main picks the path in a native save dialog,
// the backend writes the file there (whole or not at all) with the school's zone and its rules.
import { randomUUID } from 'node:crypto';
import { CALENDAR_FILE_CHANNEL, type CalendarFileRequest, type CalendarFileResult } from '../../shared/calendar-file-channels';
import type { AppChannel } from '../bridge/app-channel-handlers';
import type { Transport } from '../bridge/http-transport';
import { MainRefusal } from '../bridge/ipc-envelope';
import type { JsonSchema } from '../bridge/manifest';
import type { SaveDialog } from '../files/save-dialog';
import type { Logger } from '../log/json-logger';

// Main alone calls this route (no db: channel): the path comes from the save dialog.
const CALENDAR_FILE_PATH = '/api/v1/system/calendar-files';

const day: JsonSchema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const requestSchema: JsonSchema = {
  type: 'object',
  properties: { instructorId: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER }, firstDay: day, lastDay: day },
  required: ['instructorId', 'firstDay', 'lastDay'],
  additionalProperties: false,
};
const resultSchema: JsonSchema = {
  oneOf: [
    { type: 'object', properties: { saved: { const: false } }, required: ['saved'], additionalProperties: false },
    {
      type: 'object',
      properties: { saved: { const: true }, path: { type: 'string' }, events: { type: 'integer', minimum: 0 }, instructor: { type: 'string' } },
      required: ['saved', 'path', 'events', 'instructor'],
      additionalProperties: false,
    },
  ],
};

interface BackendScheduleFile {
  file: string;
  events: number;
  instructor: string;
}

export function createCalendarFileExport(options: { transport: Transport; dialog: SaveDialog; log: Logger }): (request: CalendarFileRequest) => Promise<CalendarFileResult> {
  const { transport, dialog, log } = options;
  return async (request) => {
    const path = await dialog.choosePath({
      title: 'Save the schedule for a phone calendar',
      defaultName: `schedule-${request.firstDay}-to-${request.lastDay}.ics`,
      filters: [{ name: 'Calendar file (iCalendar)', extensions: ['ics'] }],
    });
    if (path === undefined) return { saved: false };
    const body = { instructor_id: request.instructorId, first_day: request.firstDay, last_day: request.lastDay, file: path };
    const response = await transport.request({ method: 'POST', pathTemplate: CALENDAR_FILE_PATH, body, requestId: randomUUID(), signal: AbortSignal.timeout(60_000) });
    if (response.status !== 201) {
      const refusal = (response.body ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
      log.warn('calendar_file.refused', { status: response.status, code: refusal.code });
      throw new MainRefusal(refusal.code ?? 'calendar_file.failed', refusal.message ?? 'The calendar file could not be written.', refusal.details);
    }
    const made = response.body as BackendScheduleFile;
    log.info('calendar_file.written', { events: made.events });
    return { saved: true, path: made.file, events: made.events, instructor: made.instructor };
  };
}

export function createCalendarFileChannels(exportFile: (request: CalendarFileRequest) => Promise<CalendarFileResult>): Record<string, AppChannel> {
  return {
    [CALENDAR_FILE_CHANNEL]: { request: requestSchema, response: resultSchema, answer: (payload) => exportFile(payload as unknown as CalendarFileRequest) },
  };
}
