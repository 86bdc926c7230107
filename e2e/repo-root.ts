import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Found by walking up, because the harness also runs bundled from e2e/out/ (make preview). */
function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'shared-contracts', 'channels.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no repository root above ${start}`);
  }
}

export const repoRoot = findRepoRoot(import.meta.dirname);
