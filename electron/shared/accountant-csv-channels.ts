// The accountant's CSV export channel, shared by main, preload and renderer (see app-channels.ts).

/** The renderer asks main to save a period's invoices and payments as one CSV, where the user picks. */
export const ACCOUNTANT_CSV_CHANNEL = 'app:billing:accountant-csv';

export interface AccountantCsvRequest {
  /** The first and last days of the period (YYYY-MM-DD), both included. */
  start: string;
  end: string;
}

export type AccountantCsvResult =
  | { saved: false }
  | {
      saved: true;
      /** Where the file went: for the confirmation the screen shows. */
      path: string;
      /** One row per invoice, credit note, payment, refund and reversal. */
      rows: number;
      invoices: number;
      creditNotes: number;
      payments: number;
    };
