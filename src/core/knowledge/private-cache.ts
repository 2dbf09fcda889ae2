import { closeSync, fstatSync, mkdirSync, openSync, type Stats, statSync } from 'node:fs';

/**
 * Where Stevedore keeps files only its user may write: the user's cache directory, never the
 * shared temporary directory, where on a multi-user host anyone could plant a file a later run
 * would trust.
 */

/** The current user's id; undefined where there is none (Windows), and owners are not checked. */
const currentUid = (): number | undefined => process.getuid?.();

/** Write permission for the group or others: anyone else could have changed the file. */
const WRITABLE_BY_OTHERS = 0o022;

/**
 * Whether a cache file or directory can be trusted: owned by the current user and writable by
 * no one else. Anything else may have been planted or changed by another user.
 */
export function isPrivate(stat: Pick<Stats, 'uid' | 'mode'>, uid = currentUid()): boolean {
  return (uid === undefined || stat.uid === uid) && (stat.mode & WRITABLE_BY_OTHERS) === 0;
}

/**
 * The cache directory (`Config.cacheDir`), created if need be (mode 0700), or undefined when
 * there is none, it cannot be created or it is not private to this user: the caller then works
 * without a cache.
 */
export function openCacheDir(dir: string | undefined): string | undefined {
  if (!dir) return undefined;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = statSync(dir);
    return stat.isDirectory() && isPrivate(stat) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** Mode of the cache files: read and write for their owner only. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Opens a cache file for reading if it is a regular file private to this user, checked on the
 * open descriptor so that the file cannot be swapped between the check and the read. Undefined
 * for a missing or untrusted file; the caller then ignores it and rebuilds it.
 */
export function openPrivateFile(file: string): number | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && isPrivate(stat)) return fd;
  } catch {
    // Treated as untrusted below.
  }
  closeSync(fd);
  return undefined;
}
