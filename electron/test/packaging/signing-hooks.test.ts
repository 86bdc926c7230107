import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_ROOT } from '../support/real-backend';

const require = createRequire(join(APP_ROOT, 'package.json'));

type Env = Record<string, string>;
interface HookDeps {
  env: Env;
  log: (line: string) => void;
}
type AfterSign = (context: object, deps: HookDeps & { notarize: (options: object) => Promise<void> }) => Promise<void>;
type WindowsSign = (
  configuration: { path: string },
  packager: unknown,
  deps: HookDeps & { platform: NodeJS.Platform; run: (command: string, args: string[]) => Promise<void> | void },
) => Promise<void>;

const afterSign = require(join(APP_ROOT, 'build/hooks/after-sign.cjs')) as AfterSign;
const windowsSign = require(join(APP_ROOT, 'build/hooks/windows-sign.cjs')) as WindowsSign;

const macContext = (appOutDir: string) => ({
  electronPlatformName: 'darwin',
  appOutDir,
  packager: { appInfo: { productFilename: 'Ontario Driving School Manager' } },
});

function recorder() {
  const lines: string[] = [];
  const calls: Array<{ command?: string; args?: string[]; options?: object }> = [];
  return { lines, calls, log: (line: string) => lines.push(line) };
}

const dirs: string[] = [];
afterEach(async () => {
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true });
});

describe('the afterSign hook (macOS notarization)', () => {
  it('skips plainly on a build for another platform', async () => {
    const r = recorder();
    await afterSign({ ...macContext('/out'), electronPlatformName: 'win32' }, { env: { APPLE_ID: 'a@b.c' }, log: r.log, notarize: async (o) => void r.calls.push({ options: o }) });
    expect(r.calls).toEqual([]);
    expect(r.lines).toEqual(['  • notarize skipped: not a macOS build (win32)']);
  });

  it('skips plainly on macOS when no Apple credentials are in the environment', async () => {
    const r = recorder();
    await afterSign(macContext('/out'), { env: {}, log: r.log, notarize: async (o) => void r.calls.push({ options: o }) });
    expect(r.calls).toEqual([]);
    expect(r.lines).toEqual(['  • notarize skipped: no Apple credentials in the environment (APPLE_API_KEY, APPLE_ID or APPLE_KEYCHAIN_PROFILE)']);
  });

  it('notarizes the signed app with an App Store Connect API key, preferred over an Apple ID', async () => {
    const r = recorder();
    const env = {
      APPLE_API_KEY: '/secrets/AuthKey_ABC123.p8',
      APPLE_API_KEY_ID: 'ABC123',
      APPLE_API_ISSUER: '69a6de7e-0000-47e3-e053-5b8c7c11a4d1',
      APPLE_ID: 'release@school.example',
      APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh-ijkl-mnop',
      APPLE_TEAM_ID: 'TEAM123456',
    };
    await afterSign(macContext('/out/mac-arm64'), { env, log: r.log, notarize: async (o) => void r.calls.push({ options: o }) });
    expect(r.calls).toEqual([
      {
        options: {
          appPath: '/out/mac-arm64/Ontario Driving School Manager.app',
          appleApiKey: '/secrets/AuthKey_ABC123.p8',
          appleApiKeyId: 'ABC123',
          appleApiIssuer: '69a6de7e-0000-47e3-e053-5b8c7c11a4d1',
        },
      },
    ]);
    expect(r.lines.at(-1)).toBe('  • notarized');
  });

  it('notarizes with an Apple ID, app-specific password and team', async () => {
    const r = recorder();
    const env = { APPLE_ID: 'release@school.example', APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh-ijkl-mnop', APPLE_TEAM_ID: 'TEAM123456' };
    await afterSign(macContext('/out/mac'), { env, log: r.log, notarize: async (o) => void r.calls.push({ options: o }) });
    expect(r.calls[0]?.options).toEqual({
      appPath: '/out/mac/Ontario Driving School Manager.app',
      appleId: 'release@school.example',
      appleIdPassword: 'abcd-efgh-ijkl-mnop',
      teamId: 'TEAM123456',
    });
  });

  it('refuses a credential set given in part, rather than ship un-notarized', async () => {
    const r = recorder();
    const run = afterSign(macContext('/out'), { env: { APPLE_ID: 'release@school.example' }, log: r.log, notarize: async (o) => void r.calls.push({ options: o }) });
    await expect(run).rejects.toThrow('notarize: APPLE_ID set but APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID missing');
    expect(r.calls).toEqual([]);
  });
});

describe('the Windows signing hook', () => {
  const secrets = { WIN_CSC_LINK: 'C:\\secrets\\odsm.pfx', WIN_CSC_KEY_PASSWORD: 'pfx-password' };

  it('skips plainly, leaving the file as it is, when no certificate is in the environment', async () => {
    const r = recorder();
    await windowsSign({ path: 'dist/win-unpacked/odsm.exe' }, {}, { env: {}, platform: 'win32', log: r.log, run: (command, args) => void r.calls.push({ command, args }) });
    expect(r.calls).toEqual([]);
    expect(r.lines).toEqual(['  • windows signing skipped for dist/win-unpacked/odsm.exe: no certificate in the environment (WIN_CSC_LINK)']);
  });

  it('on Windows, runs signtool with the certificate, SHA-256 and a time stamp', async () => {
    const r = recorder();
    const file = 'C:\\dist\\win-unpacked\\Ontario Driving School Manager.exe';
    await windowsSign({ path: file }, {}, { env: secrets, platform: 'win32', log: r.log, run: (command, args) => void r.calls.push({ command, args }) });
    expect(r.calls).toEqual([
      {
        command: 'signtool.exe',
        args: ['sign', '/f', 'C:\\secrets\\odsm.pfx', '/p', 'pfx-password', '/fd', 'sha256', '/tr', 'http://timestamp.digicert.com', '/td', 'sha256', '/d', 'Ontario Driving School Manager', file],
      },
    ]);
  });

  it('elsewhere, signs with osslsigncode into a copy and puts the signed copy in place', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'odsm-sign-'));
    dirs.push(dir);
    const file = join(dir, 'odsm-backend.exe');
    await writeFile(file, 'unsigned');
    const r = recorder();
    const env = { ...secrets, WIN_CSC_LINK: '/secrets/odsm.pfx', WIN_TIMESTAMP_URL: 'http://ts.example.test' };
    const run = async (command: string, args: string[]) => {
      r.calls.push({ command, args });
      await writeFile(args[args.indexOf('-out') + 1]!, 'signed'); // what osslsigncode writes
    };
    await windowsSign({ path: file }, {}, { env, platform: 'linux', log: r.log, run });
    expect(r.calls).toEqual([
      {
        command: 'osslsigncode',
        args: ['sign', '-pkcs12', '/secrets/odsm.pfx', '-pass', 'pfx-password', '-h', 'sha256', '-ts', 'http://ts.example.test', '-n', 'Ontario Driving School Manager', '-in', file, '-out', `${file}.signed`],
      },
    ]);
    expect(await readFile(file, 'utf8')).toBe('signed');
  });

  it('refuses a certificate without its password', async () => {
    const r = recorder();
    const run = windowsSign({ path: 'x.exe' }, {}, { env: { WIN_CSC_LINK: '/secrets/odsm.pfx' }, platform: 'win32', log: r.log, run: (command, args) => void r.calls.push({ command, args }) });
    await expect(run).rejects.toThrow('WIN_CSC_KEY_PASSWORD missing');
    expect(r.calls).toEqual([]);
  });
});
