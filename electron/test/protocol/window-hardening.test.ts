import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/protocol/app-protocol';
import { APP_ROOT } from '../support/real-backend';

function directives(policy: string): Map<string, string> {
  const entries = policy.split(';').map((d) => d.trim().split(/\s+/)).filter((words) => words[0]);
  return new Map(entries.map(([name, ...sources]) => [name!, sources.join(' ')]));
}

function metaPolicy(): string {
  const html = readFileSync(join(APP_ROOT, 'renderer', 'index.html'), 'utf8');
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('renderer/index.html has no CSP meta tag');
  return match[1];
}

/** The electronFuses block of build/electron-builder.yml, as name -> value. */
function fuses(): Map<string, string> {
  const yml = readFileSync(join(APP_ROOT, 'build', 'electron-builder.yml'), 'utf8').split('\n');
  const start = yml.findIndex((line) => line.startsWith('electronFuses:'));
  const block = yml.slice(start + 1).filter((line) => !line.trim().startsWith('#'));
  const end = block.findIndex((line) => !line.startsWith('  '));
  return new Map(block.slice(0, end).map((line) => line.trim().split(/:\s*/) as [string, string]));
}

describe('the content security policy', () => {
  it('allows no inline style and no inline or remote script, in the header and in the meta tag', () => {
    for (const policy of [CONTENT_SECURITY_POLICY, metaPolicy()]) {
      expect(directives(policy).get('style-src')).toBe("'self'");
      expect(directives(policy).get('script-src')).toBe("'self'");
      expect(policy).not.toContain('unsafe-');
    }
  });

  it('is the same in the meta tag as in the app:// header, but for frame-ancestors, which a meta tag cannot set', () => {
    const header = directives(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    expect(directives(metaPolicy())).toEqual(header);
  });
});

describe('the packaged binary', () => {
  it('turns off the fuses a served-from-app:// app does not need', () => {
    expect(fuses().get('grantFileProtocolExtraPrivileges')).toBe('false');
    expect(fuses().get('runAsNode')).toBe('false');
    expect(fuses().get('onlyLoadAppFromAsar')).toBe('true');
  });
});
