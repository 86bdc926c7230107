// The imports feature's public face: "Import from a spreadsheet…" on the Students screen (and File → Import students).
export { useStudentImport } from './components/import-dialog';
