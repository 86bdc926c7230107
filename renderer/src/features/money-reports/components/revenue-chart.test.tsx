import { describe, expect, it } from 'vitest';
import { reactRootPerTest } from '../../../test/react-root';
import type { RevenuePeriod } from '../api/money-reports';
import { RevenueChart } from './revenue-chart';

const view = reactRootPerTest();

const period = (label: string, revenue: number, hst: number): RevenuePeriod => ({
  label,
  start: `2026-0${label.slice(1)}-01`,
  end: `2026-0${label.slice(1)}-28`,
  revenue_cents: revenue,
  hst_cents: hst,
  invoices: 1,
  credit_notes: 0,
});

const ticks = () => [...view.container.querySelectorAll('.rev-chart__tick')].map((t) => t.textContent);

describe('RevenueChart', () => {
  it('reads its axis in round dollars and sums up the highest period for a screen reader', () => {
    view.render(<RevenueChart periods={[period('Q1', 0, 0), period('Q2', 30_500, 3_965)]} title="Sales per quarter, 2026" />);
    // 305.00 at most: four steps of $100 (not $76.25 or $125).
    expect(ticks()).toEqual(['$0', '$100', '$200', '$300', '$400']);
    const image = view.container.querySelector('svg[role="img"]');
    expect(image?.getAttribute('aria-label')).toBe('Sales per quarter, 2026. Highest: Q2, $305.00 of sales.');
    expect([...view.container.querySelectorAll('title')].map((t) => t.textContent)).toContain('Q2: HST $39.65');
  });

  it('draws a period that credit notes took below zero under the axis, with gridlines of the same step', () => {
    view.render(<RevenueChart periods={[period('Q1', 17_500, 2_275), period('Q2', -6_500, -845)]} title="Sales" />);
    // 175.00 at most: steps of $50 (a quarter of it, rounded up), and under zero as many as -65.00 needs.
    expect(ticks()).toEqual(['-$100', '-$50', '$0', '$50', '$100', '$150', '$200']);
    const zero = view.container.querySelector('.rev-chart__zero');
    const credited = view.container.querySelectorAll('.rev-chart__revenue')[1]!;
    expect(Number(credited.getAttribute('y'))).toBe(Number(zero?.getAttribute('y1')));
    expect(Number(credited.getAttribute('height'))).toBeGreaterThan(0);
  });

  it('says plainly when there were no sales', () => {
    view.render(<RevenueChart periods={[period('Q1', 0, 0)]} title="Sales" />);
    expect(view.container.querySelector('svg')?.getAttribute('aria-label')).toBe('Sales. No sales in these periods.');
  });
});
