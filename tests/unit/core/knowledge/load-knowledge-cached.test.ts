import { cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardByName } from '../../../../src/core/engine/card-by-name.js';
import { createEngine } from '../../../../src/core/engine/create-engine.js';
import {
  findByExactName,
  loadKnowledgeCached,
} from '../../../../src/core/knowledge/load-knowledge-cached.js';
import { loadKnowledge } from '../../../../src/core/knowledge/load-knowledge.js';
import { FIXTURE_KNOWLEDGE } from '../../../helpers/fixture-engine.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'stevedore-cache-'));
  cpSync(FIXTURE_KNOWLEDGE, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadKnowledgeCached', () => {
  it('gives the same knowledge as a full load, the first time and from the cache', async () => {
    const full = loadKnowledge(dir);
    const first = await loadKnowledgeCached(dir);
    const second = await loadKnowledgeCached(dir);
    expect(first).toEqual(full);
    expect(second).toEqual(full);
  });

  it('notices an edit and reports the problems it introduces', async () => {
    expect((await loadKnowledgeCached(dir)).ok).toBe(true);
    const file = path.join(dir, 'glossary', 'pod.md');
    writeFileSync(file, '---\nid: pod\ntitle: Pod\nkind: glossary\nsummary: x.\nsources: [nope]\n---\nBody.\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const after = await loadKnowledgeCached(dir);
    expect(after.ok).toBe(false);
    if (!after.ok) expect(after.problems[0]?.message).toMatch(/unknown source "nope"/);
  });

  it('notices an added entry', async () => {
    await loadKnowledgeCached(dir);
    writeFileSync(
      path.join(dir, 'glossary', 'etcd.md'),
      '---\nid: etcd\ntitle: etcd\nkind: glossary\nsummary: A key-value store.\nsources: [k8s-pods]\n---\nBody.\n',
    );
    const after = await loadKnowledgeCached(dir);
    expect(after.ok && after.knowledge.entries.some((e) => e.id === 'etcd')).toBe(true);
  });
});

describe('findByExactName: a one-off define without loading the whole base', () => {
  it('gives exactly the card the engine gives, for every name of every entry', async () => {
    const loaded = await loadKnowledgeCached(dir);
    if (!loaded.ok) throw new Error('fixture knowledge is invalid');
    const engine = createEngine(loaded.knowledge);
    const names = loaded.knowledge.entries.flatMap((e) => [e.title, e.id, ...e.aliases, `what is ${e.id}?`]);
    for (const name of names) {
      const named = findByExactName(dir, name);
      expect(named, name).toBeDefined();
      if (named) expect(cardByName(named, name)).toEqual(engine.define(name));
    }
  });

  it('finds nothing for a name that is not exact, without a cache, or after an edit', async () => {
    expect(findByExactName(dir, 'pod')).toBeUndefined();
    await loadKnowledgeCached(dir);
    expect(findByExactName(dir, 'kripton')).toBeUndefined();
    expect(findByExactName(dir, 'pod')).toBeDefined();
    const file = path.join(dir, 'glossary', 'pod.md');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(findByExactName(dir, 'pod')).toBeUndefined();
  });
});
