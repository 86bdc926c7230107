import { useId, type ReactNode } from 'react';

export type TabItem<T extends string> = { id: T; label: ReactNode; disabled?: boolean };

/** A row of tabs; the caller renders the panel for `active` below it. */
export function Tabs<T extends string>({ items, active, onChange, label }: { items: readonly TabItem<T>[]; active: T; onChange: (id: T) => void; label: string }) {
  const base = useId();
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="tab"
          id={`${base}-${item.id}`}
          aria-selected={item.id === active}
          className={item.id === active ? 'tabs__tab tabs__tab--active' : 'tabs__tab'}
          disabled={item.disabled}
          data-testid={`tab-${item.id}`}
          onClick={() => onChange(item.id)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
