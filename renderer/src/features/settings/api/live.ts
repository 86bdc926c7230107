import type { LiveQueries } from '../../../lib/live-queries';
import { settingsKeys } from './get-settings';

export const settingsLive: LiveQueries = { queryKey: settingsKeys.all, shows: ['settings'] };
