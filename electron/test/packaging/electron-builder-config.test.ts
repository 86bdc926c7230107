import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { APP_ROOT } from '../support/real-backend';

const require = createRequire(join(APP_ROOT, 'package.json'));
const yaml = require('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  productName: string;
  extraResources: Array<{ from: string; to: string }>;
  linux: { icon: string };
  win: { icon: string; target: string[]; signtoolOptions: { sign: string; signingHashAlgorithms: string[] } };
  nsis: Record<string, unknown> & { include: string };
  mac: { icon: string; target: string[]; notarize: boolean };
  afterSign: string;
  publish: { provider: string; url: string };
}

const configText = readFileSync(join(APP_ROOT, 'build', 'electron-builder.yml'), 'utf8');
const config = yaml.load(configText) as BuilderConfig;

/** Every string in the config that names a file of this repository (build/...). */
function namedFiles(value: unknown): string[] {
  // Hooks start with ./ so that electron-builder takes them as paths, not package names.
  if (typeof value === 'string') return /^(\.\/)?build\//.test(value) ? [value.replace(/^\.\//, '')] : [];
  if (Array.isArray(value)) return value.flatMap(namedFiles);
  if (value && typeof value === 'object') return Object.values(value).flatMap(namedFiles);
  return [];
}

describe('build/electron-builder.yml', () => {
  it("is valid against electron-builder's own schema, so no key is misspelt or misplaced", () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    // The schema marks hooks that may be functions with a "typeof" keyword of its own.
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addKeyword({ keyword: 'typeof', validate: () => true });
    const valid = ajv.validate(schema, config);
    expect(ajv.errors ?? [], ajv.errorsText(ajv.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('names only files that exist, or that make freeze writes', () => {
    const files = namedFiles(config);
    expect(files).toEqual(expect.arrayContaining(['build/icons/icon.icns', 'build/icons/icon.ico', 'build/installer.nsh', 'build/hooks/after-sign.cjs', 'build/hooks/windows-sign.cjs']));
    const frozen = files.filter((f) => f.startsWith('build/frozen/'));
    expect(frozen).toEqual(['build/frozen/odsm-backend']);
    expect(readFileSync(join(APP_ROOT, 'Makefile'), 'utf8')).toContain('--distpath build/frozen');
    expect(readFileSync(join(APP_ROOT, 'build', 'backend.spec'), 'utf8')).toContain('COLLECT(exe, a.binaries, a.datas, name="odsm-backend"');
    const missing = files.filter((f) => !f.startsWith('build/frozen/') && !existsSync(join(APP_ROOT, f)));
    expect(missing).toEqual([]);
  });

  it('gives every platform an icon, in the format each expects', () => {
    const png = readFileSync(join(APP_ROOT, config.linux.icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
    const ico = readFileSync(join(APP_ROOT, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1); // an icon resource
    const icoSizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i] || 256);
    expect(icoSizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    const icns = readFileSync(join(APP_ROOT, config.mac.icon));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });

  it('makes an assisted Windows installer: per-user by default with the choice offered, shortcuts, the app\'s name', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: config.productName,
      uninstallDisplayName: config.productName,
      installerIcon: config.win.icon,
      uninstallerIcon: config.win.icon,
    });
  });

  it("keeps the school's data on uninstall unless the person asks, and never on an update or a silent uninstall", () => {
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
    const include = readFileSync(join(APP_ROOT, config.nsis.include), 'utf8');
    expect(include).toMatch(/!macro customUnInstall\s+\$\{ifNot\} \$\{isUpdated\}/);
    // The question defaults to No (second button), and a silent uninstall answers No.
    expect(include).toMatch(/MessageBox MB_YESNO\|MB_ICONQUESTION\|MB_DEFBUTTON2 "[^"]+" \/SD IDNO IDNO odsm_keep_data/);
  });

  it('builds a zip beside the dmg on macOS, which auto-update needs, and notarizes only in the hook', () => {
    expect(config.mac.target).toEqual(expect.arrayContaining(['dmg', 'zip']));
    expect(config.mac.notarize).toBe(false);
  });

  it('wires the signing hooks, each loaded by electron-builder\'s own resolver as our function', async () => {
    expect(config.win.signtoolOptions.signingHashAlgorithms).toEqual(['sha256']);
    const { resolveFunction } = require('app-builder-lib/out/util/resolve') as {
      resolveFunction(type: string, executor: string, name: string, root: string): Promise<unknown>;
    };
    expect(process.cwd()).toBe(APP_ROOT); // electron-builder resolves ./ paths from where make runs it
    for (const [hook, name] of [[config.afterSign, 'afterSign'], [config.win.signtoolOptions.sign, 'sign']] as const) {
      const resolved = await resolveFunction('module', hook, name, APP_ROOT);
      expect(resolved).toBe(require(join(APP_ROOT, hook)));
      expect(typeof resolved).toBe('function');
    }
  });

  it('names an update feed that is a placeholder, and cannot be reached until a real one is named', () => {
    expect(config.publish.provider).toBe('generic');
    expect(new URL(config.publish.url.replace('${os}/${arch}', 'linux/x64')).hostname).toMatch(/\.invalid$/);
  });
});
