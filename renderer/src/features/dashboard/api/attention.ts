import { useKeptQuery } from '../../../hooks/use-kept-query';
import type { LiveQueries } from '../../../lib/live-queries';
import { call } from '../../../lib/odsm';
import { rootKey } from '../../../lib/query-keys';

// Kept under the lessons' root: completing or cancelling a lesson here refreshes Home with the calendar.
const attentionKey = [...rootKey('lessons'), 'needs-attention'] as const;

/** Lessons left unfinished, students with no consent, minors with no guardian: the first few of each. */
export function useNeedsAttention() {
  return useKeptQuery(attentionKey, () => call((odsm) => odsm.dashboard.needsAttention({ limit: 6 })));
}

/** The lessons and students it names, changed at any seat. */
export const dashboardLive: LiveQueries = { queryKey: attentionKey, shows: ['lessons', 'students'] };
