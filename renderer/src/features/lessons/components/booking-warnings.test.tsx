import { describe, expect, it } from 'vitest';
import { reactRootPerTest } from '../../../test/react-root';
import { BookingWarnings, warningExplanation } from './booking-warnings';

const view = reactRootPerTest();
const usedUp = {
  code: 'billing.prepaid_hours_used_up',
  message: 'The student has no prepaid hours left for this lesson: take a payment or sell a pack.',
  details: { remaining_minutes: 30, lesson_minutes: 90 },
};

describe('the booking check’s warnings', () => {
  it('says the prepaid hours left against the lesson’s length', () => {
    expect(warningExplanation(usedUp)).toBe('0.5 h prepaid left; this lesson is 1.5 h.');
    expect(warningExplanation({ code: 'other', message: 'x', details: null })).toBeNull();
  });

  it('shows each warning as a note, not an alert, and nothing when there are none', () => {
    view.render(<BookingWarnings warnings={[usedUp]} />);
    const banner = view.container.querySelector('[data-testid="lesson-warnings"]');
    expect(banner?.getAttribute('role')).toBe('status');
    expect(view.container.querySelector('[data-code="billing.prepaid_hours_used_up"]')?.textContent).toBe(`${usedUp.message} 0.5 h prepaid left; this lesson is 1.5 h.`);
    view.render(<BookingWarnings warnings={[]} />);
    expect(view.container.querySelector('[data-testid="lesson-warnings"]')).toBeNull();
  });
});
