import { describe, expect, it } from 'vitest';
import { describeAbout } from '../../main/desktop/about';

describe('About box', () => {
  it('names the app, the background service, the database, the schema revision and the data folder', () => {
    const text = describeAbout({
      appName: 'Ontario Driving School Manager',
      appVersion: '0.1.0',
      dataDir: '/home/desk/.config/odsm',
      backend: { version: '0.1.0', schema_revision: '0008', database: 'sqlite' },
    });
    expect(text.title).toBe('About Ontario Driving School Manager');
    expect(text.detail.split('\n')).toEqual([
      'App version: 0.1.0',
      'Background service version: 0.1.0',
      'Database: SQLite',
      'Schema revision: 0008',
      'Data folder: /home/desk/.config/odsm',
    ]);
  });

  it('says plainly when the background service does not answer', () => {
    const text = describeAbout({ appName: 'ODSM', appVersion: '1.2.3', dataDir: 'C:\\Users\\desk\\odsm', backend: undefined });
    expect(text.detail).toContain('not answering');
    expect(text.detail).toContain('Data folder: C:\\Users\\desk\\odsm');
    expect(text.detail).not.toContain('Schema revision');
  });
});
