import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { reactRootPerTest } from '../../test/react-root';
import { RosterPage } from './roster-page';

const view = reactRootPerTest();

function renderRoster(items: readonly unknown[], onNew: () => void = () => {}) {
  const state = { includeInactive: false, setIncludeInactive: () => {}, noticeBanner: null };
  const query = { isPending: false, isError: false, error: null, data: { items } };
  view.render(
    <RosterPage noun="vehicle" plural="vehicles" subtitle="Lapsed insurance cannot be booked." onNew={onNew} state={state} query={query} dialogs={null}>
      <p data-testid="the-table">table</p>
    </RosterPage>,
  );
}

describe('RosterPage', () => {
  it('words its heading, button, filter and empty list for the record', () => {
    renderRoster([]);
    expect(view.container.querySelector('#vehicles-title')?.textContent).toBe('Vehicles');
    expect(view.container.querySelector('[data-testid="new-vehicle"]')?.textContent).toBe('+ New vehicle');
    expect(view.container.textContent).toContain('Show inactive vehicles');
    expect(view.container.textContent).toContain('No vehicles yet. Add the first one with “New vehicle”.');
    expect(view.container.querySelector('[data-testid="the-table"]')).toBeNull();
  });

  it('shows the records once there are some, and "+ New" asks for a new one', () => {
    let asked = 0;
    renderRoster([{ id: 1 }], () => (asked += 1));
    expect(view.container.querySelector('[data-testid="the-table"]')).not.toBeNull();
    act(() => (view.container.querySelector('[data-testid="new-vehicle"]') as HTMLButtonElement).click());
    expect(asked).toBe(1);
  });
});
