import { queryOptions, useQuery } from '@tanstack/react-query';
import { asTimeFormat } from '../../../lib/clock-text';
import { DEFAULT_TIME_ZONE } from '../../../lib/dates';
import { call } from '../../../lib/odsm';
import { rootKey } from '../../../lib/query-keys';

export const settingsKeys = {
  all: rootKey('settings'),
};

export function getSettings() {
  return call((odsm) => odsm.settings.get());
}

export function settingsQueryOptions() {
  return queryOptions({ queryKey: settingsKeys.all, queryFn: getSettings, staleTime: 60_000 });
}

export function useSchoolSettings() {
  return useQuery(settingsQueryOptions());
}

/** The school's zone, time format and warning horizon, with the documented defaults until settings load. */
export function useSchoolClock() {
  const { data } = useSchoolSettings();
  return {
    timeZone: data?.time_zone ?? DEFAULT_TIME_ZONE,
    timeFormat: asTimeFormat(data?.time_format),
    expiryWarningDays: data?.expiry_warning_days ?? 60,
    settings: data,
  };
}

