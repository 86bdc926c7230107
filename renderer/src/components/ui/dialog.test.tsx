import { act, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { reactRootPerTest } from '../../test/react-root';
import { Dialog } from './dialog';

const view = reactRootPerTest();

/** A trigger that opens a dialog whose first field takes focus as it mounts (autoFocus), as the forms do. */
function Screen() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" data-testid="trigger" onClick={() => setOpen(true)}>
        Edit
      </button>
      {open ? (
        <Dialog title="Edit student" onClose={() => setOpen(false)}>
          <input aria-label="First name" autoFocus />
        </Dialog>
      ) : null}
    </>
  );
}

/** Lets React finish and the frames pass in which focus goes back to where it came from. */
async function settle() {
  for (let frame = 0; frame < 3; frame += 1) {
    await act(async () => {
      await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    });
  }
}

function pressEscape() {
  act(() => {
    (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
  });
}

const dialogs = () => Array.from(document.querySelectorAll<HTMLElement>('[role="dialog"]'));
const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;
const hidden = (element: HTMLElement) => Boolean(element.closest('[inert], [aria-hidden="true"]'));

describe('a dialog and focus', () => {
  it('moves focus in when it opens and back to the trigger when it closes, even after a field took focus first', async () => {
    view.render(<Screen />);
    const trigger = view.container.querySelector<HTMLButtonElement>('[data-testid="trigger"]')!;
    trigger.focus();
    act(() => trigger.click());
    expect(document.activeElement?.closest('[role="dialog"]')).not.toBeNull();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('First name');
    pressEscape();
    await settle();
    expect(dialogs()).toHaveLength(0);
    expect(document.activeElement).toBe(trigger);
  });

  it('leaves focus on a control that took it as it mounted, instead of moving it to the close button', () => {
    view.render(
      <Dialog title="Attendance" onClose={() => undefined}>
        <button type="button" autoFocus>
          Mark everyone present
        </button>
      </Dialog>,
    );
    expect(document.activeElement?.textContent).toBe('Mark everyone present');
  });

  it('is named by its title and described by its description', () => {
    view.render(
      <Dialog title="Archive Ana Lima" description="Her lessons stay in the history." onClose={() => undefined} testId="archive">
        <p>Body</p>
      </Dialog>,
    );
    const dialog = byTestId('archive');
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('Archive Ana Lima');
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)?.textContent).toBe('Her lessons stay in the history.');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.tagName).toBe('H2');
  });

  it('falls back to the page heading, not the body, when the trigger is gone', async () => {
    function Vanishing() {
      const [open, setOpen] = useState(true);
      return (
        <main id="main-content">
          <h1>Students</h1>
          {open ? (
            <Dialog title="Edit" onClose={() => setOpen(false)}>
              <input aria-label="Name" />
            </Dialog>
          ) : null}
        </main>
      );
    }
    view.render(<Vanishing />);
    pressEscape();
    await settle();
    expect(document.activeElement?.tagName).toBe('H1');
  });
});

describe('a dialog and the screen behind it', () => {
  it('makes the screen behind it inert while open, and gives it back when it closes', async () => {
    view.render(<Screen />);
    const trigger = byTestId('trigger');
    trigger.focus();
    expect(hidden(trigger)).toBe(false);
    act(() => trigger.click());
    expect(hidden(trigger)).toBe(true);
    expect(hidden(dialogs()[0]!)).toBe(false);
    pressEscape();
    await settle();
    expect(hidden(trigger)).toBe(false);
  });

  it('keeps focus inside: focus sent to the screen behind comes back into the dialog', async () => {
    view.render(<Screen />);
    const trigger = byTestId('trigger');
    trigger.focus();
    act(() => trigger.click());
    await settle();
    // A browser refuses focus to an inert element; jsdom does not know inert, so this checks the containment alone.
    act(() => trigger.focus());
    await settle();
    expect(document.activeElement?.closest('[role="dialog"]')).not.toBeNull();
    pressEscape();
    await settle();
    expect(document.activeElement).toBe(trigger);
  });
});

