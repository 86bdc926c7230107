/**
 * Serves the built renderer (out/renderer) to Chromium under one fixed origin, with page routing
 * instead of a server: nothing listens on a port, and any request for another origin is aborted
 * and recorded, so a test can prove the page talked to nothing else.
 *
 * Each file is answered by the REAL app:// protocol handler (electron/main/protocol/app-protocol.ts),
 * so the page gets the same path guard, content types and CSP header as in Electron.
 */
import type { BrowserContext, Request, Route } from 'playwright-core';
import { APP_ORIGIN as ELECTRON_APP_ORIGIN, createAppProtocolHandler } from '../electron/main/protocol/app-protocol';

/** An https origin stands in for app://odsm: Chromium without Electron has no privileged app:// scheme. */
export const APP_ORIGIN = 'https://odsm.test';

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
}

export interface StaticOrigin {
  /** Every request the browser made, in order, whatever its origin. */
  requests: RecordedRequest[];
  /** Requests for anything other than APP_ORIGIN: aborted. */
  blocked: RecordedRequest[];
}

/** https://odsm.test/assets/x.js -> app://odsm/assets/x.js */
function toAppUrl(url: URL): string {
  return `${ELECTRON_APP_ORIGIN}${url.pathname}${url.search}`;
}

export async function serveRenderer(context: BrowserContext, rendererDir: string): Promise<StaticOrigin> {
  const handle = createAppProtocolHandler(rendererDir);
  const state: StaticOrigin = { requests: [], blocked: [] };
  const record = (request: Request): RecordedRequest => ({ url: request.url(), method: request.method(), resourceType: request.resourceType() });

  context.on('request', (request) => state.requests.push(record(request)));

  await context.route('**/*', async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.origin !== APP_ORIGIN || request.method() !== 'GET') {
      state.blocked.push(record(request));
      await route.abort('blockedbyclient');
      return;
    }
    const response = await handle(new Request(toAppUrl(url)));
    await route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      body: Buffer.from(await response.arrayBuffer()),
    });
  });
  return state;
}
