import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Page } from '../../../components/ui/page';
import { QueryStates } from '../../../components/ui/query-states';
import { useDiagnostics } from '../api/diagnostics';
import { diagnosticsRows, supportText } from './support-text';

export function DiagnosticsPage() {
  const report = useDiagnostics();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = () => {
    if (!report.data) return;
    navigator.clipboard.writeText(supportText(report.data)).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <Page
      id="diagnostics"
      title="Diagnostics"
      subtitle="Figures for support since the app started. They name no student, instructor or vehicle."
      actions={
        <div className="page__actions">
          <Button onClick={() => void report.refetch()} busy={report.isFetching} data-testid="diagnostics-refresh">
            Refresh
          </Button>
          <Button variant="primary" onClick={copy} disabled={!report.data} data-testid="diagnostics-copy">
            Copy for support
          </Button>
        </div>
      }
    >
      {copied ? (
        <p role="status" className="page__subtitle" data-testid="diagnostics-copied">
          {copied === 'yes' ? 'Copied. Paste it into your email to support.' : 'The figures could not be copied.'}
        </p>
      ) : null}
      <QueryStates query={report} errorTitle="Could not gather the figures." loading="Gathering figures…" onRetry={() => void report.refetch()}>
        {report.data
          ? diagnosticsRows(report.data).map(({ section, rows }) => (
              <section key={section} className="card facts-card" aria-label={section} data-testid={`diagnostics-${section === 'This workstation' ? 'main' : 'backend'}`}>
                <h2 className="facts-card__title">{section}</h2>
                <dl className="facts">
                  {rows.map(([label, value]) => (
                    <div key={label} className="facts__row">
                      <dt>{label}</dt>
                      <dd>{value}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))
          : null}
      </QueryStates>
    </Page>
  );
}
