// Bundles the REAL preload (electron/preload/index.ts) a second time, for a plain Chromium page:
// `electron` resolves to e2e/electron-shim.ts, and the output is one IIFE the harness injects with
// context.addInitScript before any page script runs. Output: e2e/out/preload-shim.js.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  publicDir: false,
  resolve: { alias: [{ find: /^electron$/, replacement: resolve(root, 'e2e/electron-shim.ts') }] },
  build: {
    outDir: resolve(root, 'e2e/out'),
    emptyOutDir: false,
    minify: false,
    sourcemap: false,
    target: 'chrome120',
    lib: {
      entry: resolve(root, 'electron/preload/index.ts'),
      formats: ['iife'],
      name: 'odsmPreload',
      fileName: () => 'preload-shim.js',
    },
  },
});
