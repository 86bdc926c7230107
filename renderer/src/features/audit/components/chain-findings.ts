// What verify found, in the words a front desk reads out to the owner.
import type { AnchorBreak, RecordDrift } from '../types';

/** "students" -> "Student", "instructor_time_off" -> "Instructor time off". */
function recordKind(entity: string): string {
  const words = entity.replace(/_/g, ' ').replace(/s$/, '');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function fieldList(fields: readonly string[]): string {
  return fields.map((field) => field.replace(/_/g, ' ')).join(', ');
}

export function driftText(drift: RecordDrift): string {
  const record = `${recordKind(drift.entity)} #${drift.entity_id}`;
  if (drift.change === 'changed') return `${record}: ${fieldList(drift.fields)} changed without an audit entry.`;
  if (drift.change === 'unaudited') return `${record}: added without an audit entry.`;
  return `${record}: removed without an audit entry.`;
}

export function anchorBreakText(broken: AnchorBreak): string {
  if (broken.code === 'audit.chain_rehashed') {
    return `The audit log was rewritten outside the app: entry #${broken.anchor_id} no longer matches the copy this computer kept.`;
  }
  return `The audit log was cut short outside the app: it had reached entry #${broken.anchor_id} and now holds ${broken.entries.toLocaleString('en-CA')} entries.`;
}
