// Main adds the anchored head to every db:audit:verify call and moves the anchor on when the log still
// reaches it: after a verify, and when the app quits (db:audit:head). It never moves the anchor onto a
// log that was cut short or re-hashed, so the evidence stays until someone looks at it.
import { randomUUID } from 'node:crypto';
import type { Transport, TransportRequest } from '../bridge/http-transport';
import type { Manifest } from '../bridge/manifest';
import type { Logger } from '../log/json-logger';
import type { AnchorStore, AuditAnchor } from './audit-anchor-store';

const VERIFY_CHANNEL = 'db:audit:verify';
const HEAD_CHANNEL = 'db:audit:head';
// The inspector packet verifies the chain as of printing: against the same anchor, which it never moves.
const PACKET_CHANNEL = 'db:documents:inspector-packet';

export interface AnchoredAudit {
  /** The bridge's transport, with the anchor added to verify calls. */
  transport: Transport;
  /** Asks the backend for the head and keeps it (at quit); never throws. */
  recordHead(): Promise<void>;
}

interface HeadAnswer {
  headId: number | null;
  headHash: string | null;
  /** The log broke before or at the old anchor: keep the old one. */
  broken: boolean;
}

function anchorQuery(anchor: AuditAnchor | undefined): Record<string, unknown> {
  // Always set, so a caller cannot slip in an anchor of its own.
  return { anchor_id: anchor?.entryId, anchor_hash: anchor?.entryHash };
}

export function anchorAuditChain(options: { transport: Transport; store: AnchorStore; manifest: Manifest; log: Logger }): AnchoredAudit {
  const { transport, store, manifest, log } = options;
  const verifyPath = manifest.channels[VERIFY_CHANNEL]?.path;
  const headPath = manifest.channels[HEAD_CHANNEL]?.path;
  const packetPath = manifest.channels[PACKET_CHANNEL]?.path;

  const keep = async (answer: HeadAnswer, previous: AuditAnchor | undefined): Promise<void> => {
    if (answer.broken || answer.headId === null || answer.headHash === null) return;
    if (previous && answer.headId === previous.entryId && answer.headHash === previous.entryHash) return;
    await store.write({ entryId: answer.headId, entryHash: answer.headHash });
    log.info('audit.anchor_kept', { entryId: answer.headId });
  };

  const request = async (req: TransportRequest) => {
    if (packetPath !== undefined && req.pathTemplate === packetPath) return transport.request({ ...req, query: { ...req.query, ...anchorQuery(await store.read()) } });
    if (req.pathTemplate !== verifyPath) return transport.request(req);
    const previous = await store.read();
    const response = await transport.request({ ...req, query: { ...req.query, ...anchorQuery(previous) } });
    if (response.status === 200) {
      const report = response.body as { first_broken_id: number | null; anchor_break: unknown; head_id: number | null; head_hash: string | null };
      const broken = report.first_broken_id !== null || report.anchor_break !== null;
      if (broken) log.warn('audit.anchor_not_reached', { anchor: previous?.entryId, firstBrokenId: report.first_broken_id });
      await keep({ headId: report.head_id, headHash: report.head_hash, broken }, previous);
    }
    return response;
  };

  const recordHead = async (): Promise<void> => {
    if (!headPath) return;
    try {
      const previous = await store.read();
      const response = await transport.request({ method: 'GET', pathTemplate: headPath, query: anchorQuery(previous), requestId: randomUUID() });
      if (response.status !== 200) return log.warn('audit.anchor_not_kept', { status: response.status });
      const head = response.body as { entry_id: number | null; entry_hash: string | null; anchor_break: unknown };
      await keep({ headId: head.entry_id, headHash: head.entry_hash, broken: head.anchor_break !== null }, previous);
    } catch (error) {
      // Quitting goes on: the anchor stays at the last verify, which still catches a cut before it.
      log.warn('audit.anchor_not_kept', { error: String(error) });
    }
  };

  return { transport: { request, close: () => transport.close() }, recordHead };
}
