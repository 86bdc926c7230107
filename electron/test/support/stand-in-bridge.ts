// setupBridge on the ipcMain stand-in, for the bridge and contract tests, the e2e harness and the bench:
// everything but Electron itself, wired by the same function as electron/main/index.ts.
import type { IpcResult } from '../../../shared-contracts/channels';
import { setupBridge, type BridgeSetup, type SetupBridgeOptions } from '../../main/bridge/setup-bridge';
import { mainFrameEvent, OUR_ORIGIN, OUR_WEB_CONTENTS } from './bridge-fixtures';
import { IpcMainStandIn } from './ipc-main-stand-in';
import { saveDialogStandIn } from './save-dialog-stand-in';

type OwnParts = 'ipcMain' | 'allowedOrigins' | 'isOurWebContents' | 'app' | 'saveDialog';
export type StandInBridgeOptions = Omit<SetupBridgeOptions, OwnParts> & Partial<Pick<SetupBridgeOptions, OwnParts>>;

export interface StandInBridge extends BridgeSetup {
  ipc: IpcMainStandIn;
  /** Calls a channel as our window's main frame does. */
  invoke<T = unknown>(channel: string, payload?: unknown): Promise<IpcResult<T>>;
}

/**
 * Unless told otherwise, our window is OUR_WEB_CONTENTS on OUR_ORIGIN, and app:backend-status:get
 * answers "ready" (there is no supervisor to ask), and the save dialog is cancelled.
 */
export function standInBridge(options: StandInBridgeOptions): StandInBridge {
  const ipc = new IpcMainStandIn();
  const ready = { state: 'ready', at: new Date().toISOString() } as const;
  const setup = setupBridge({
    allowedOrigins: [OUR_ORIGIN],
    isOurWebContents: (sender) => sender === OUR_WEB_CONTENTS,
    app: { backendStatus: () => ready },
    saveDialog: saveDialogStandIn(),
    ...options,
    ipcMain: ipc,
  });
  return {
    ...setup,
    ipc,
    invoke: (channel, payload) => ipc.invoke(channel, mainFrameEvent(), payload) as Promise<IpcResult<never>>,
  };
}
