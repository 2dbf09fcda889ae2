import { homedir } from 'node:os';
import path from 'node:path';

/** The environment as a plain record, as `readConfig` takes it. */
type Env = Readonly<Record<string, string | undefined>>;

/**
 * `$XDG_CACHE_HOME/stevedore`, else `~/.cache/stevedore` (the XDG Base Directory specification:
 * a relative XDG_CACHE_HOME is invalid and ignored). Undefined when there is no home either.
 */
export function userCacheDir(env: Env, home: () => string = homedir): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'stevedore');
  try {
    const dir = home();
    return dir ? path.join(dir, '.cache', 'stevedore') : undefined;
  } catch {
    // No HOME and no password-file entry: run without a cache.
    return undefined;
  }
}
