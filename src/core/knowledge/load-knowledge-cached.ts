import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { normaliseKey, STOP_WORDS, tokenize } from '../engine/normalise.js';
import type { Entry, EntryKind, EntryRef, KnowledgeBase, Source, Tool } from '../types.js';
import { KIND_FOLDERS, REFERENCE_DIR, SOURCES_DIR, SOURCES_FILE, TOOLS_FILE } from './layout.js';
import type { LoadResult } from './load-knowledge.js';
import { openCacheDir, openPrivateFile, PRIVATE_FILE_MODE } from './private-cache.js';

/** Bumped whenever the shape of `Entry` or `Source` changes, so old caches are ignored. */
const CACHE_FORMAT = 5;

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

/** The cache file of a knowledge directory, or undefined when there is no private cache dir. */
function cachePath(dir: string, cacheDirectory: string | undefined): string | undefined {
  const cacheDir = openCacheDir(cacheDirectory);
  if (!cacheDir) return undefined;
  const key = createHash('sha1').update(path.resolve(dir)).digest('hex').slice(0, 16);
  return path.join(cacheDir, `${CACHE_PREFIX}${key}.json`);
}

/**
 * Reads a whole cache file, or a slice of it, if it is private to this user; undefined for a
 * missing or untrusted file, which is then rebuilt like a stale one.
 */
