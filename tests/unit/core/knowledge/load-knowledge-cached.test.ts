import {
  chmodSync,
  chownSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userCacheDir } from '../../../../src/config/cache-dir.js';
import { cardByName } from '../../../../src/core/engine/card-by-name.js';
import { createEngine } from '../../../../src/core/engine/create-engine.js';
import {
  findByExactName,
  loadKnowledgeCached,
} from '../../../../src/core/knowledge/load-knowledge-cached.js';
import { loadKnowledge } from '../../../../src/core/knowledge/load-knowledge.js';
import { FIXTURE_KNOWLEDGE } from '../../../helpers/fixture-engine.js';

/** The cache directory the configuration would give for this test's environment. */
const cacheDir = () => userCacheDir(process.env);

let dir: string;
/** Each test has a cache directory of its own, so that it sees only its own cache files. */
let cacheHome: string;
const sharedCacheHome = process.env.XDG_CACHE_HOME;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'stevedore-cache-'));
  cpSync(FIXTURE_KNOWLEDGE, dir, { recursive: true });
  cacheHome = mkdtempSync(path.join(tmpdir(), 'stevedore-cache-home-'));
  process.env.XDG_CACHE_HOME = cacheHome;
});
afterEach(() => {
  process.env.XDG_CACHE_HOME = sharedCacheHome;
  rmSync(dir, { recursive: true, force: true });
  rmSync(cacheHome, { recursive: true, force: true });
});

/** The cache files of the test's knowledge directory, by what they hold. */
function cacheFiles(): { base: string; names: string; lines: string; all: string[] } {
  const folder = path.join(cacheHome, 'stevedore');
  const all = readdirSync(folder).map((name) => path.join(folder, name));
  const find = (suffix: string) => all.find((file) => file.endsWith(suffix)) as string;
  return {
    base: all.find((f) => f.endsWith('.json') && !f.endsWith('.names.json')) as string,
    names: find('.names.json'),
    lines: find('.entries.ndjson'),
    all,
  };
}

