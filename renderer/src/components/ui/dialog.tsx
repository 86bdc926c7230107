import { useEffect, useEffectEvent, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

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
 * A modal dialog built on React Aria: everything behind it is inert (no clicks, no Tab, hidden from screen
 * readers), Tab stays inside, and focus goes back to the trigger when it closes. Escape closes only the
 * topmost of nested dialogs, and goes through `onClose` like the Close button, so a form that asks before
 * discarding changes can say no (it simply stays rendered). A click on the backdrop does nothing: a form's
 * typing is not lost to a stray click.
 *
 * A control inside that takes focus as it mounts (React's autoFocus) keeps it; otherwise the dialog itself
 * takes focus, and its title is what a screen reader announces.
 */
export function Dialog({ title, description, onClose, children, footer, size = 'small', testId }: DialogProps) {
  const descriptionId = useId();
  const bodyRef = useRef<HTMLDivElement>(null);
  useFocusableWhenScrolling(bodyRef, title);
  useFallbackFocus();
  useEscapeWhenFocusIsLost(bodyRef, onClose);

  return (
    <ModalOverlay
      className="dialog-backdrop"
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Modal className="dialog-modal">
        <AriaDialog className={`dialog dialog--${size}`} aria-describedby={description ? descriptionId : undefined} data-testid={testId}>
          <header className="dialog__header">
            <Heading slot="title" level={2} className="dialog__title">
              {title}
            </Heading>
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
        </AriaDialog>
      </Modal>
    </ModalOverlay>
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
 * React Aria hears Escape inside the dialog. When the control that had focus goes away (a Run button that
 * becomes the result), focus falls to the page's body, outside the dialog: there Escape still closes the
 * topmost dialog, and only that one (a dialog under another, or under the sign-in screen, is inert).
 */
function useEscapeWhenFocusIsLost(inside: RefObject<HTMLElement | null>, onClose: () => void) {
  const close = useEffectEvent(() => onClose());
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const active = document.activeElement;
      if (active && active !== document.body) return;
      if (!inside.current || inside.current.closest('[inert], [aria-hidden="true"]')) return;
      event.preventDefault();
      close();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [inside]);
}

/**
 * React Aria returns focus to the trigger, a frame after the dialog is gone. If the screen re-drew the
 * trigger meanwhile (a row after a save), focus would be left on the body: this sends it to the element that
 * now carries the trigger's test id or id, failing both to the page's heading.
 *
 * The trigger is read while the dialog first renders, before anything inside it mounts: by the time an
 * effect runs, a field's autoFocus has already moved focus into the dialog.
 */
function useFallbackFocus() {
  const [trigger] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(
    () => () => {
      // A passive cleanup runs after React Aria's layout cleanup has asked for its frame, so this frame comes after it.
      requestAnimationFrame(() => returnFocus(trigger));
    },
    [trigger],
  );
}

function returnFocus(trigger: HTMLElement | null) {
  // React Aria found a home for focus, or closing one dialog opened another, which keeps its focus.
  if (document.activeElement && document.activeElement !== document.body) return;
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
}