function readPrivate(file: string, slice?: readonly [number, number]): string | undefined {
  const fd = openPrivateFile(file);
  if (fd === undefined) return undefined;
  try {
    if (!slice) return readFileSync(fd, 'utf8');
    const buffer = Buffer.alloc(slice[1]);
    readSync(fd, buffer, 0, slice[1], slice[0]);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function readCache(file: string, expected: string): KnowledgeBase | undefined {
  try {
    const text = readPrivate(file);
    if (text === undefined) return undefined;
    const cache = JSON.parse(text) as CacheFile;
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

const CACHE_PREFIX = 'knowledge-';
/** Caches of knowledge directories not loaded for this long are removed (tests make many). */
const CACHE_MAX_AGE_MS = 7 * 86_400_000;

function removeStaleCaches(keep: string): void {
  try {
    const now = Date.now();
    const dir = path.dirname(keep);
    for (const name of readdirSync(dir)) {
      if (!name.startsWith(CACHE_PREFIX) || !/\.(?:json|ndjson)$/.test(name)) continue;
      const file = path.join(dir, name);
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
  try {
    writeNameCache(file, print, knowledge);
    writeAtomically(file, JSON.stringify(cache));
    removeStaleCaches(file);
  } catch {
    // A cache that cannot be written only costs speed on the next start.
  }
}

function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: PRIVATE_FILE_MODE });
  renameSync(temporary, file);
}

/**
 * The name cache: every exact name key → its entry's line, and the entries one per line, each
 * with the sources it cites and the references of its related entries. `stevedore define <name>`
 * reads the keys and one line, not the whole base: the whole base's JSON grows with the
 * knowledge, and parsing it was most of a one-off define's time (at 1,200 entries, parsing every
 * source and reference with the keys still was a seventh of it).
 */
interface NameCacheFile {
  readonly format: number;
  readonly fingerprint: string;
  readonly names: Record<string, number>;
  /** Byte offset and length of each entry's line in the lines file. */
  readonly lines: readonly (readonly [number, number])[];
}

/** One line of the lines file: an entry and what its card needs from the rest of the base. */
interface EntryLine {
  readonly entry: Entry;
  readonly sources: readonly Source[];
  readonly refs: readonly (readonly [string, string, EntryKind])[];
}

const namesPath = (file: string) => file.replace(/\.json$/, '.names.json');
const linesPath = (file: string) => file.replace(/\.json$/, '.entries.ndjson');

/** The keys an exact name lookup tries: the whole text, then the text without stop words. */
export function exactKeysOf(text: string): string[] {
  const stripped = tokenize(text)
    .filter((t) => !STOP_WORDS.has(t))
    .join('');
  return [normaliseKey(text), stripped];
}

function writeNameCache(file: string, print: string, knowledge: KnowledgeBase): void {
  const names: Record<string, number> = {};
  const lines: [number, number][] = [];
  const chunks: Buffer[] = [];
  const byId = new Map(knowledge.entries.map((entry) => [entry.id, entry]));
  let offset = 0;
  knowledge.entries.forEach((entry, index) => {
    // First owner wins, as in the engine's name index; the validator allows only one.
    for (const name of [entry.title, entry.id, ...entry.aliases]) {
      const key = normaliseKey(name);
      if (key && !Object.hasOwn(names, key)) names[key] = index;
    }
    const record: EntryLine = {
      entry,
      sources: entry.sources.flatMap((id) => knowledge.sources.get(id) ?? []),
      refs: entry.related.flatMap((id) => {
        const other = byId.get(id);
        return other ? [[other.id, other.title, other.kind] as const] : [];
      }),
    };
    const line = Buffer.from(`${JSON.stringify(record)}\n`);
    lines.push([offset, line.length - 1]);
    chunks.push(line);
    offset += line.length;
  });
  writeAtomically(linesPath(file), Buffer.concat(chunks).toString());
  const cache: NameCacheFile = {
    format: CACHE_FORMAT,
    fingerprint: print,
    names,
    lines,
  };
  writeAtomically(namesPath(file), JSON.stringify(cache));
}

/** An entry found by one of its exact names, with what its card needs. */
export interface NamedEntry {
  readonly entry: Entry;
  readonly sources: ReadonlyMap<string, Source>;
  readonly refById: (id: string) => EntryRef | undefined;
}

/**
 * The entry a text names exactly, from the name cache of a knowledge directory that validated
 * before and has not changed since. Undefined when there is no usable cache or no such name:
 * the caller then takes the full path.
 */
export function findByExactName(
  dir: string,
  text: string,
  cacheDir: string | undefined,
): NamedEntry | undefined {
  const print = fingerprint(dir);
  if (!print) return undefined;
  const file = cachePath(dir, cacheDir);
  if (!file) return undefined;
  let cache: NameCacheFile;
  try {
    const text = readPrivate(namesPath(file));
    if (text === undefined) return undefined;
    cache = JSON.parse(text) as NameCacheFile;
  } catch {
    return undefined;
  }
  if (cache.format !== CACHE_FORMAT || cache.fingerprint !== print) return undefined;
  const index = exactKeysOf(text)
    .map((key) => (key && Object.hasOwn(cache.names, key) ? cache.names[key] : undefined))
    .find((i) => i !== undefined);
  const at = index === undefined ? undefined : cache.lines[index];
  if (!at) return undefined;
  let record: EntryLine;
  try {
    const text = readPrivate(linesPath(file), at);
    if (text === undefined) return undefined;
    record = JSON.parse(text) as EntryLine;
  } catch {
    return undefined;
  }
  const refs = new Map(record.refs.map(([id, title, kind]) => [id, { id, title, kind }]));
  return {
    entry: record.entry,
    sources: new Map(record.sources.map((source) => [source.id, source])),
    refById: (id) => refs.get(id),
  };
}

/**
 * Loads a knowledge base for answering. A base that validated before, and whose files have not
 * changed since, is read from a cache in the user's cache directory instead of being parsed and
 * validated again: a one-off `stevedore define` then starts in a fraction of the time. Anything
 * else takes the full path (`loadKnowledge`), whose problems are reported as usual; so does
 * every run when there is no private cache directory.
 */
export async function loadKnowledgeCached(
  dir: string,
  cacheDir: string | undefined,
): Promise<LoadResult> {
  const print = fingerprint(dir);
  const file = cachePath(dir, cacheDir);
  if (print && file) {
    const cached = readCache(file, print);
    if (cached) return { ok: true, knowledge: cached };
  }
  // The parsers and the schema are loaded only when the cache cannot be used (enforced by
  // tests/integration/cli/cold-start.test.ts).
  const { loadKnowledge } = await import('./load-knowledge.js');
  const result = loadKnowledge(dir);
  if (result.ok && print && file && fingerprint(dir) === print) writeCache(file, print, result.knowledge);
  return result;
}
