// The imports feature's public face: "Import from a spreadsheet…" on the Students, Instructors and Vehicles
// screens (and File → Import students / instructors / vehicles).
export { useSpreadsheetImport, useStudentImport } from './components/import-dialog';