/** Changes the cached summary of "pod", as someone planting a cache file would. */
function plantSummary(file: string): void {
  writeFileSync(file, readFileSync(file, 'utf8').replace(/"summary":"[^"]*"/, '"summary":"Planted."'));
}

const summaries = (result: Awaited<ReturnType<typeof loadKnowledgeCached>>) =>
  result.ok ? result.knowledge.entries.map((entry) => entry.summary) : [];

describe('loadKnowledgeCached', () => {
  it('gives the same knowledge as a full load, the first time and from the cache', async () => {
    const full = loadKnowledge(dir);
    const first = await loadKnowledgeCached(dir, cacheDir());
    const second = await loadKnowledgeCached(dir, cacheDir());
    expect(first).toEqual(full);
    expect(second).toEqual(full);
  });

  it('notices an edit and reports the problems it introduces', async () => {
    expect((await loadKnowledgeCached(dir, cacheDir())).ok).toBe(true);
    const file = path.join(dir, 'glossary', 'pod.md');
    writeFileSync(file, '---\nid: pod\ntitle: Pod\nkind: glossary\nsummary: x.\nsources: [nope]\n---\nBody.\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const after = await loadKnowledgeCached(dir, cacheDir());
    expect(after.ok).toBe(false);
    if (!after.ok) expect(after.problems[0]?.message).toMatch(/unknown source "nope"/);
  });

  it('notices an added entry', async () => {
    await loadKnowledgeCached(dir, cacheDir());
    writeFileSync(
      path.join(dir, 'glossary', 'etcd.md'),
      '---\nid: etcd\ntitle: etcd\nkind: glossary\nsummary: A key-value store.\nsources: [k8s-pods]\n---\nBody.\n',
    );
    const after = await loadKnowledgeCached(dir, cacheDir());
    expect(after.ok && after.knowledge.entries.some((e) => e.id === 'etcd')).toBe(true);
  });
});

describe('findByExactName: a one-off define without loading the whole base', () => {
  it('gives exactly the card the engine gives, for every name of every entry', async () => {
    const loaded = await loadKnowledgeCached(dir, cacheDir());
    if (!loaded.ok) throw new Error('fixture knowledge is invalid');
    const engine = createEngine(loaded.knowledge);
    const names = loaded.knowledge.entries.flatMap((e) => [e.title, e.id, ...e.aliases, `what is ${e.id}?`]);
    for (const name of names) {
      const named = findByExactName(dir, name, cacheDir());
      expect(named, name).toBeDefined();
      if (named) expect(cardByName(named, name)).toEqual(engine.define(name));
    }
  });

  it('finds nothing for a name that is not exact, without a cache, or after an edit', async () => {
    expect(findByExactName(dir, 'pod', cacheDir())).toBeUndefined();
    await loadKnowledgeCached(dir, cacheDir());
    expect(findByExactName(dir, 'kripton', cacheDir())).toBeUndefined();
    expect(findByExactName(dir, 'pod', cacheDir())).toBeDefined();
    const file = path.join(dir, 'glossary', 'pod.md');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(findByExactName(dir, 'pod', cacheDir())).toBeUndefined();
  });
});

describe('the cache lives in the user’s cache directory and trusts only private files', () => {
  it('keeps its files under $XDG_CACHE_HOME/stevedore: the directory 0700, the files 0600', async () => {
    await loadKnowledgeCached(dir, cacheDir());
    expect(statSync(path.join(cacheHome, 'stevedore')).mode & 0o777).toBe(0o700);
    const { all } = cacheFiles();
    expect(all).toHaveLength(3);
    for (const file of all) expect(statSync(file).mode & 0o777, file).toBe(0o600);
  });

  it('reads its own private files back (so the refusals below are refusals)', async () => {
    await loadKnowledgeCached(dir, cacheDir());
    plantSummary(cacheFiles().base);
    expect(summaries(await loadKnowledgeCached(dir, cacheDir()))).toContain('Planted.');
  });

  it('ignores and rebuilds a cache file that others may write', async () => {
    await loadKnowledgeCached(dir, cacheDir());
    const { base } = cacheFiles();
    plantSummary(base);
    chmodSync(base, 0o666);
    expect(await loadKnowledgeCached(dir, cacheDir())).toEqual(loadKnowledge(dir));
    expect(statSync(base).mode & 0o777).toBe(0o600);
    expect(readFileSync(base, 'utf8')).not.toContain('Planted.');
  });

  it('does not answer a one-off define from name files that others may write', async () => {
    await loadKnowledgeCached(dir, cacheDir());
    const { names, lines } = cacheFiles();
    chmodSync(lines, 0o666);
    expect(findByExactName(dir, 'pod', cacheDir())).toBeUndefined();
    chmodSync(lines, 0o600);
    chmodSync(names, 0o620);
    expect(findByExactName(dir, 'pod', cacheDir())).toBeUndefined();
    chmodSync(names, 0o600);
    expect(findByExactName(dir, 'pod', cacheDir())).toBeDefined();
  });

  // Giving a file to another user takes root; without it, the owner check is tested in
  // private-cache.test.ts.
  it.runIf(process.getuid?.() === 0)('ignores a cache file owned by another user', async () => {
    await loadKnowledgeCached(dir, cacheDir());
    const { base, names } = cacheFiles();
    plantSummary(base);
    const nobody = 65534;
    chownSync(base, nobody, nobody);
    chownSync(names, nobody, nobody);
    expect(findByExactName(dir, 'pod', cacheDir())).toBeUndefined();
    expect(await loadKnowledgeCached(dir, cacheDir())).toEqual(loadKnowledge(dir));
    // Rebuilt as the user's own.
    expect(statSync(base).uid).toBe(process.getuid?.());
  });

  it('works without a cache when the cache directory cannot be created', async () => {
    writeFileSync(path.join(cacheHome, 'not-a-directory'), '');
    process.env.XDG_CACHE_HOME = path.join(cacheHome, 'not-a-directory');
    expect(await loadKnowledgeCached(dir, cacheDir())).toEqual(loadKnowledge(dir));
    expect(await loadKnowledgeCached(dir, cacheDir())).toEqual(loadKnowledge(dir));
    expect(findByExactName(dir, 'pod', cacheDir())).toBeUndefined();
  });
});
