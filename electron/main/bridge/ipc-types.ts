// The slice of Electron's IPC types the bridge needs, so the bridge never imports electron
// and runs under vitest, the e2e harness and the real ipcMain alike.

export interface SenderFrameLike {
  url: string;
  /** null for a window's main frame; an iframe has a parent. */
  parent: unknown;
}

export interface IpcInvokeEventLike {
  /** Electron sets this to null when the frame has navigated away or been destroyed. */
  senderFrame: SenderFrameLike | null;
  /** The sending WebContents; compared by identity with our window's. */
  sender?: unknown;
}

export type IpcHandler = (event: IpcInvokeEventLike, ...args: unknown[]) => unknown;

export interface IpcMainLike {
  handle(channel: string, listener: IpcHandler): void;
  removeHandler(channel: string): void;
}
