import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding Stevedore's package.json, found by walking up from this module, so the
 * shipped knowledge is found the same way from `src/` (tests), `dist/src/` (built) and Docker.
 */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'knowledge'))) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error('packageRoot: no package.json with a knowledge/ folder above this module');
    dir = parent;
  }
}

/** The knowledge base shipped with Stevedore. */
export function defaultKnowledgeDir(): string {
  return path.join(packageRoot(), 'knowledge');
}
