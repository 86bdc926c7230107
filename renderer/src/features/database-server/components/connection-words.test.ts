import { describe, expect, it } from 'vitest';
import { OdsmError } from '../../../lib/odsm';
import { sayConnectionFailure } from './connection-words';

const refusal = (code: string, details: Record<string, unknown> = {}) => new OdsmError({ code, message: `backend words for ${code}`, details, requestId: 'r1' });

describe('what the desk reads when a connection fails', () => {
  it('puts each failure under the field it is about, in plain words', () => {
    expect(sayConnectionFailure(refusal('connection.host_unreachable', { host: 'db.school.lan', port: 5432 }))).toMatchObject({ field: 'host', title: 'The server db.school.lan:5432 does not answer.' });
    expect(sayConnectionFailure(refusal('connection.auth_failed', { user: 'frontdesk' }))).toMatchObject({ field: 'password', title: expect.stringContaining('“frontdesk”') });
    expect(sayConnectionFailure(refusal('connection.database_missing', { database: 'school' }))).toMatchObject({ field: 'database', title: 'The server has no database called “school”.' });
    expect(sayConnectionFailure(refusal('connection.tls_failed'))).toMatchObject({ field: 'tls' });
    expect(sayConnectionFailure(refusal('connection.schema_newer'))).toMatchObject({ field: 'database', text: 'Update the app on this computer first.' });
    expect(sayConnectionFailure(refusal('move.target_not_empty', { table: 'students' }))).toMatchObject({ field: 'database', title: expect.stringContaining('table “students”') });
  });

  it('says a failed move leaves the desk on its file, and falls back to the message for a code it does not know', () => {
    expect(sayConnectionFailure(refusal('move.verify_failed')).title).toContain('stays on its own file');
    expect(sayConnectionFailure(refusal('something.new'))).toEqual({ title: 'backend words for something.new' });
  });
});
