import { formatMoney } from '../../../lib/units';
import type { RevenuePeriod } from '../api/money-reports';

const WIDTH = 640;
const HEIGHT = 300;
const LEFT = 64;
const BOTTOM = 24;
const TOP = 10;

/** The gridline step: 1, 2, 5, 10, 20, 50 … dollars, the smallest at or above `cents`, so the axis reads in round figures. */
function niceStep(cents: number): number {
  if (cents <= 100) return 100;
  const power = 10 ** Math.floor(Math.log10(cents));
  return ([1, 2, 5, 10].find((m) => m * power >= cents) ?? 10) * power;
}

const axisMoney = (cents: number) =>
  new Intl.NumberFormat('en-CA', { style: 'currency', currency: 'CAD', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 }).format(cents / 100);

/**
 * Revenue and HST collected side by side per period, as SVG drawn here (no chart library). The picture is
 * one image with a summary for screen readers; the same figures stand in the table beside it.
 */
export function RevenueChart({ periods, title }: { periods: readonly RevenuePeriod[]; title: string }) {
  const highest = Math.max(0, ...periods.map((p) => Math.max(p.revenue_cents, p.hst_cents)));
  const lowest = Math.min(0, ...periods.map((p) => Math.min(p.revenue_cents, p.hst_cents)));
  // Four gridlines above zero; a month that credit notes took below zero gets lines of the same step under it.
  const step = niceStep(Math.max(highest / 4, -lowest / 4));
  const top = Math.max(1, Math.ceil(highest / step)) * step;
  const floor = lowest < 0 ? -Math.ceil(-lowest / step) * step : 0;
  const plot = HEIGHT - TOP - BOTTOM;
  const y = (cents: number) => TOP + ((top - cents) / (top - floor)) * plot;
  const slot = (WIDTH - LEFT) / Math.max(1, periods.length);
  const bar = Math.min(22, slot * 0.34);
  const ticks = Array.from({ length: Math.round((top - floor) / step) + 1 }, (_, i) => floor + i * step);
  const best = periods.reduce<RevenuePeriod | undefined>((a, p) => (a === undefined || p.revenue_cents > a.revenue_cents ? p : a), undefined);
  const summary = best && best.revenue_cents > 0 ? `${title}. Highest: ${best.label}, ${formatMoney(best.revenue_cents)} of sales.` : `${title}. No sales in these periods.`;
  return (
    <figure className="rev-chart" data-testid="revenue-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="rev-chart__svg">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={WIDTH} y1={y(tick)} y2={y(tick)} className={tick === 0 ? 'rev-chart__zero' : 'rev-chart__grid'} />
            <text x={LEFT - 8} y={y(tick) + 4} textAnchor="end" className="rev-chart__tick">
              {axisMoney(tick)}
            </text>
          </g>
        ))}
        {periods.map((p, i) => {
          const x = LEFT + i * slot + slot / 2;
          return (
            <g key={p.start}>
              <rect x={x - bar - 1} y={Math.min(y(p.revenue_cents), y(0))} width={bar} height={Math.abs(y(p.revenue_cents) - y(0))} className="rev-chart__revenue">
                <title>{`${p.label}: sales ${formatMoney(p.revenue_cents)}`}</title>
              </rect>
              <rect x={x + 1} y={Math.min(y(p.hst_cents), y(0))} width={bar} height={Math.abs(y(p.hst_cents) - y(0))} className="rev-chart__hst">
                <title>{`${p.label}: HST ${formatMoney(p.hst_cents)}`}</title>
              </rect>
              <text x={x} y={HEIGHT - 6} textAnchor="middle" className="rev-chart__label">
                {p.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="rev-chart__legend" aria-hidden="true">
        <span className="rev-chart__key rev-chart__key--revenue" /> Sales before tax
        <span className="rev-chart__key rev-chart__key--hst" /> HST collected
      </figcaption>
    </figure>
  );
}
