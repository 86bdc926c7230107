// Flat config: typescript-eslint's recommended rules everywhere, React hooks rules in the renderer,
// and import zones that keep the renderer's imports pointing one way: app -> features -> components/lib.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const RENDERER = path.join(import.meta.dirname, 'renderer', 'src');
const FEATURES = path.join(RENDERER, 'features');
const features = readdirSync(FEATURES, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

/** Shared code below features, features below app; a feature sees another only through its public index.ts. */
const rendererZones = [
  {
    target: ['components', 'lib', 'hooks'].map((dir) => path.join(RENDERER, dir)),
    from: [path.join(RENDERER, 'features'), path.join(RENDERER, 'app')],
    message: 'components, lib and hooks are shared by every feature: they import neither features nor app.',
  },
  {
    target: FEATURES,
    from: path.join(RENDERER, 'app'),
    message: 'A feature never imports app/: take what it needs as a prop, or move it to lib/.',
  },
  {
    target: path.join(RENDERER, 'app'),
    from: `${FEATURES}/*/**`,
    except: [`${FEATURES}/*/index.ts`],
    message: 'The app composes features through their index.ts.',
  },
  // One zone a feature (the rule's `except` cannot say "any feature but the importing one" by itself).
  ...features.map((feature) => ({
    target: path.join(FEATURES, feature),
    from: `${FEATURES}/*/**`,
    except: [`${FEATURES}/*/index.ts`, `${FEATURES}/${feature}/**`],
    message: `Import another feature through its index.ts (e.g. '../../lessons'), not a file inside it.`,
  })),
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'build/**', 'node_modules/**', 'shared-contracts/**', 'e2e/out/**', 'bench/results/**', '.venv/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Main process, preload sources, tests, harnesses and benchmarks run on Node.
    files: ['electron/**', 'e2e/**', 'bench/**', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The renderer has no network: every call goes through window.odsm (see renderer/src/lib/odsm.ts).
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: {
      'no-restricted-globals': ['error', 'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource'],
      'import-x/no-restricted-paths': ['error', { zones: rendererZones }],
    },
  },
);
