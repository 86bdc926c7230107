import { test } from 'vitest';
import type { Manifest } from '../../main/bridge/manifest';
import type { PolicyOptions } from '../../main/bridge/policies';
import { recordingLogger, syntheticManifest, type RecordingLogger } from './bridge-fixtures';
import { ScriptedBackend } from './scripted-backend';
import { standInBridge, type StandInBridge } from './stand-in-bridge';

export const TEST_SECRET = 'test-secret';
export const TEST_ACTOR = 'tester@bench-pc';

export interface Harness extends StandInBridge {
  log: RecordingLogger;
  breakerOpened: number;
}

/** The real bridge, transport and policies on the stand-in ipcMain, pointed at a scripted backend. */
function openBridge(backend: ScriptedBackend, policy: PolicyOptions = {}, manifest: Manifest = syntheticManifest): Harness {
  const log = recordingLogger();
  const harness: Harness = Object.assign(
    standInBridge({
      connection: () => ({ endpoint: { socketPath: backend.socketPath }, secret: TEST_SECRET }),
      log,
      manifest,
      actor: TEST_ACTOR,
      policy: { initialDelayMs: 5, maxDelayMs: 20, ...policy, onBreakerOpen: () => void (harness.breakerOpened += 1) },
    }),
    { log, breakerOpened: 0 },
  );
  return harness;
}

/**
 * A test with a fresh scripted backend (`backend`) and `bridgeOn(policy?, manifest?)` pointed at it;
 * both are closed after the test.
 */
export const bridgeTest = test.extend<{ backend: ScriptedBackend; bridgeOn: (policy?: PolicyOptions, manifest?: Manifest) => Harness }>({
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from this pattern
  backend: async ({}, use) => {
    const backend = await ScriptedBackend.start();
    await use(backend);
    await backend.stop();
  },
  bridgeOn: async ({ backend }, use) => {
    const opened: Harness[] = [];
    await use((policy, manifest) => {
      const harness = openBridge(backend, policy, manifest);
      opened.push(harness);
      return harness;
    });
    opened.forEach((harness) => harness.dispose());
  },
});
