import { useMutation } from '@tanstack/react-query';
import type { CalendarFileRequest } from '../../../../../electron/preload/api';
import { call } from '../../../lib/odsm';

/** An instructor's lessons and classes as an .ics file for a phone, saved where the user picks in main's dialog. */
export function useExportCalendarFile() {
  return useMutation({ mutationFn: (request: CalendarFileRequest) => call((odsm) => odsm.exportCalendarFile(request)) });
}
