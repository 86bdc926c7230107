import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SlotProposals } from './slot-proposals';

const USUAL = {
  starts_at: '2031-06-10T13:00:00Z',
  ends_at: '2031-06-10T14:00:00Z',
  instructor_id: 4,
  instructor_name: 'Ines Tremblay',
  vehicle_id: 2,
  vehicle_plate: 'CBX 101',
  usual_instructor: true,
  local_time: '9:00–10:00 a.m. on Tue, Jun 10',
};
const OTHER = { ...USUAL, instructor_id: 5, instructor_name: 'Raj Singh', usual_instructor: false, local_time: '8:00–9:00 a.m. on Tue, Jun 10' };

describe('SlotProposals', () => {
  it('offers each free slot as a button, in front-desk words, the usual instructor named', () => {
    const html = renderToStaticMarkup(<SlotProposals proposals={[USUAL, OTHER]} onTake={() => undefined} />);
    expect(html.match(/<button type="button"/g)).toHaveLength(2);
    expect(html).toContain('9:00–10:00 a.m. on Tue, Jun 10 · Ines Tremblay (usual instructor) · CBX 101');
    expect(html).toContain('8:00–9:00 a.m. on Tue, Jun 10 · Raj Singh · CBX 101');
  });

  it('shows nothing when there is nothing to offer', () => {
    expect(renderToStaticMarkup(<SlotProposals proposals={[]} onTake={() => undefined} />)).toBe('');
  });
});
