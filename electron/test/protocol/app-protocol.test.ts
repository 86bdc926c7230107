import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, createAppProtocolHandler, resolveAppUrl } from '../../main/protocol/app-protocol';

let parent: string;
let root: string;

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'odsm-protocol-'));
  root = join(parent, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>ODSM</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(parent, 'secret.txt'), 'outside the root');
});
afterAll(() => rm(parent, { recursive: true, force: true }));

describe('resolveAppUrl', () => {
  it('serves files under the root, and the shell for / and client routes', () => {
    expect(resolveAppUrl('app://odsm/assets/app.js', root)).toMatchObject({ ok: true, filePath: join(root, 'assets', 'app.js'), contentType: expect.stringContaining('javascript') });
    expect(resolveAppUrl('app://odsm/', root)).toMatchObject({ ok: true, filePath: join(root, 'index.html') });
    expect(resolveAppUrl('app://odsm/students/12', root)).toMatchObject({ ok: true, filePath: join(root, 'index.html') });
  });

  it.each([
    'app://odsm/../secret.txt',
    'app://odsm/../../etc/passwd',
    'app://odsm/%2e%2e/secret.txt',
    'app://odsm/%2E%2E/%2e%2e/etc/passwd',
    'app://odsm/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://odsm/..%2fsecret.txt',
    'app://odsm/..%5csecret.txt',
    'app://odsm/%2Fetc%2Fpasswd.txt',
    'app://odsm//etc/passwd.txt',
    'app://odsm/C:/Windows/win.ini',
    'app://odsm/file%00.js',
  ])('never resolves %s to a file outside the root', (url) => {
    const resolved = resolveAppUrl(url, root);
    if (resolved.ok) expect(resolved.filePath.startsWith(join(root, '/'))).toBe(true);
  });

  it('refuses an encoded parent segment outright', () => {
    expect(resolveAppUrl('app://odsm/assets/%2e%2e%2f%2e%2e%2fsecret.txt', root)).toEqual({ ok: false, status: 403 });
    expect(resolveAppUrl('app://odsm/..%5csecret.txt', root)).toEqual({ ok: false, status: 403 });
  });

  it('refuses other hosts and schemes, and malformed escapes', () => {
    expect(resolveAppUrl('app://evil/index.html', root)).toEqual({ ok: false, status: 403 });
    expect(resolveAppUrl('file:///etc/passwd', root)).toEqual({ ok: false, status: 403 });
    expect(resolveAppUrl('app://odsm/%E0%A4%A', root)).toEqual({ ok: false, status: 400 });
  });
});

describe('createAppProtocolHandler', () => {
  const handler = () => createAppProtocolHandler(root);

  it('answers a file with the CSP header, and the CSP allows no network source', async () => {
    const res = await handler()(new Request('app://odsm/index.html'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>ODSM</title>');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/connect-src 'self';/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:/);
  });

  it('does not serve a file outside the root, whatever the encoding', async () => {
    for (const url of ['app://odsm/%2e%2e/secret.txt', 'app://odsm/../secret.txt', 'app://odsm/..%2fsecret.txt']) {
      const res = await handler()(new Request(url));
      expect(res.status).not.toBe(200);
      expect(await res.text()).not.toContain('outside the root');
    }
  });

  it('answers 404 for a missing file', async () => {
    expect((await handler()(new Request('app://odsm/assets/missing.js'))).status).toBe(404);
  });
});
