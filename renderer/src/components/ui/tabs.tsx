import type { ReactNode } from 'react';
import { Tab, TabList, TabPanel, Tabs as AriaTabs, type Key } from 'react-aria-components';

export type TabItem<T extends string> = { id: T; label: ReactNode; disabled?: boolean };

type TabsProps<T extends string> = {
  items: readonly TabItem<T>[];
  active: T;
  onChange: (id: T) => void;
  label: string;
  /** The active tab's panel: what the caller shows for `active`. */
  children: ReactNode;
};

/**
 * A row of tabs over the active tab's panel, built on React Aria: the arrow keys move between tabs, Tab
 * goes on into the panel, and the panel is named by its tab. The caller keeps which tab is active.
 */
export function Tabs<T extends string>({ items, active, onChange, label, children }: TabsProps<T>) {
  function select(key: Key) {
    const item = items.find((candidate) => candidate.id === key);
    if (item) onChange(item.id);
  }
  return (
    <AriaTabs selectedKey={active} onSelectionChange={select} disabledKeys={items.filter((item) => item.disabled).map((item) => item.id)}>
      <TabList aria-label={label} className="tabs">
        {items.map((item) => (
          <Tab key={item.id} id={item.id} className={({ isSelected }) => (isSelected ? 'tabs__tab tabs__tab--active' : 'tabs__tab')} data-testid={`tab-${item.id}`}>
            {item.label}
          </Tab>
        ))}
      </TabList>
      {/* One panel whose id follows the active tab: the caller's content stays mounted as tabs change. */}
      <TabPanel id={active} className="tabs__panel">
        {children}
      </TabPanel>
    </AriaTabs>
  );
}
