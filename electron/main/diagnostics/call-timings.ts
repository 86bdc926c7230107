// Help → Diagnostics: the IPC round trips main has answered, as a ring of the last durations and two
// counts. Recording is an index bump and a store on the call's path; percentiles are worked out on asking.

import type { TimingFigures } from '../../shared/app-channels';

export interface CallTimings {
  record(ms: number, ok: boolean): void;
  figures(): TimingFigures & { failures: number };
}

export function createCallTimings(capacity = 2048): CallTimings {
  const kept = new Float64Array(capacity);
  let count = 0;
  let failures = 0;
  const percentile = (sorted: Float64Array, fraction: number) =>
    sorted.length === 0 ? null : Math.round(sorted[Math.max(1, Math.ceil(fraction * sorted.length)) - 1]! * 1000) / 1000;
  return {
    record: (ms, ok) => {
      kept[count % capacity] = ms;
      count += 1;
      if (!ok) failures += 1;
    },
    figures: () => {
      const sorted = kept.slice(0, Math.min(count, capacity)).sort();
      return { count, failures, p50_ms: percentile(sorted, 0.5), p95_ms: percentile(sorted, 0.95) };
    },
  };
}
