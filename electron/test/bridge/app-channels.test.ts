import { afterEach, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../../shared-contracts/channels';
import { BACKEND_STATUS_GET_CHANNEL, type BackendStatus } from '../../shared/app-channels';
import { mainFrameEvent, recordingLogger } from '../support/bridge-fixtures';
import { standInBridge, type StandInBridge } from '../support/stand-in-bridge';

// App channels are answered by main itself, but through the same wrapper as db:* channels.
const degraded: BackendStatus = { state: 'degraded', message: 'The backend stopped answering calls.', at: '2026-12-01T07:00:00.000Z' };
const log = recordingLogger();
let bridge: StandInBridge;

function open(status: () => BackendStatus = () => degraded): StandInBridge {
  bridge = standInBridge({ connection: () => undefined, log, app: { backendStatus: status } });
  return bridge;
}

afterEach(() => bridge?.dispose());

describe('app:backend-status:get', () => {
  it('answers the current status in an envelope that matches its schema, and logs the call', async () => {
    const result = await open().invoke<BackendStatus>(BACKEND_STATUS_GET_CHANNEL);
    expect(result).toEqual({ ok: true, data: degraded });
    if (result.ok) expect(bridge.validator.validateResponse(BACKEND_STATUS_GET_CHANNEL, result.data)).toEqual({ valid: true });
    expect(log.lines.find((l) => l.event === 'ipc.call' && l.channel === BACKEND_STATUS_GET_CHANNEL)).toBeDefined();
  });

  it('refuses a sender that is not our window, without asking for the status', async () => {
    let asked = 0;
    open(() => ((asked += 1), degraded));
    const foreign = { ...mainFrameEvent(), sender: {} };
    const result = (await bridge.ipc.invoke(BACKEND_STATUS_GET_CHANNEL, foreign)) as IpcResult<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(asked).toBe(0);
  });

  it('refuses a payload, since it takes none', async () => {
    const result = await open().invoke(BACKEND_STATUS_GET_CHANNEL, { state: 'ready' });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation_failed', details: { fields: [{ field: 'state' }] } } });
  });

  it('has a response schema that refuses a status with an unknown state', () => {
    const checked = open().validator.validateResponse(BACKEND_STATUS_GET_CHANNEL, { state: 'sleeping', at: degraded.at });
    expect(checked).toMatchObject({ valid: false, fields: [{ field: 'state' }] });
  });
});
