import { useState } from 'react';
import { Banner } from '../components/ui/banner';

/**
 * The success notice over a screen ("Lesson booked."): `banner` to render, `show` and `clear` to change it.
 * A notice the desk may dismiss has a × button.
 */
export function useNotice(testId: string, { dismissable = true }: { dismissable?: boolean } = {}) {
  const [notice, setNotice] = useState<string | null>(null);
  const clear = () => setNotice(null);
  const banner = notice ? <Banner tone="success" title={notice} onDismiss={dismissable ? clear : undefined} testId={testId} /> : null;
  return { banner, show: setNotice, clear };
}

/**
 * A dialog's state: what it is open for (null while closed). `done(message)` closes it and hands its
 * message on, usually to the screen's notice.
 */
export function useDialog<T>(onDone: (message: string) => void) {
  const [open, setOpen] = useState<T | null>(null);
  const close = () => setOpen(null);
  function done(message: string) {
    close();
    onDone(message);
  }
  return { open, setOpen, close, done };
}
