import { createHash } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Entry, KnowledgeBase, Source, Tool } from '../types.js';
import { KIND_FOLDERS, REFERENCE_DIR, SOURCES_DIR, SOURCES_FILE, TOOLS_FILE } from './layout.js';
import type { LoadResult } from './load-knowledge.js';

/** Bumped whenever the shape of `Entry` or `Source` changes, so old caches are ignored. */
const CACHE_FORMAT = 3;

interface CacheFile {
  readonly format: number;
  readonly fingerprint: string;
  readonly entries: Entry[];
  readonly sources: Source[];
  readonly tools: Tool[];
  readonly commandNames: string[];
}

/**
 * A fingerprint of every file of a knowledge directory (name, size, modification time): any
 * edit, addition or removal changes it. Reading it costs a directory listing, not a parse.
 */
function fingerprint(dir: string): string | undefined {
  const hash = createHash('sha1');
  hash.update(`${CACHE_FORMAT}\n`);
  const add = (file: string) => {
    const stat = statSync(file);
    hash.update(`${path.relative(dir, file)}\t${stat.size}\t${stat.mtimeMs}\n`);
  };
  try {
    add(path.join(dir, SOURCES_FILE));
    if (existsSync(path.join(dir, TOOLS_FILE))) add(path.join(dir, TOOLS_FILE));
    for (const folder of [...Object.values(KIND_FOLDERS), SOURCES_DIR, REFERENCE_DIR]) {
      const full = path.join(dir, folder);
      if (!existsSync(full)) continue;
      for (const name of readdirSync(full).sort()) add(path.join(full, name));
    }
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

function cachePath(dir: string): string {
  const key = createHash('sha1').update(path.resolve(dir)).digest('hex').slice(0, 16);
  return path.join(tmpdir(), `${CACHE_PREFIX}${key}.json`);
}

function readCache(file: string, expected: string): KnowledgeBase | undefined {
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (cache.format !== CACHE_FORMAT || cache.fingerprint !== expected) return undefined;
    return {
      entries: cache.entries,
      sources: new Map(cache.sources.map((s) => [s.id, s])),
      tools: new Map(cache.tools.map((t) => [t.id, t])),
      commandNames: cache.commandNames,
    };
  } catch {
    return undefined;
  }
}

const CACHE_PREFIX = 'stevedore-knowledge-';
/** Caches of knowledge directories not loaded for this long are removed (tests make many). */
const CACHE_MAX_AGE_MS = 7 * 86_400_000;

function removeStaleCaches(keep: string): void {
  try {
    const now = Date.now();
    for (const name of readdirSync(tmpdir())) {
      if (!name.startsWith(CACHE_PREFIX) || !name.endsWith('.json')) continue;
      const file = path.join(tmpdir(), name);
      if (file !== keep && now - statSync(file).mtimeMs > CACHE_MAX_AGE_MS) rmSync(file, { force: true });
    }
  } catch {
    // Housekeeping only.
  }
}

function writeCache(file: string, print: string, knowledge: KnowledgeBase): void {
  const cache: CacheFile = {
    format: CACHE_FORMAT,
    fingerprint: print,
    entries: [...knowledge.entries],
    sources: [...knowledge.sources.values()],
    tools: [...knowledge.tools.values()],
    commandNames: [...knowledge.commandNames],
  };
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(cache));
    renameSync(temporary, file);
    removeStaleCaches(file);
  } catch {
    // A cache that cannot be written only costs speed on the next start.
  }
}

/**
 * Loads a knowledge base for answering. A base that validated before, and whose files have not
 * changed since, is read from a cache in the temporary directory instead of being parsed and
 * validated again: a one-off `stevedore define` then starts in a fraction of the time. Anything
 * else takes the full path (`loadKnowledge`), whose problems are reported as usual.
 */
export async function loadKnowledgeCached(dir: string): Promise<LoadResult> {
  const print = fingerprint(dir);
  const file = cachePath(dir);
  if (print) {
    const cached = readCache(file, print);
    if (cached) return { ok: true, knowledge: cached };
  }
  // The parsers and the schema are loaded only when the cache cannot be used.
  const { loadKnowledge } = await import('./load-knowledge.js');
  const result = loadKnowledge(dir);
  if (result.ok && print && fingerprint(dir) === print) writeCache(file, print, result.knowledge);
  return result;
}
