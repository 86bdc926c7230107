import { useState } from 'react';
import type { DocumentKind } from '../../../../../electron/shared/documents';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { call } from '../../../lib/odsm';

const NAMES: Record<DocumentKind, string> = {
  'inspector-packet': 'inspector packet',
  'progress-report': 'progress report',
  invoice: 'invoice',
  receipt: 'receipt',
  statement: 'statement',
  certificate: 'BDE completion certificate',
  'cash-up': 'cash-up',
};

/**
 * "Print …" and "Save as PDF" for one document; main lays it out, asks where to save, and saves it.
 * In a list of many (a student's invoices), `name` tells the buttons apart for a screen reader
 * ("Print invoice INV-000012") while the buttons themselves stay short.
 */
export function DocumentActions({ kind, id, name }: { kind: DocumentKind; id: number; name?: string }) {
  const what = name ?? NAMES[kind];
  const [busy, setBusy] = useState<'print' | 'pdf' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (what: 'print' | 'pdf') => {
    setBusy(what);
    setError(null);
    setSaved(null);
    try {
      if (what === 'pdf') {
        const result = await call((odsm) => odsm.saveDocumentPdf({ kind, id }));
        if (result.saved) setSaved(result.path);
      } else {
        await call((odsm) => odsm.printDocument({ kind, id }));
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="document-actions" data-testid={`${kind}-actions`}>
      <Button onClick={() => void run('print')} busy={busy === 'print'} disabled={busy !== null} data-testid={`print-${kind}`} aria-label={name ? `Print ${what}` : undefined}>
        {name ? 'Print' : `Print ${what}`}
      </Button>
      <Button onClick={() => void run('pdf')} busy={busy === 'pdf'} disabled={busy !== null} data-testid={`save-${kind}-pdf`} aria-label={`Save as PDF (${what})`}>
        Save as PDF
      </Button>
      {saved ? <Banner tone="success" title={`The ${what} was saved.`} testId={`${kind}-saved`}>{saved}</Banner> : null}
      {error ? <ErrorBanner error={error} title={`Could not make the ${what}.`} /> : null}
    </div>
  );
}
