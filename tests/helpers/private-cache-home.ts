import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Vitest global setup: the whole run caches validated knowledge in a directory of its own
 * (XDG_CACHE_HOME, inherited by the test workers and by the CLI runs of `runCli`), never in the
 * user's ~/.cache, and removes it afterwards.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'stevedore-test-cache-'));
  process.env.XDG_CACHE_HOME = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
