import { createBridge, registerChannels } from '../../main/bridge/bridge';
import { createHttpTransport, type Transport } from '../../main/bridge/http-transport';
import { IpcMainStandIn } from '../../main/bridge/ipc-main-stand-in';
import type { Manifest } from '../../main/bridge/manifest';
import { createBackendPolicies, type PolicyOptions } from '../../main/bridge/policies';
import { createSenderCheck } from '../../main/bridge/sender-check';
import { OUR_ORIGIN, recordingLogger, syntheticManifest, type RecordingLogger } from './bridge-fixtures';
import type { ScriptedBackend } from './scripted-backend';

export const TEST_SECRET = 'test-secret';

export interface Harness {
  ipc: IpcMainStandIn;
  log: RecordingLogger;
  transport: Transport;
  breakerOpened: number;
  close(): void;
}

/** The real bridge, transport and policies on the stand-in ipcMain, pointed at a scripted backend. */
export function bridgeOn(backend: ScriptedBackend, policy: PolicyOptions = {}, manifest: Manifest = syntheticManifest): Harness {
  const log = recordingLogger();
  const transport = createHttpTransport({ connection: () => ({ endpoint: { socketPath: backend.socketPath }, secret: TEST_SECRET }) });
  const harness: Harness = {
    ipc: new IpcMainStandIn(),
    log,
    transport,
    breakerOpened: 0,
    close: () => {
      transport.close();
      policies.dispose();
    },
  };
  const policies = createBackendPolicies({
    initialDelayMs: 5,
    maxDelayMs: 20,
    ...policy,
    onBreakerOpen: () => {
      harness.breakerOpened += 1;
    },
  });
  const bridge = createBridge({ manifest, transport, policies, log, isTrustedSender: createSenderCheck({ allowedOrigins: [OUR_ORIGIN] }) });
  registerChannels(harness.ipc, bridge);
  return harness;
}
