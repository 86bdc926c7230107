// Bundles e2e/harness.ts (TypeScript, plus the bridge it imports) into e2e/out/harness.mjs, so that
// `make preview` can run it with plain node: Node 20 cannot run TypeScript. e2e/preview.mjs runs this
// build itself; packages in node_modules stay external and resolve from the repository at run time.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  publicDir: false,
  build: {
    ssr: resolve(root, 'e2e/harness.ts'),
    outDir: resolve(root, 'e2e/out'),
    emptyOutDir: false,
    minify: false,
    target: 'node20',
    rollupOptions: { output: { format: 'es', entryFileNames: 'harness.mjs' } },
  },
});
