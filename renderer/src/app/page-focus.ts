/**
 * Where focus goes when a screen opens: its search field where it has one (the students list), else its
 * heading. A screen may still be loading when it opens, so this waits for the heading to appear, and
 * gives way to a dialog that took focus first (a menu command that opens one).
 */
const SEARCH = '[data-page-search]';
const HEADING = 'h1';
const GIVE_UP_MS = 3000;

function target(main: HTMLElement, preferSearch: boolean): HTMLElement | null {
  const search = preferSearch ? main.querySelector<HTMLElement>(SEARCH) : null;
  return search ?? main.querySelector<HTMLElement>(HEADING);
}

function dialogHasFocus(): boolean {
  return document.activeElement?.closest('[role="dialog"]') != null;
}

function land(element: HTMLElement): void {
  // A heading is reached by script, not by Tab: tabindex -1 lets it take focus without a Tab stop.
  if (element.tagName === 'H1' && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus();
}

/** Moves focus to the page's search or heading as soon as it is there; returns a cancel. */
export function focusPageStart(main: HTMLElement | null, preferSearch = true): () => void {
  if (!main) return () => {};
  const now = target(main, preferSearch);
  if (now) {
    if (!dialogHasFocus()) land(now);
    return () => {};
  }
  const observer = new MutationObserver(() => {
    const found = target(main, preferSearch);
    if (!found) return;
    stop();
    if (!dialogHasFocus()) land(found);
  });
  const timer = window.setTimeout(() => stop(), GIVE_UP_MS);
  function stop() {
    observer.disconnect();
    window.clearTimeout(timer);
  }
  observer.observe(main, { childList: true, subtree: true });
  return stop;
}
