import { useEffect, useState, type ReactNode } from 'react';
import { PRINT_ERROR_ATTRIBUTE, PRINT_MESSAGE_ATTRIBUTE, PRINT_STATE_ATTRIBUTE, type DocumentRequest } from '../../../../../electron/shared/documents';
import { cashUpDay } from '../../../../../electron/shared/documents';
import { call, isOdsmError } from '../../../lib/odsm';
import { CertificateLayout } from './certificate';
import { OdsmError } from '../../../lib/odsm';
import { CashUpLayout } from './cash-up';
import { InspectorPacketLayout } from './inspector-packet';
import { InvoiceLayout } from './invoice-document';
import { loadInvoiceDocument, loadReceiptDocument, loadStatementDocument } from './load-money-documents';
import { ProgressReportLayout } from './progress-report';
import { ReceiptLayout } from './receipt-document';
import { StatementLayout } from './statement-document';

/**
 * A document's print layout, shown alone on its print route (#print/<kind>/<id>/<paper>). Main opens the
 * route in a hidden window and waits for <html data-print-state="ready"> (or "failed" with the code) before
 * it renders the page to PDF or prints it; the end-to-end tests do the same in Chromium.
 */
export function PrintDocument({ request }: { request: Required<DocumentRequest> }) {
  const [content, setContent] = useState<ReactNode>(null);
  const [failure, setFailure] = useState<{ code: string; message: string } | null>(null);

  useEffect(() => {
    let live = true;
    const html = document.documentElement;
    html.classList.add(`paper-${request.paper}`);
    load(request).then(
      (node) => {
        if (!live) return;
        setContent(node);
        // After React has drawn it: the attribute says "what you see is complete".
        requestAnimationFrame(() => html.setAttribute(PRINT_STATE_ATTRIBUTE, 'ready'));
      },
      (error: unknown) => {
        if (!live) return;
        const code = isOdsmError(error) ? error.code : 'document.not_rendered';
        const message = error instanceof Error ? error.message : 'The document could not be laid out.';
        setFailure({ code, message });
        html.setAttribute(PRINT_ERROR_ATTRIBUTE, code);
        html.setAttribute(PRINT_MESSAGE_ATTRIBUTE, message);
        html.setAttribute(PRINT_STATE_ATTRIBUTE, 'failed');
      },
    );
    return () => {
      live = false;
    };
  }, [request]);

  if (failure) return <p role="alert">{failure.message}</p>;
  return <main className="print-document">{content ?? <p>Preparing the document…</p>}</main>;
}

async function load(request: Required<DocumentRequest>): Promise<ReactNode> {
  switch (request.kind) {
    case 'inspector-packet': {
      const packet = await call((odsm) => odsm.documents['inspector-packet']({ student_id: request.id }));
      return <InspectorPacketLayout packet={packet} />;
    }
    case 'progress-report': {
      const report = await call((odsm) => odsm.documents['progress-report']({ student_id: request.id }));
      return <ProgressReportLayout report={report} />;
    }
    case 'invoice':
      return <InvoiceLayout data={await loadInvoiceDocument(request.id)} />;
    case 'receipt':
      return <ReceiptLayout data={await loadReceiptDocument(request.id)} />;
    case 'statement':
      return <StatementLayout data={await loadStatementDocument(request.id)} />;
    case 'certificate': {
      const certificate = await call((odsm) => odsm.documents.certificate({ student_id: request.id }));
      return <CertificateLayout certificate={certificate} />;
    }
    case 'cash-up': {
      const day = cashUpDay(request.id);
      if (!day) throw new OdsmError({ code: 'validation_failed', message: 'A cash-up is for a day, written as YYYYMMDD.', requestId: '' });
      const cashUp = await call((odsm) => odsm.billing.cashUp({ day }));
      return <CashUpLayout cashUp={cashUp} />;
    }
  }
}
