import { useEffect, useEffectEvent, useId, useRef, useState, type ReactNode, type RefObject } from 'react';

type DialogProps = {
  title: string;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  size?: 'small' | 'large';
  testId?: string;
};

/**
 * A modal dialog: focus moves in when it opens and back when it closes, Escape closes it,
 * and Tab stays inside. Plain React rather than <dialog>, which jsdom does not implement.
 *
 * The trigger is read while the dialog first renders, before anything inside it mounts: by the time
 * an effect runs, a field's autoFocus has already moved focus into the dialog, and focus "returned"
 * there lands on the body once the dialog is gone.
 */
export function Dialog({ title, description, onClose, children, footer, size = 'small', testId }: DialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  useFocusableWhenScrolling(bodyRef, title);
  // The keydown listener is set up once, yet always calls the latest onClose.
  const close = useEffectEvent(() => onClose());
  const [trigger] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  useEffect(() => {
    const panel = panelRef.current;
    // A control inside that took focus as it mounted (React's autoFocus) keeps it: it is where the work starts.
    const active = document.activeElement;
    if (!(panel && active instanceof HTMLElement && active !== panel && panel.contains(active))) {
      const first = panel?.querySelector<HTMLElement>('[autofocus], input, select, textarea, button');
      (first ?? panel)?.focus();
    }

    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        event.stopPropagation();
        close();
      } else if (event.key === 'Tab' && panel) {
        trapTab(panel, event);
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      returnFocus(trigger);
    };
  }, [trigger]);

  return (
    <div className="dialog-backdrop">
      <div
        ref={panelRef}
        className={`dialog dialog--${size}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        data-testid={testId}
      >
        <header className="dialog__header">
          <h2 className="dialog__title" id={titleId}>
            {title}
          </h2>
          <button type="button" className="dialog__close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        {description ? (
          <div className="dialog__description" id={descriptionId}>
            {description}
          </div>
        ) : null}
        <div className="dialog__body" ref={bodyRef}>
          {children}
        </div>
        {footer ? <footer className="dialog__footer">{footer}</footer> : null}
      </div>
    </div>
  );
}

/**
 * A body that scrolls (a long import preview) with nothing focusable to scroll it by becomes a named
 * region that takes focus, so the arrow keys reach what is below; one that fits adds no Tab stop.
 */
function useFocusableWhenScrolling(ref: RefObject<HTMLDivElement | null>, title: string) {
  useEffect(() => {
    const body = ref.current;
    if (!body || typeof ResizeObserver === 'undefined') return undefined;
    const update = () => {
      const scrolls = body.scrollHeight > body.clientHeight || body.scrollWidth > body.clientWidth;
      if (scrolls) {
        body.tabIndex = 0;
        body.setAttribute('role', 'region');
        body.setAttribute('aria-label', title);
      } else {
        body.removeAttribute('tabindex');
        body.removeAttribute('role');
        body.removeAttribute('aria-label');
      }
    };
    const observer = new ResizeObserver(update);
    observer.observe(body);
    for (const child of Array.from(body.children)) observer.observe(child);
    const added = new MutationObserver(() => {
      for (const child of Array.from(body.children)) observer.observe(child);
      update();
    });
    added.observe(body, { childList: true });
    update();
    return () => {
      observer.disconnect();
      added.disconnect();
    };
  }, [ref, title]);
}

/**
 * Back to the trigger; if the screen re-drew it meanwhile (a row after a save), to the element that now
 * carries its test id or id; failing both, to the page's heading rather than the body.
 */
function returnFocus(trigger: HTMLElement | null) {
  // After the dialog's own nodes are gone: React removes them after this cleanup runs.
  queueMicrotask(() => {
    // Closing one dialog may have opened another, which keeps its focus.
    if (document.activeElement?.closest('[role="dialog"]')) return;
    if (trigger?.isConnected && trigger !== document.body) {
      trigger.focus();
      return;
    }
    const testId = trigger?.getAttribute('data-testid');
    const again = (trigger?.id && document.getElementById(trigger.id)) || (testId && document.querySelector<HTMLElement>(`[data-testid="${testId.replace(/["\\]/g, '\\$&')}"]`));
    const heading = document.querySelector<HTMLElement>('#main-content h1');
    const target = again || heading;
    if (!target) return;
    if (target === heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    target.focus();
  });
}

function trapTab(panel: HTMLElement, event: KeyboardEvent) {
  const focusable = Array.from(
    panel.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input, select, textarea, [tabindex="0"]'),
  );
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
