import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RosterPage } from './roster-page';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function renderRoster(items: readonly unknown[], onNew: () => void = () => {}) {
  const state = { includeInactive: false, setIncludeInactive: () => {}, noticeBanner: null };
  const query = { isPending: false, isError: false, error: null, data: { items } };
  act(() =>
    root.render(
      <RosterPage noun="vehicle" plural="vehicles" subtitle="Lapsed insurance cannot be booked." onNew={onNew} state={state} query={query} dialogs={null}>
        <p data-testid="the-table">table</p>
      </RosterPage>,
    ),
  );
}

describe('RosterPage', () => {
  it('words its heading, button, filter and empty list for the record', () => {
    renderRoster([]);
    expect(container.querySelector('#vehicles-title')?.textContent).toBe('Vehicles');
    expect(container.querySelector('[data-testid="new-vehicle"]')?.textContent).toBe('+ New vehicle');
    expect(container.textContent).toContain('Show inactive vehicles');
    expect(container.textContent).toContain('No vehicles yet. Add the first one with “New vehicle”.');
    expect(container.querySelector('[data-testid="the-table"]')).toBeNull();
  });

  it('shows the records once there are some, and "+ New" asks for a new one', () => {
    let asked = 0;
    renderRoster([{ id: 1 }], () => (asked += 1));
    expect(container.querySelector('[data-testid="the-table"]')).not.toBeNull();
    act(() => (container.querySelector('[data-testid="new-vehicle"]') as HTMLButtonElement).click());
    expect(asked).toBe(1);
  });
});
