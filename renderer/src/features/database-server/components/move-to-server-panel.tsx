import { useState } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { ProgressBar } from '../../../components/ui/progress-bar';
import type { ConnectionForm, MoveResult } from '../../../lib/odsm';
import { useMoveProgress, type useMoveToServer } from '../api/database-server';
import { sayConnectionFailure } from './connection-words';

const STAGE: Record<string, string> = { idle: 'Getting ready…', copying: 'Copying', verifying: 'Checking the copy', done: 'Checked', failed: 'Stopped' };

function headText(head: unknown): string {
  if (typeof head === 'string' || typeof head === 'number') return String(head);
  if (head && typeof head === 'object') {
    const { id, hash, entry_id, entry_hash } = head as Record<string, unknown>;
    const parts = [id ?? entry_id, hash ?? entry_hash].filter((part) => part !== undefined && part !== null);
    if (parts.length > 0) return parts.map(String).join(' · ');
  }
  return 'none (no audit entries yet)';
}

/** "Move this school to the server…": confirm, a progress bar, then the counts and the chain head that matched. */
export function MoveToServerPanel({ form, disabled, move }: { form: ConnectionForm; disabled: boolean; move: ReturnType<typeof useMoveToServer> }) {
  const [confirming, setConfirming] = useState(false);
  const progress = useMoveProgress(move.isPending);
  const said = move.isError ? sayConnectionFailure(move.error) : null;
  const p = progress.data;

  return (
    <div className="move-to-server" data-testid="move-to-server">
      {!confirming && !move.isPending && !move.isSuccess ? (
        <Button onClick={() => setConfirming(true)} disabled={disabled} data-testid="move-open">
          Move this school to the server…
        </Button>
      ) : null}
      {confirming && !move.isPending ? (
        <div role="group" aria-labelledby="move-title" className="card card--padded">
          <h3 id="move-title">Move this school to the server</h3>
          <p>
            Every record of this school is copied from this computer into the empty database “{form.database}” on {form.host}, and the copy is checked:
            the rows of every table and the audit log’s chain must match. Only then does this workstation switch to the server. This computer’s file stays as
            a backup; if anything fails, this workstation stays on it.
          </p>
          <div className="settings__actions">
            <Button
              variant="primary"
              data-testid="move-start"
              onClick={() => {
                setConfirming(false);
                move.mutate(form);
              }}
            >
              Move now
            </Button>
            <Button onClick={() => setConfirming(false)}>Cancel</Button>
          </div>
        </div>
      ) : null}
      {move.isPending ? (
        <ProgressBar
          label={p?.table ? `${STAGE[p.state] ?? p.state} ${p.table}` : STAGE[p?.state ?? 'idle'] ?? 'Moving…'}
          value={p?.rows_done ?? 0}
          max={p?.rows_total ?? 0}
          detail={p && p.rows_total > 0 ? `${p.rows_done.toLocaleString()} of ${p.rows_total.toLocaleString()} rows` : 'Starting…'}
          tone="warning"
        />
      ) : null}
      {said ? (
        <Banner tone="error" title={said.title} testId="move-problem">
          {said.text ? <p>{said.text}</p> : null}
          <p>This workstation still works on this computer’s own file.</p>
        </Banner>
      ) : null}
      {move.isSuccess ? <MoveReport result={move.data} /> : null}
    </div>
  );
}

function MoveReport({ result }: { result: MoveResult }) {
  return (
    <Banner tone="success" title={`The school was moved: ${result.total_rows.toLocaleString()} rows, every count matched.`} testId="move-done">
      <table className="data-table" data-testid="move-counts">
        <caption>Rows per table</caption>
        <thead>
          <tr>
            <th scope="col">Table</th>
            <th scope="col">On this computer</th>
            <th scope="col">On the server</th>
          </tr>
        </thead>
        <tbody>
          {result.tables.map((row) => (
            <tr key={row.table}>
              <th scope="row">{row.table}</th>
              <td>{row.source_rows.toLocaleString()}</td>
              <td>{row.target_rows.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="move-audit-head">Audit log chain head, the same on both sides: {headText(result.audit_head)}</p>
      <p>This workstation now works on the server. This computer’s file is kept as a backup.</p>
    </Banner>
  );
}
