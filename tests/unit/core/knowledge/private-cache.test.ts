import {
  chmodSync,
  closeSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  isPrivate,
  openCacheDir,
  openPrivateFile,
} from '../../../../src/core/knowledge/private-cache.js';
import { userCacheDir } from '../../../../src/config/cache-dir.js';

const noHome = () => {
  throw new Error('no home directory');
};

describe('userCacheDir: the user’s cache directory, never the shared temporary one', () => {
  it('honours XDG_CACHE_HOME', () => {
    expect(userCacheDir({ XDG_CACHE_HOME: '/srv/cache' }, () => '/home/ann')).toBe(
      path.join('/srv/cache', 'stevedore'),
    );
  });

  it('falls back to ~/.cache when XDG_CACHE_HOME is unset, empty or relative', () => {
    const expected = path.join('/home/ann', '.cache', 'stevedore');
    expect(userCacheDir({}, () => '/home/ann')).toBe(expected);
    expect(userCacheDir({ XDG_CACHE_HOME: '' }, () => '/home/ann')).toBe(expected);
    expect(userCacheDir({ XDG_CACHE_HOME: 'cache' }, () => '/home/ann')).toBe(expected);
  });

  it('has none without XDG_CACHE_HOME and a home directory', () => {
    expect(userCacheDir({}, noHome)).toBeUndefined();
    expect(userCacheDir({}, () => '')).toBeUndefined();
  });
});

describe('isPrivate: only files of this user that no one else may write are trusted', () => {
  const me = 1000;
  it.each([
    ['owned by the user, 0600', { uid: me, mode: 0o100600 }, true],
    ['owned by the user, readable by all (0644)', { uid: me, mode: 0o100644 }, true],
    ['owned by another user', { uid: me + 1, mode: 0o100600 }, false],
    ['writable by the group (0620)', { uid: me, mode: 0o100620 }, false],
    ['writable by others (0602)', { uid: me, mode: 0o100602 }, false],
  ])('a file %s: %s', (_, stat, trusted) => {
    expect(isPrivate(stat, me)).toBe(trusted);
  });

  it('checks only the permissions where there are no user ids (Windows)', () => {
    expect(isPrivate({ uid: 0, mode: 0o100600 }, undefined)).toBe(true);
    expect(isPrivate({ uid: 0, mode: 0o100666 }, undefined)).toBe(false);
  });
});

describe('openCacheDir and openPrivateFile on the file system', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'stevedore-private-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('creates the cache directory with mode 0700', () => {
    const dir = openCacheDir(path.join(root, 'stevedore'));
    expect(dir).toBe(path.join(root, 'stevedore'));
    expect(statSync(dir as string).mode & 0o777).toBe(0o700);
  });

  it('gives no cache directory when it cannot be created', () => {
    writeFileSync(path.join(root, 'a-file'), '');
    expect(openCacheDir(path.join(root, 'a-file', 'stevedore'))).toBeUndefined();
  });

  it('gives no cache directory when others may write to it', () => {
    mkdirSync(path.join(root, 'stevedore'));
    chmodSync(path.join(root, 'stevedore'), 0o777);
    expect(openCacheDir(path.join(root, 'stevedore'))).toBeUndefined();
  });

  it('opens a private file, and refuses one others may write, a directory or a missing file', () => {
    const file = path.join(root, 'cache.json');
    writeFileSync(file, '{}', { mode: 0o600 });
    const fd = openPrivateFile(file);
    expect(fd).toBeTypeOf('number');
    closeSync(fd as number);
    // chmod, not the create mode, which the umask may narrow.
    chmodSync(file, 0o666);
    expect(openPrivateFile(file)).toBeUndefined();
    expect(openPrivateFile(root)).toBeUndefined();
    expect(openPrivateFile(path.join(root, 'missing.json'))).toBeUndefined();
  });
});
