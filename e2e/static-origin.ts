/**
 * Serves the built renderer (out/renderer) to Chromium under one fixed origin, with page routing
 * instead of a server: nothing listens on a port, and any request for another origin is aborted
 * and recorded, so a test can prove the page talked to nothing else.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { BrowserContext, Request, Route } from 'playwright-core';

export const APP_ORIGIN = 'https://odsm.test';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

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

/** `/students/../../etc/passwd` must not leave the renderer folder. */
export function resolveInside(root: string, urlPath: string): string | undefined {
  const relative = decodeURIComponent(urlPath).replace(/^\/+/, '') || 'index.html';
  const file = resolve(root, relative);
  return file === root || file.startsWith(root + sep) ? file : undefined;
}

export async function serveRenderer(context: BrowserContext, rendererDir: string): Promise<StaticOrigin> {
  const root = resolve(rendererDir);
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
    const file = resolveInside(root, url.pathname);
    const body = file ? await readFile(file).catch(() => undefined) : undefined;
    if (!body) {
      await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
      return;
    }
    await route.fulfill({
      status: 200,
      contentType: contentTypes[extname(file!)] ?? 'application/octet-stream',
      body,
      headers: { 'cache-control': 'no-store' },
    });
  });
  return state;
}
