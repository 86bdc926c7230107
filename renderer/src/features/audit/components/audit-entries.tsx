import { useState } from 'react';
import { formatDateTime } from '../../../lib/dates';
import type { AuditEntry } from '../types';
import { actionLabel, changedFields, fieldLabel, formatValue, otherChanges, type FieldChange, type OtherChange } from './audit-diff';

/** "students" -> "Student"; table names read as the thing they hold. */
export function entityLabel(entity: string): string {
  const singular = entity.replace(/ies$/, 'y').replace(/s$/, '');
  return fieldLabel(singular);
}

/** The record by the name the backend gave it ("Student Maya Chen"), or its kind and number. */
export function recordName(entry: { entity: string; entity_id: string; entity_label?: string }): string {
  if (entry.entity_label) return entry.entity_label;
  return `${entityLabel(entry.entity)}${entry.entity_id ? ` #${entry.entity_id}` : ''}`;
}

/** Audit entries, newest first: when, who, what, and a before -> after line per changed field. */
export function AuditEntries({ entries, timeZone, showEntity = true }: { entries: readonly AuditEntry[]; timeZone: string; showEntity?: boolean }) {
  return (
    <ol className="audit-list" data-testid="audit-entries">
      {entries.map((entry) => {
        const changes = changedFields(entry);
        return (
          <li key={entry.id} className="audit-entry" data-testid="audit-entry" data-action={entry.action}>
            <div className="audit-entry__head">
              <span className="audit-entry__action">{actionLabel(entry.action)}</span>
              {showEntity ? (
                <span className="badge" data-testid="audit-entry-record">
                  {recordName(entry)}
                </span>
              ) : null}
              <span className="audit-entry__meta" data-testid="audit-entry-who">
                {formatDateTime(entry.at, timeZone)} · {who(entry)}
              </span>
              <span className="audit-entry__id mono" title={`Hash ${entry.hash}`}>
                #{entry.id}
              </span>
            </div>
            {entry.reason ? <p className="audit-entry__reason">Reason: {entry.reason}</p> : null}
            {changes.length > 0 && entry.before ? <ChangeTable changes={changes} timeZone={timeZone} /> : null}
            {!entry.before && entry.after ? <p className="muted small">{changes.length} fields recorded.</p> : null}
            <OtherChanges others={otherChanges(entry)} timeZone={timeZone} />
          </li>
        );
      })}
    </ol>
  );
}

// An import of 200 students is one entry: show the first few records it changed, the rest on asking.
const OTHERS_SHOWN = 3;

function OtherChanges({ others, timeZone }: { others: readonly OtherChange[]; timeZone: string }) {
  const [all, setAll] = useState(false);
  const shown = all ? others : others.slice(0, OTHERS_SHOWN);
  return (
    <>
      {shown.map((other) => {
        const otherFields = changedFields(other);
        return (
          <div key={`${other.entity}-${other.entity_id}`} className="audit-entry__other" data-testid="audit-other-change">
            <p className="small">
              Also {actionLabel(other.action).toLowerCase()}: {entityLabel(other.entity)} #{other.entity_id}
            </p>
            {otherFields.length > 0 ? <ChangeTable changes={otherFields} timeZone={timeZone} /> : null}
          </div>
        );
      })}
      {others.length > shown.length ? (
        <button type="button" className="btn btn--ghost" onClick={() => setAll(true)} data-testid="audit-show-all-others">
          Show the other {others.length - shown.length} records this change made
        </button>
      ) : null}
    </>
  );
}

function ChangeTable({ changes, timeZone }: { changes: readonly FieldChange[]; timeZone: string }) {
  return (
    <table className="diff">
      <tbody>
        {changes.map((change) => (
          <tr key={change.field} data-testid="audit-change" data-field={change.field}>
            <th scope="row">{fieldLabel(change.field)}</th>
            <td className="diff__before">{formatValue(change.before, change.field, timeZone)}</td>
            <td className="diff__arrow" aria-label="changed to">
              →
            </td>
            <td className="diff__after">{formatValue(change.after, change.field, timeZone)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** With sign-in on, the staff account by name and the workstation's OS account; before it, the OS account. */
export function who(entry: { actor: string; os_account?: string; staff_name?: string | null }): string {
  return entry.staff_name ? `${entry.staff_name} (at ${entry.os_account || entry.actor})` : entry.actor;
}
