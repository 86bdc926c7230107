export { DocumentActions } from './components/document-actions';
export { PrintDocument } from './components/print-document';
export type { InspectorPacket } from './types';
