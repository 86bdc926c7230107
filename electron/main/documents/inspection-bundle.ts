// The inspection bundle: every student with a lesson, a class or an hours entry in a period gets their
// inspector packet as PDF (the same print route and renderer as Save as PDF), beside index.csv and the
// audit chain's head with verify's result. Everything is written into a hidden folder beside the one
// chosen and renamed into place at the end, so a bundle that stopped half-way never looks complete.
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BUNDLE_CHAIN_FILE,
  BUNDLE_INDEX_FILE,
  bundlePhases,
  DOCUMENT_BUNDLE_CANCEL_CHANNEL,
  DOCUMENT_BUNDLE_CHANNEL,
  DOCUMENT_BUNDLE_PROGRESS_CHANNEL,
  type BundleProgress,
  type BundleRequest,
  type BundleResult,
} from '../../shared/inspection-bundle';
import type { AppChannel } from '../bridge/app-channel-handlers';
import type { Transport } from '../bridge/http-transport';
import { MainRefusal } from '../bridge/ipc-envelope';
import type { JsonSchema, Manifest } from '../bridge/manifest';
import type { SaveDialog } from '../files/save-dialog';
import type { Logger } from '../log/json-logger';
import { bundleFolderName, chainText, indexCsv, packetFileName, type BundleStudent, type ChainState } from './bundle-files';
import type { DocumentRenderer } from './documents';

const STUDENTS_CHANNEL = 'db:documents:bundle-students';

/** The file errors a person can act on, in words. */
const FILE_PROBLEMS: Record<string, string> = {
  EACCES: 'that folder may not be written to; choose another folder',
  EPERM: 'that folder may not be written to; choose another folder',
  EROFS: 'that drive is read-only; choose another drive',
  ENOSPC: 'the disk is full; free some space or choose another drive',
  ENOENT: 'that folder no longer exists; choose another folder',
};

class Cancelled extends Error {}

export interface InspectionBundle {
  save(request: BundleRequest): Promise<BundleResult>;
  progress(): BundleProgress;
  /** Asks the running bundle to stop after the packet in hand; false when none is running. */
  cancel(): { cancelling: boolean };
}

export interface InspectionBundleOptions {
  /** The bridge's transport: main's anchor goes with the verify, as for db:audit:verify. */
  transport: Transport;
  manifest: Manifest;
  renderer?: DocumentRenderer;
  dialog: SaveDialog;
  log: Logger;
  now?: () => Date;
}

