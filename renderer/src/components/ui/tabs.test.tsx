import { act, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { reactRootPerTest } from '../../test/react-root';
import { Tabs } from './tabs';

const view = reactRootPerTest();

type Tab = 'details' | 'availability' | 'time-off';

function Form({ timeOff }: { timeOff: boolean }) {
  const [tab, setTab] = useState<Tab>('details');
  return (
    <Tabs<Tab>
      label="Instructor sections"
      active={tab}
      onChange={setTab}
      items={[
        { id: 'details', label: 'Details' },
        { id: 'availability', label: 'Weekly availability' },
        { id: 'time-off', label: 'Time off', disabled: !timeOff },
      ]}
    >
      <p data-testid="shown">{tab}</p>
      <input aria-label="Name" />
    </Tabs>
  );
}

const tab = (id: string) => view.container.querySelector<HTMLElement>(`[data-testid="tab-${id}"]`)!;
const panel = () => view.container.querySelector<HTMLElement>('[role="tabpanel"]')!;

function press(key: string) {
  act(() => {
    document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

describe('tabs', () => {
  it('is a named tab list whose panel is named by the active tab', () => {
    view.render(<Form timeOff />);
    const list = view.container.querySelector('[role="tablist"]')!;
    expect(list.getAttribute('aria-label')).toBe('Instructor sections');
    expect(tab('details').getAttribute('aria-selected')).toBe('true');
    expect(tab('details').className).toContain('tabs__tab--active');
    expect(document.getElementById(panel().getAttribute('aria-labelledby')!)).toBe(tab('details'));
    expect(tab('details').getAttribute('aria-controls')).toBe(panel().id);
  });

  it('moves between tabs with the arrow keys, passing over a tab that is off', () => {
    view.render(<Form timeOff={false} />);
    act(() => tab('details').focus());
    press('ArrowRight');
    expect(document.activeElement).toBe(tab('availability'));
    expect(view.container.querySelector('[data-testid="shown"]')?.textContent).toBe('availability');
    expect(document.getElementById(panel().getAttribute('aria-labelledby')!)).toBe(tab('availability'));
    expect(tab('time-off').getAttribute('aria-disabled')).toBe('true');
    press('ArrowRight');
    expect(document.activeElement).toBe(tab('details'));
  });

  it('changes tab on a click, keeping what the panel holds', () => {
    view.render(<Form timeOff />);
    const input = view.container.querySelector<HTMLInputElement>('input')!;
    act(() => {
      tab('time-off').dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0, detail: 1 }));
      tab('time-off').dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0, detail: 1 }));
      tab('time-off').click();
    });
    expect(tab('time-off').getAttribute('aria-selected')).toBe('true');
    expect(view.container.querySelector('input')).toBe(input);
  });
});
