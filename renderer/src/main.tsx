import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { parseDocumentHash } from '../../electron/shared/documents';
import { App } from './app/app';
import { markReactAriaStylesPresent } from './lib/react-aria-styles';
import { PrintDocument } from './features/documents';
import './styles/base.css';
import './styles/components.css';
import './styles/students.css';
import './styles/records.css';
import './styles/calendar.css';
import './styles/school-day.css';
import './styles/documents.css';
import './styles/billing-desk.css';
import './styles/sign-in.css';
import './styles/money-reports.css';
import './styles/reminders.css';
import './styles/road-tests.css';

markReactAriaStylesPresent();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// A document's print route shows its print layout alone (main renders it to PDF or prints it).
const printRequest = parseDocumentHash(window.location.hash);
if (printRequest) document.documentElement.classList.add('print-route');

createRoot(root).render(<StrictMode>{printRequest ? <PrintDocument request={printRequest} /> : <App />}</StrictMode>);
