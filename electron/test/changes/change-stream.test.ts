import { describe, expect, it } from 'vitest';
import { parseSse } from '../../main/changes/change-stream';
import { knownKinds } from '../../shared/data-changes';

describe('reading the change stream', () => {
  it('splits complete events, skips the keep-alive and keeps an unfinished event for the next chunk', () => {
    const { events, rest } = parseSse('event: ready\ndata: {}\n\n: keep-alive\n\nevent: changed\ndata: {"kinds":["students"]}\n\nevent: chan');
    expect(events).toEqual([
      { event: 'ready', data: '{}' },
      { event: 'changed', data: '{"kinds":["students"]}' },
    ]);
    expect(rest).toBe('event: chan');
    expect(parseSse(`${rest}ged\r\ndata: {"kinds":[]}\r\n\r\n`).events).toEqual([{ event: 'changed', data: '{"kinds":[]}' }]);
  });
});

describe('the kinds a push may name', () => {
  it('keeps the kinds this app knows, once each', () => {
    expect(knownKinds(['students', 'audit', 'students'])).toEqual(['students', 'audit']);
  });

  it('turns a kind it does not know into "everything", and a malformed push into none', () => {
    expect(knownKinds(['students', 'payments'])).toEqual(['everything']);
    expect(knownKinds('students')).toEqual([]);
    expect(knownKinds(undefined)).toEqual([]);
  });
});
