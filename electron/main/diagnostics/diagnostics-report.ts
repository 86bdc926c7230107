// Help → Diagnostics, gathered on asking: main's counts (kept as calls happen, at the cost of a store)
// and the backend's own figures, read through main's transport. Nothing here names a student.
import { randomUUID } from 'node:crypto';
import type { BackendDiagnostics, BackendStatus, DiagnosticsReport } from '../../shared/app-channels';
import type { Transport } from '../bridge/http-transport';
import type { Manifest } from '../bridge/manifest';
import type { BackendHealth } from '../desktop/about';
import type { CallTimings } from './call-timings';

/** One of the backend's own GET channels, read by main itself; undefined when it does not answer. */
export async function readBackend<T>(transport: Transport, manifest: Manifest, channel: string): Promise<T | undefined> {
  const path = manifest.channels[channel]?.path;
  if (!path) return undefined;
  try {
    const response = await transport.request({ method: 'GET', pathTemplate: path, requestId: randomUUID(), signal: AbortSignal.timeout(3_000) });
    return response.status === 200 ? (response.body as T) : undefined;
  } catch {
    return undefined;
  }
}

export const readBackendHealth = (transport: Transport, manifest: Manifest) => readBackend<BackendHealth>(transport, manifest, 'db:system:health');

/** The breaker's state, followed through the policies' callbacks. */
export interface BreakerWatch {
  opened(): void;
  reset(): void;
  figures(): DiagnosticsReport['breaker'];
}

export function watchBreaker(): BreakerWatch {
  let open = false;
  let openings = 0;
  return {
    opened: () => {
      open = true;
      openings += 1;
    },
    reset: () => {
      open = false;
    },
    figures: () => ({ state: open ? 'open' : 'closed', openings }),
  };
}

export interface DiagnosticsSources {
  transport: Transport;
  manifest: Manifest;
  timings: CallTimings;
  breaker: BreakerWatch;
  backendStatus(): BackendStatus;
  backendRestarts?: () => number;
  logsDir?: string;
  /** The last backup main recorded (null before the first). */
  lastBackup?: () => Promise<DiagnosticsReport['lastBackup']>;
}

export function createDiagnostics(sources: DiagnosticsSources): () => Promise<DiagnosticsReport> {
  return async () => ({
    ipc: sources.timings.figures(),
    breaker: sources.breaker.figures(),
    backendState: sources.backendStatus().state,
    backendRestarts: sources.backendRestarts ? sources.backendRestarts() : null,
    logsDir: sources.logsDir ?? null,
    backend: (await readBackend<BackendDiagnostics>(sources.transport, sources.manifest, 'db:system:diagnostics')) ?? null,
    lastBackup: sources.lastBackup ? await sources.lastBackup() : null,
    collectedAt: new Date().toISOString(),
  });
}
