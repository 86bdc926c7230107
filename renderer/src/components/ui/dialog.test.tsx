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

async function settle() {
  await act(async () => {
    await Promise.resolve();
  });
}

describe('a dialog and focus', () => {
  it('moves focus in when it opens and back to the trigger when it closes, even after a field took focus first', async () => {
    view.render(<Screen />);
    const trigger = view.container.querySelector<HTMLButtonElement>('[data-testid="trigger"]')!;
    trigger.focus();
    act(() => trigger.click());
    expect(document.activeElement?.closest('[role="dialog"]')).not.toBeNull();
    act(() => {
      document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await settle();
    expect(view.container.querySelector('[role="dialog"]')).toBeNull();
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
    act(() => {
      document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await settle();
    expect(document.activeElement?.tagName).toBe('H1');
  });
});
