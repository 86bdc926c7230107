export type SegmentOption<T extends string> = { id: T; label: string };

/** A row of toggle buttons, exactly one pressed: e.g. Day | Week. Each button's test id is `${testIdPrefix}-${id}`. */
export function Segmented<T extends string>({ label, options, value, onChange, testIdPrefix }: { label: string; options: readonly SegmentOption<T>[]; value: T; onChange: (id: T) => void; testIdPrefix: string }) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {options.map((option) => (
        <button key={option.id} type="button" aria-pressed={value === option.id} onClick={() => onChange(option.id)} data-testid={`${testIdPrefix}-${option.id}`}>
          {option.label}
        </button>
      ))}
    </div>
  );
}
