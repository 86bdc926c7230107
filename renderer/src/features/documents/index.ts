export { DocumentActions } from './components/document-actions';
export { InspectionBundleButton } from './components/inspection-bundle';
export { PrintDocument } from './components/print-document';
export { StudentMoneyDocuments } from './components/student-money-documents';
export { CashUpFigures } from './components/cash-up';
export type { InspectorPacket } from './types';
