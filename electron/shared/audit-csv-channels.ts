// The audit log's CSV export channel, shared by main, preload and renderer (see app-channels.ts).

/** The renderer asks main to save the audit entries its filters show as a CSV, where the user picks. */
export const AUDIT_CSV_CHANNEL = 'app:audit:csv';

/** The audit screen's filters, as db:audit:history takes them (each one optional). */
export interface AuditCsvRequest {
  /** The first and last days (YYYY-MM-DD) in the school's zone, both included. */
  from?: string;
  to?: string;
  /** "staff:<id>" or "os:<account>", as db:audit:filterOptions gives. */
  person?: string;
  /** A kind of record (its table name, e.g. "students"). */
  entity?: string;
  /** Words in the record's name, the reason or the values recorded. */
  q?: string;
  student_id?: number;
}

export type AuditCsvResult =
  | { saved: false }
  | {
      saved: true;
      /** Where the file went: for the confirmation the screen shows. */
      path: string;
      /** One row per entry. */
      rows: number;
    };
