/**
 * Stands in for the `electron` module when the REAL preload (electron/preload/index.ts) is bundled
 * for a plain Chromium page (see vite.shim.config.ts). Only what a preload may use is here:
 * - contextBridge.exposeInMainWorld(key, api) sets window[key] (no isolated world outside Electron);
 * - ipcRenderer.invoke(channel, payload) goes to window.__odsmInvoke, a Playwright binding that runs
 *   the real ipcMain handlers in the test process;
 * - ipcRenderer.on/removeListener receive pushes that the harness sends with window.__odsmEmit.
 */

type Listener = (event: IpcRendererEvent, ...args: unknown[]) => void;

export type IpcRendererEvent = { sender: typeof ipcRenderer; senderId: number };

type ShimWindow = {
  __odsmInvoke?: (channel: string, payload: unknown) => Promise<unknown>;
  __odsmEmit?: (channel: string, ...args: unknown[]) => void;
} & Record<string, unknown>;

const shimWindow = globalThis as unknown as ShimWindow;
const listeners = new Map<string, Set<Listener>>();

export const ipcRenderer = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    const invoke = shimWindow.__odsmInvoke;
    if (!invoke) return Promise.reject(new Error('e2e shim: the __odsmInvoke binding is not installed'));
    // Electron structured-clones IPC arguments; JSON through the binding is the same for our payloads.
    return invoke(channel, args[0]);
  },
  on(channel: string, listener: Listener) {
    let set = listeners.get(channel);
    if (!set) listeners.set(channel, (set = new Set()));
    set.add(listener);
    return ipcRenderer;
  },
  removeListener(channel: string, listener: Listener) {
    listeners.get(channel)?.delete(listener);
    return ipcRenderer;
  },
};

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown) {
    // Electron freezes what crosses the bridge; freezing here keeps the page from patching verbs.
    Object.defineProperty(shimWindow, key, { value: deepFreeze(api), writable: false, configurable: false, enumerable: true });
  },
};

shimWindow.__odsmEmit = (channel: string, ...args: unknown[]) => {
  const event: IpcRendererEvent = { sender: ipcRenderer, senderId: 0 };
  for (const listener of [...(listeners.get(channel) ?? [])]) listener(event, ...args);
};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
