/** A small inline-SVG bar chart (no chart library): one labelled bar per item. */
export function BarChart({ items, label, unit }: { items: ReadonlyArray<{ key: string; label: string; value: number }>; label: string; unit: string }) {
  const width = 320;
  const height = 84;
  const max = Math.max(1, ...items.map((item) => item.value));
  const slot = items.length > 0 ? width / items.length : width;
  const bar = Math.min(28, slot * 0.7);
  return (
    <svg className="bar-chart" viewBox={`0 0 ${width} ${height + 16}`} role="img" aria-label={label} width="100%" preserveAspectRatio="xMinYMid meet">
      <line x1={0} y1={height} x2={width} y2={height} className="bar-chart__axis" />
      {items.map((item, index) => {
        const h = (item.value / max) * (height - 12);
        const x = index * slot + (slot - bar) / 2;
        return (
          <g key={item.key}>
            <title>{`${item.label}: ${item.value} ${unit}`}</title>
            <rect x={x} y={height - h} width={bar} height={h} rx={3} className="bar-chart__bar" />
            <text x={x + bar / 2} y={height + 12} textAnchor="middle" className="bar-chart__label">
              {item.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
