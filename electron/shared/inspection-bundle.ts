// The inspection bundle's channels, shared by main, preload and renderer: every student's inspector packet
// for a period as PDF files, an index and the audit chain's state, in a folder the person picks.

/** The renderer asks main to make the bundle for a period; main asks for the folder (its own dialog). */
export const DOCUMENT_BUNDLE_CHANNEL = 'app:document:bundle';
/** How far the bundle being made has got ("12 of 40"), for the progress bar. */
export const DOCUMENT_BUNDLE_PROGRESS_CHANNEL = 'app:document:bundle-progress';
/** Stops the bundle being made after the packet in hand; nothing is left in the folder. */
export const DOCUMENT_BUNDLE_CANCEL_CHANNEL = 'app:document:bundle-cancel';

export interface BundleRequest {
  /** The first and last school-local days of the period (YYYY-MM-DD), at most 400 days. */
  firstDay: string;
  lastDay: string;
}

export type BundleResult =
  /** cancelled: the person pressed Cancel (false: they closed the folder dialog). */
  | { saved: false; cancelled: boolean }
  | { saved: true; path: string; students: number; chainOk: boolean };

export const bundlePhases = ['idle', 'listing', 'rendering', 'finishing', 'done', 'cancelled', 'failed'] as const;
export type BundlePhase = (typeof bundlePhases)[number];

export interface BundleProgress {
  running: boolean;
  phase: BundlePhase;
  /** Packets written so far, of the students in the period. */
  done: number;
  total: number;
}

/** The files in every bundle, beside one PDF per student. */
export const BUNDLE_INDEX_FILE = 'index.csv';
export const BUNDLE_CHAIN_FILE = 'audit-chain.txt';
