import type { IpcInvokeEventLike } from '../../main/bridge/ipc-types';
import type { LogFields, Logger } from '../../main/log/json-logger';
import { loadManifest, type ChannelEntry, type Manifest } from '../../main/bridge/manifest';

export const OUR_ORIGIN = 'app://odsm';
/** Stands in for our window's WebContents, which the sender check compares by identity. */
export const OUR_WEB_CONTENTS = Object.freeze({ id: 1 });

/** A call from our window's main frame (or, given a url, from its main frame on another page). */
export function mainFrameEvent(url = `${OUR_ORIGIN}/index.html`): IpcInvokeEventLike {
  return { senderFrame: { url, parent: null }, sender: OUR_WEB_CONTENTS };
}

const idOnly = {
  type: 'object',
  properties: { thing_id: { type: 'string', minLength: 1 }, verbose: { type: 'boolean' } },
  required: ['thing_id'],
  additionalProperties: false,
};
const withBody = {
  type: 'object',
  properties: { body: { type: 'object', properties: { name: { type: 'string', minLength: 1 } }, required: ['name'], additionalProperties: false } },
  required: ['body'],
  additionalProperties: false,
};
const aMeasure = {
  type: 'object',
  properties: { body: { type: 'object', properties: { metres: { type: 'number' } }, required: ['metres'], additionalProperties: false } },
  required: ['body'],
  additionalProperties: false,
};
const anything = {};

function entry(partial: Partial<ChannelEntry> & Pick<ChannelEntry, 'method' | 'path'>): ChannelEntry {
  return {
    operationId: 'op',
    successStatus: 200,
    pathParams: [],
    queryParams: [],
    hasBody: false,
    idempotent: false,
    idempotencyKey: false,
    request: anything,
    response: anything,
    ...partial,
  };
}

/** A synthetic manifest with the three kinds of channel the retry rules tell apart, and one taking an unbounded number. */
export const syntheticManifest: Manifest = {
  version: 'test',
  errorSchema: loadManifest().errorSchema,
  channels: {
    'db:things:get': entry({ method: 'GET', path: '/api/v1/things/{thing_id}', pathParams: ['thing_id'], queryParams: ['verbose'], idempotent: true, request: idOnly }),
    'db:things:create': entry({ method: 'POST', path: '/api/v1/things', hasBody: true, idempotencyKey: true, successStatus: 201, request: withBody }),
    'db:things:poke': entry({ method: 'POST', path: '/api/v1/things/poke', hasBody: true, request: withBody }),
    'db:things:measure': entry({ method: 'POST', path: '/api/v1/things/measure', hasBody: true, idempotencyKey: true, request: aMeasure }),
  },
};

export interface RecordingLogger extends Logger {
  lines: Array<{ level: string; event: string } & LogFields>;
}

export function recordingLogger(): RecordingLogger {
  const lines: RecordingLogger['lines'] = [];
  const at = (level: string) => (event: string, fields: LogFields = {}) => void lines.push({ level, event, ...fields });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