/** A folder name not taken yet in `parent`: the period's name, then "… (2)", "… (3)". */
async function freeName(parent: string, base: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? base : `${base} (${n})`;
    try {
      await stat(join(parent, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return name;
      throw error;
    }
  }
}

export function createInspectionBundle(options: InspectionBundleOptions): InspectionBundle {
  const { transport, manifest, dialog, log } = options;
  const now = options.now ?? (() => new Date());
  let state: BundleProgress = { running: false, phase: 'idle', done: 0, total: 0 };
  let cancelRequested = false;

  const read = async <T>(channel: string, query: Record<string, unknown>): Promise<T> => {
    const path = manifest.channels[channel]?.path;
    if (!path) throw new Error(`The manifest has no ${channel}.`);
    const response = await transport.request({ method: 'GET', pathTemplate: path, query, requestId: randomUUID(), timeoutMs: 60_000 });
    if (response.status !== 200) {
      const body = (response.body ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
      throw new MainRefusal(body.code ?? 'document.bundle_failed', body.message ?? 'The records for the bundle could not be read.', body.details);
    }
    return response.body as T;
  };

  const checkCancelled = () => {
    if (cancelRequested) throw new Cancelled();
  };

  async function write(folder: string, request: BundleRequest, students: BundleStudent[]): Promise<{ path: string; chainOk: boolean }> {
    const renderer = options.renderer;
    if (!renderer) throw new MainRefusal('document.unavailable', 'Documents cannot be made here.');
    const name = await freeName(folder, bundleFolderName(request.firstDay, request.lastDay));
    // Hidden, and named as unfinished: what a person sees in the folder is either nothing or the whole bundle.
    const temp = join(folder, `.${name}.partial-${randomUUID().slice(0, 8)}`);
    await mkdir(temp, { mode: 0o700 });
    try {
      const rows: { student: BundleStudent; file: string }[] = [];
      for (const student of students) {
        checkCancelled();
        const file = packetFileName(student);
        const bytes = await renderer.pdf({ kind: 'inspector-packet', id: student.student_id, paper: 'letter' });
        await writeFile(join(temp, file), bytes);
        rows.push({ student, file });
        state = { ...state, done: rows.length };
      }
      checkCancelled();
      state = { ...state, phase: 'finishing' };
      // As of finishing: the verify runs after every packet was made, so the bundle's chain covers them all.
      const verify = await read<ChainState['verify']>('db:audit:verify', {});
      const head = await read<ChainState['head']>('db:audit:head', {});
      await writeFile(join(temp, BUNDLE_INDEX_FILE), indexCsv(rows));
      await writeFile(join(temp, BUNDLE_CHAIN_FILE), chainText({ ...request, madeAt: now(), students: rows.length, chain: { verify, head } }));
      checkCancelled();
      const path = join(folder, name);
      await rename(temp, path);
      return { path, chainOk: verify.ok };
    } catch (error) {
      await rm(temp, { recursive: true, force: true });
      throw error;
    }
  }

  return {
    progress: () => state,
    cancel: () => {
      if (!state.running) return { cancelling: false };
      cancelRequested = true;
      return { cancelling: true };
    },
    async save(request) {
      if (state.running) throw new MainRefusal('document.bundle_running', 'An inspection bundle is already being made. Wait for it to finish, or cancel it.');
      cancelRequested = false;
      state = { running: true, phase: 'listing', done: 0, total: 0 };
      try {
        // Refusals (a wrong period, nobody in it) come before anyone is asked for a folder.
        const { items } = await read<{ items: BundleStudent[] }>(STUDENTS_CHANNEL, { first_day: request.firstDay, last_day: request.lastDay });
        if (items.length === 0) {
          throw new MainRefusal('document.bundle_empty', `No student had a lesson, a class or hours recorded from ${request.firstDay} to ${request.lastDay}, so there is nothing to bundle. Choose another period.`, {
            field: 'firstDay',
            rule: 'period_has_students',
            firstDay: request.firstDay,
            lastDay: request.lastDay,
          });
        }
        const folder = await dialog.chooseFolder({ title: 'Choose where to save the inspection bundle' });
        if (folder === undefined) {
          state = { running: false, phase: 'idle', done: 0, total: 0 };
          return { saved: false, cancelled: false };
        }
        state = { running: true, phase: 'rendering', done: 0, total: items.length };
        const made = await write(folder, request, items);
        state = { ...state, running: false, phase: 'done' };
        log.info('document.bundle_saved', { students: items.length, chainOk: made.chainOk });
        return { saved: true, path: made.path, students: items.length, chainOk: made.chainOk };
      } catch (error) {
        if (error instanceof Cancelled) {
          state = { ...state, running: false, phase: 'cancelled' };
          log.info('document.bundle_cancelled', { done: state.done, total: state.total });
          return { saved: false, cancelled: true };
        }
        state = { ...state, running: false, phase: 'failed' };
        if (error instanceof MainRefusal) throw error;
        const cause = (error as NodeJS.ErrnoException).code ?? String(error);
        log.warn('document.bundle_failed', { cause });
        throw new MainRefusal('document.bundle_write_failed', `The inspection bundle could not be saved: ${FILE_PROBLEMS[cause] ?? cause}.`, { cause });
      }
    },
  };
}

const day: JsonSchema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const count: JsonSchema = { type: 'integer', minimum: 0 };
const requestSchema: JsonSchema = { type: 'object', properties: { firstDay: day, lastDay: day }, required: ['firstDay', 'lastDay'], additionalProperties: false };
const resultSchema: JsonSchema = {
  oneOf: [
    { type: 'object', properties: { saved: { const: false }, cancelled: { type: 'boolean' } }, required: ['saved', 'cancelled'], additionalProperties: false },
    {
      type: 'object',
      properties: { saved: { const: true }, path: { type: 'string' }, students: count, chainOk: { type: 'boolean' } },
      required: ['saved', 'path', 'students', 'chainOk'],
      additionalProperties: false,
    },
  ],
};
const progressSchema: JsonSchema = {
  type: 'object',
  properties: { running: { type: 'boolean' }, phase: { enum: [...bundlePhases] }, done: count, total: count },
  required: ['running', 'phase', 'done', 'total'],
  additionalProperties: false,
};
const noPayload: JsonSchema = { type: 'object', properties: {}, additionalProperties: false };
const cancelSchema: JsonSchema = { type: 'object', properties: { cancelling: { type: 'boolean' } }, required: ['cancelling'], additionalProperties: false };

export function createInspectionBundleChannels(bundle: InspectionBundle): Record<string, AppChannel> {
  return {
    [DOCUMENT_BUNDLE_CHANNEL]: { request: requestSchema, response: resultSchema, answer: (payload) => bundle.save(payload as unknown as BundleRequest) },
    [DOCUMENT_BUNDLE_PROGRESS_CHANNEL]: { request: noPayload, response: progressSchema, answer: () => Promise.resolve(bundle.progress()) },
    [DOCUMENT_BUNDLE_CANCEL_CHANNEL]: { request: noPayload, response: cancelSchema, answer: () => Promise.resolve(bundle.cancel()) },
  };
}
