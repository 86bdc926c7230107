import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/** The renderer's origin: app://odsm (a privileged, standard, secure scheme; never file://). */
export const APP_SCHEME = 'app';
const APP_HOST = 'odsm';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * No http, https or ws source anywhere: the renderer talks only through the preload. No inline style
 * either: the built page links its CSS, and React's style={...} props go through the CSSOM, which
 * style-src does not govern. renderer/index.html carries the same policy in a meta tag for the dev server.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export type Resolved = { ok: true; filePath: string; contentType: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * Maps app://odsm/<path> to a file under root, or refuses. The URL parser already folds "." and ".."
 * segments; the guard does not rely on that: it decodes, resolves, and checks the result is inside root.
 */
export function resolveAppUrl(url: string, root: string): Resolved {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { ok: false, status: 403 };
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  // NUL, backslashes (Windows separators) and drive letters have no business in a web path.
  if (path.includes('\0') || path.includes('\\') || /^\/*[a-zA-Z]:/.test(path)) return { ok: false, status: 403 };
  if (path.split('/').includes('..')) return { ok: false, status: 403 };
  // An extension-less path is a client-side route: serve the app shell.
  const wanted = path === '/' || path === '' || extname(path) === '' ? '/index.html' : path;
  const base = resolve(root);
  const filePath = resolve(base, `.${wanted}`);
  const rel = relative(base, filePath);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return { ok: false, status: 403 };
  return { ok: true, filePath, contentType: contentTypes[extname(filePath).toLowerCase()] ?? 'application/octet-stream' };
}

/** The protocol.handle() callback: Fetch API in, Fetch API out, so it runs in tests without Electron. */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  const headers = (contentType: string) => ({
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
  return async (request) => {
    const resolved = resolveAppUrl(request.url, root);
    if (!resolved.ok) return new Response(null, { status: resolved.status, headers: headers('text/plain') });
    try {
      const body = await readFile(resolved.filePath);
      return new Response(body, { status: 200, headers: headers(resolved.contentType) });
    } catch {
      return new Response(null, { status: 404, headers: headers('text/plain') });
    }
  };
}
