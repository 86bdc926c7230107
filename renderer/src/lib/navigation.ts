/**
 * The active screen lives in the address's hash (`index.html#students`), so a reload, a printed
 * day sheet or a test can open a screen directly. A hash change never leaves the app:// origin.
 */
import { useEffect, useEffectEvent, useSyncExternalStore } from 'react';

export type Route = { screen: string; params: URLSearchParams };

/** "#calendar?date=2026-03-04" -> { screen: 'calendar', params: date=2026-03-04 }. */
export function parseHash(hash: string): Route {
  const [screen = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  return { screen, params: new URLSearchParams(query) };
}

export function hashFor(screen: string, params?: Record<string, string>): string {
  const query = params ? new URLSearchParams(params).toString() : '';
  return `#${screen}${query ? `?${query}` : ''}`;
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function navigate(screen: string, params?: Record<string, string>) {
  window.location.hash = hashFor(screen, params);
}

/** The current hash, re-rendering on every change. */
export function useHash(): [string, (screen: string, params?: Record<string, string>) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  // navigate is a module function: already stable, so no useCallback.
  return [hash, navigate];
}

/**
 * Runs `onIntent` once when the address asks this screen to start something (`#students?intent=new`,
 * from the File menu), then drops the intent from the address so a reload does not start it again.
 */
export function useIntent(screen: string, intent: string, onIntent: () => void): void {
  const [hash] = useHash();
  const start = useEffectEvent(onIntent);
  useEffect(() => {
    const route = parseHash(hash);
    if (route.screen !== screen || route.params.get('intent') !== intent) return;
    route.params.delete('intent');
    window.history.replaceState(null, '', hashFor(screen, Object.fromEntries(route.params)));
    start();
  }, [hash, screen, intent]);
}
