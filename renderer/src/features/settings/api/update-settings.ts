import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/odsm';
import type { SchoolSettingsUpdate } from '../types';
import { settingsKeys } from './get-settings';

export function updateSettings(body: SchoolSettingsUpdate) {
  return call((odsm) => odsm.settings.update({ body }));
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSettings,
    onSuccess: (settings) => queryClient.setQueryData(settingsKeys.all, settings),
  });
}
