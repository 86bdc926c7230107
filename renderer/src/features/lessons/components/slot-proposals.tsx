import type { SlotProposal } from '../types';

type SlotProposalsProps = {
  proposals: readonly SlotProposal[];
  onTake: (proposal: SlotProposal) => void;
};

/**
 * The free slots a refused booking offers (every rule passes there), each a button: Tab reaches them, Enter or
 * Space takes one into the form, which the rules then check again.
 */
export function SlotProposals({ proposals, onTake }: SlotProposalsProps) {
  if (proposals.length === 0) return null;
  return (
    <div className="slot-proposals" data-testid="slot-proposals">
      <p className="slot-proposals__title" id="slot-proposals-title">
        Free instead:
      </p>
      <ul className="slot-proposals__list" aria-labelledby="slot-proposals-title">
        {proposals.map((proposal) => (
          <li key={`${proposal.starts_at}-${proposal.instructor_id}-${proposal.vehicle_id}`}>
            <button type="button" className="slot-proposals__take" data-testid="slot-proposal" onClick={() => onTake(proposal)}>
              {proposal.local_time} · {proposal.instructor_name}
              {proposal.usual_instructor ? ' (usual instructor)' : ''} · {proposal.vehicle_plate}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
