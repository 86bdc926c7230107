export { DocumentActions } from './components/document-actions';
export { PrintDocument } from './components/print-document';
export { CashUpFigures } from './components/cash-up';
export type { InspectorPacket } from './types';
