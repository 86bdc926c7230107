import type { IpcHandler, IpcInvokeEventLike, IpcMainLike } from '../../main/bridge/ipc-types';

/**
 * An in-repo stand-in for Electron's ipcMain, for tests, the e2e harness and the bench (no Electron binary).
 * It mimics the parts that matter: one handler per channel, a second handle() throws,
 * and invoking a channel with no handler rejects with Electron's message.
 */
export class IpcMainStandIn implements IpcMainLike {
  private readonly handlers = new Map<string, IpcHandler>();

  handle(channel: string, listener: IpcHandler): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  channels(): string[] {
    return [...this.handlers.keys()];
  }

  /** What ipcRenderer.invoke(channel, ...args) does once it reaches the main process. */
  async invoke(channel: string, event: IpcInvokeEventLike, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) {
      throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    }
    return await handler(event, ...args);
  }
}