describe('Escape', () => {
  /** A form that opens a second dialog (a picker) on top of itself. */
  function Nested({ onOuterClose }: { onOuterClose: () => void }) {
    const [outer, setOuter] = useState(true);
    const [inner, setInner] = useState(false);
    return outer ? (
      <Dialog
        title="Edit lesson"
        testId="outer"
        onClose={() => {
          onOuterClose();
          setOuter(false);
        }}
      >
        <button type="button" data-testid="open-inner" onClick={() => setInner(true)}>
          Pick a student
        </button>
        {inner ? (
          <Dialog title="Pick a student" testId="inner" onClose={() => setInner(false)}>
            <input aria-label="Search" autoFocus />
          </Dialog>
        ) : null}
      </Dialog>
    ) : null;
  }

  it('closes only the topmost of two nested dialogs, then the one below it', async () => {
    let outerClosed = 0;
    view.render(<Nested onOuterClose={() => (outerClosed += 1)} />);
    const open = byTestId('open-inner');
    open.focus();
    act(() => open.click());
    expect(dialogs()).toHaveLength(2);
    // The dialog below is behind the top one too.
    expect(hidden(byTestId('outer'))).toBe(true);
    pressEscape();
    await settle();
    expect(dialogs().map((dialog) => dialog.dataset.testid)).toEqual(['outer']);
    expect(outerClosed).toBe(0);
    expect(document.activeElement).toBe(byTestId('open-inner'));
    expect(hidden(byTestId('outer'))).toBe(false);
    pressEscape();
    await settle();
    expect(dialogs()).toHaveLength(0);
    expect(outerClosed).toBe(1);
  });

  it('goes through onClose, so a form that asks before discarding can keep itself open', async () => {
    function Guarded() {
      const [asking, setAsking] = useState(false);
      const [open, setOpen] = useState(true);
      return open ? (
        <Dialog title="Edit student" testId="guarded" onClose={() => (asking ? setOpen(false) : setAsking(true))}>
          {asking ? <p data-testid="ask">Discard your changes?</p> : null}
          <input aria-label="First name" autoFocus />
        </Dialog>
      ) : null;
    }
    view.render(<Guarded />);
    pressEscape();
    await settle();
    expect(byTestId('guarded')).not.toBeNull();
    expect(byTestId('ask').textContent).toBe('Discard your changes?');
    pressEscape();
    await settle();
    expect(dialogs()).toHaveLength(0);
  });

  it('the Close button goes through onClose too', () => {
    let closed = 0;
    view.render(
      <Dialog title="Receipt" onClose={() => (closed += 1)}>
        <p>Paid</p>
      </Dialog>,
    );
    act(() => document.querySelector<HTMLButtonElement>('button[aria-label="Close"]')!.click());
    expect(closed).toBe(1);
  });
});

describe('Escape after focus was lost', () => {
  it('still closes the topmost dialog when the focused control went away and focus fell to the page', async () => {
    function Run() {
      const [open, setOpen] = useState(true);
      const [done, setDone] = useState(false);
      return open ? (
        <Dialog title="Import students" testId="import" onClose={() => setOpen(false)}>
          {done ? (
            <p>Imported 3 students.</p>
          ) : (
            <button type="button" data-testid="run" autoFocus onClick={() => setDone(true)}>
              Import
            </button>
          )}
        </Dialog>
      ) : null;
    }
    view.render(<Run />);
    act(() => byTestId('run').click());
    act(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(document.activeElement).toBe(document.body);
    pressEscape();
    await settle();
    expect(dialogs()).toHaveLength(0);
  });
});

describe('Escape after focus was lost, with a dialog on top', () => {
  it('closes the top dialog only, not the one beneath it', async () => {
    let outerClosed = 0;
    function Two() {
      const [inner, setInner] = useState(false);
      return (
        <Dialog title="Edit student" testId="outer" onClose={() => (outerClosed += 1)}>
          <button type="button" data-testid="open-inner" onClick={() => setInner(true)}>
            Pick
          </button>
          {inner ? (
            <Dialog title="Pick" testId="inner" onClose={() => setInner(false)}>
              <p>Nothing to focus</p>
            </Dialog>
          ) : null}
        </Dialog>
      );
    }
    view.render(<Two />);
    act(() => byTestId('open-inner').click());
    await settle();
    act(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(document.activeElement).toBe(document.body);
    pressEscape();
    await settle();
    expect(dialogs().map((dialog) => dialog.dataset.testid)).toEqual(['outer']);
    expect(outerClosed).toBe(0);
  });
});
