import type { IpcInvokeEventLike } from './ipc-types';

export interface SenderCheckOptions {
  /** Origins allowed to call, e.g. "app://odsm" or, in dev, "http://localhost:5173". */
  allowedOrigins: readonly string[];
  /** Identity check of event.sender against our window's webContents (in tests, against their stand-in). */
  isOurWebContents: (sender: unknown) => boolean;
}

/**
 * scheme://host[:port]. Node's URL gives origin "null" for schemes it does not know (app://),
 * so the origin is rebuilt from protocol and host, which is what Chromium uses for a standard scheme.
 */
export function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (!u.host) return undefined;
    return `${u.protocol}//${u.host}`;
  } catch {
    return undefined;
  }
}

/** Our window's main frame on our origin, sent by our window; a null senderFrame (navigated or destroyed) is refused. */
export function createSenderCheck(options: SenderCheckOptions): (event: IpcInvokeEventLike) => boolean {
  const allowed = new Set(options.allowedOrigins.map((o) => originOf(o) ?? o));
  return (event) => {
    const frame = event?.senderFrame;
    if (!frame) return false;
    if (frame.parent !== null) return false;
    const origin = originOf(frame.url);
    if (!origin || !allowed.has(origin)) return false;
    return options.isOurWebContents(event.sender);
  };
}
