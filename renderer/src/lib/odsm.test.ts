import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, followBackendStatus, isOdsmError, LOCAL_ERROR_CODES, unwrap, type OdsmError } from './odsm';

type Host = { odsm?: unknown };
const host = globalThis as unknown as Host;

afterEach(() => {
  delete host.odsm;
});

describe('unwrap', () => {
  it('returns the data of a successful envelope', () => {
    expect(unwrap({ ok: true, data: { id: 7 } })).toEqual({ id: 7 });
  });

  it('throws the envelope error as an OdsmError carrying code, details and request id', () => {
    const details = { student_id: 7, your_version: 1, current_version: 2 };
    let thrown: unknown;
    try {
      unwrap({ ok: false, error: { code: 'student.version_conflict', message: 'Changed.', details, requestId: 'req-1' } });
    } catch (error) {
      thrown = error;
    }
    expect(isOdsmError(thrown)).toBe(true);
    const error = thrown as OdsmError;
    expect(error.code).toBe('student.version_conflict');
    expect(error.message).toBe('Changed.');
    expect(error.details).toEqual(details);
    expect(error.requestId).toBe('req-1');
  });

  it('refuses something that is not an envelope', () => {
    expect(() => unwrap({ rows: [] } as never)).toThrow(
      expect.objectContaining({ code: LOCAL_ERROR_CODES.malformedResult }),
    );
  });
});

describe('call', () => {
  it('passes the preload API to the verb and unwraps its answer', async () => {
    const list = vi.fn().mockResolvedValue({ ok: true, data: { items: [], total: 0, offset: 0, limit: 25 } });
    host.odsm = { students: { list } };
    await expect(call((odsm) => odsm.students.list({ q: 'ada' }))).resolves.toMatchObject({ total: 0 });
    expect(list).toHaveBeenCalledWith({ q: 'ada' });
  });

  it('turns a rejected IPC call into an OdsmError instead of a bare Error', async () => {
    host.odsm = { students: { list: vi.fn().mockRejectedValue(new Error("No handler registered for 'db:students:list'")) } };
    await expect(call((odsm) => odsm.students.list())).rejects.toMatchObject({
      name: 'OdsmError',
      code: LOCAL_ERROR_CODES.ipcFailed,
    });
  });

  it('says the bridge is missing when window.odsm is absent', async () => {
    await expect(call((odsm) => odsm.students.list())).rejects.toMatchObject({ code: LOCAL_ERROR_CODES.bridgeMissing });
  });
});

describe('followBackendStatus', () => {
  it('reports the current status, then every push, and stops after unsubscribe', async () => {
    let push: (status: unknown) => void = () => {};
    const unsubscribe = vi.fn();
    host.odsm = {
      onBackendStatus: (listener: (status: unknown) => void) => {
        push = listener;
        return unsubscribe;
      },
      getBackendStatus: () => Promise.resolve({ state: 'starting', at: 't0' }),
    };
    const seen: string[] = [];
    const stop = followBackendStatus((status) => seen.push(status.state));
    await Promise.resolve();
    push({ state: 'ready', at: 't1' });
    stop();
    push({ state: 'down', at: 't2' });
    expect(seen).toEqual(['starting', 'ready']);
    expect(unsubscribe).toHaveBeenCalledOnce();
  });

  it('ignores a late current status once a push has arrived', async () => {
    let push: (status: unknown) => void = () => {};
    let answer: (status: unknown) => void = () => {};
    host.odsm = {
      onBackendStatus: (listener: (status: unknown) => void) => {
        push = listener;
        return () => {};
      },
      getBackendStatus: () => new Promise((resolve) => (answer = resolve)),
    };
    const seen: string[] = [];
    followBackendStatus((status) => seen.push(status.state));
    push({ state: 'restarting', at: 't1' });
    answer({ state: 'ready', at: 't0' });
    await Promise.resolve();
    expect(seen).toEqual(['restarting']);
  });
});
