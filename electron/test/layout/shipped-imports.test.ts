import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ROOT } from '../support/real-backend';

// What ships (main, preload and what they share) must not import test support such as the ipcMain
// stand-in, nor the harnesses and benches that use it.
const SHIPPED = ['electron/main', 'electron/preload', 'electron/shared'];
const NOT_SHIPPED = ['electron/test', 'e2e', 'bench'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function relativeImports(file: string): string[] {
  const specifiers = [...readFileSync(file, 'utf8').matchAll(/\bfrom\s+'(\.[^']+)'/g)].map((m) => m[1]!);
  return specifiers.map((specifier) => relative(APP_ROOT, resolve(dirname(file), specifier)));
}

describe('shipped code', () => {
  const files = SHIPPED.flatMap((dir) => sourceFiles(join(APP_ROOT, dir)));

  it('is found', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((file) => [relative(APP_ROOT, file), file]))('%s imports no test support', (_name, file) => {
    const foreign = relativeImports(file).filter((target) => NOT_SHIPPED.some((dir) => target === dir || target.startsWith(`${dir}/`)));
    expect(foreign).toEqual([]);
  });
});
