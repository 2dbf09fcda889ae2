import type { Entry } from '../types.js';
import { contentTerms, normaliseKey, STOP_WORDS, stem, tokenize } from './normalise.js';

/** A name as autocomplete lists it: its key, its entry, and whether it is the title. */
export interface NameRecord {
  readonly key: string;
  readonly entry: Entry;
  readonly isTitle: boolean;
}

/** What a text names: one entry exactly, or the entries a part of a title names. */
export interface NameMatch {
  readonly exact?: Entry;
  /** Several when a partial title is ambiguous; empty when nothing matches. */
  readonly partial: readonly Entry[];
}

function stemmedKey(text: string): string {
  return tokenize(text).map(stem).join('');
}

function namesOf(entry: Entry): [string, boolean][] {
  return [
    [entry.title, true],
    [entry.id, false],
    ...entry.aliases.map((a): [string, boolean] => [a, false]),
  ];
}

/**
 * Every name of every entry — title, id, aliases — for exact look-ups, plural-insensitive
 * look-ups, parts of titles and autocomplete. Only the exact table is built up front: a one-off
 * `define` by name needs nothing else, and the others are built on first use.
 */
export class NameIndex {
  private readonly exact = new Map<string, Entry>();
  private stemmedTable: Map<string, Entry> | undefined;
  private partialTable: Map<string, Entry[]> | undefined;
  private sortedNames: NameRecord[] | undefined;
  private wordsTable: Map<string, (readonly string[])[]> | undefined;
  private acronymTable: Map<string, Entry | null> | undefined;

  constructor(private readonly entries: readonly Entry[]) {
    // First owner wins; the validator makes sure there is only one.
    for (const entry of entries) {
      for (const [name] of namesOf(entry)) {
        const key = normaliseKey(name);
        if (key && !this.exact.has(key)) this.exact.set(key, entry);
      }
    }
  }

  /** `kube-apiserver`, `Kube APIServer`, `what is kube-apiserver`, `pods` → their entry. */
  lookup(text: string): NameMatch {
    const stripped = tokenize(text).filter((t) => !STOP_WORDS.has(t));
    const exact = this.exact.get(normaliseKey(text)) ?? this.exact.get(stripped.join(''));
    if (exact) return { exact, partial: [] };
    const stemmed = stripped.map(stem).join('');
    const byStem = this.stemmed().get(stemmed);
    if (byStem) return { exact: byStem, partial: [] };
    return { partial: this.partial().get(stemmed) ?? [] };
  }

  /** The entry whose name is exactly these (already stemmed) words, if any. */
  byStemmedWords(words: readonly string[]): Entry | undefined {
    return this.stemmed().get(words.join(''));
  }

  /** All names, shortest first and titles before aliases: the order autocomplete offers them. */
  sorted(): readonly NameRecord[] {
    if (!this.sortedNames) {
      const records: NameRecord[] = [];
      for (const entry of this.entries) {
        for (const [name, isTitle] of namesOf(entry)) {
          const key = normaliseKey(name);
          if (key) records.push({ key, entry, isTitle });
        }
      }
      records.sort((a, b) => a.key.length - b.key.length || Number(b.isTitle) - Number(a.isTitle));
      this.sortedNames = records;
    }
    return this.sortedNames;
  }

  /**
   * The content words of each of an entry's names and task phrases, to spot one spelt out in a
   * question ("what does the mount namespace do", "roll back a release").
   */
  phrasesOf(entryId: string): readonly (readonly string[])[] {
    if (!this.wordsTable) {
      this.wordsTable = new Map();
      for (const entry of this.entries) {
        this.wordsTable.set(
          entry.id,
          [entry.title, ...entry.aliases, ...entry.tasks]
            .map(contentTerms)
            .filter((words) => words.length > 0),
        );
      }
    }
    return this.wordsTable.get(entryId) ?? [];
  }

  /**
   * The entry whose multi-word title or alias has these initials ("QoS" for "Quality of
   * Service", "HPA" for "Horizontal Pod Autoscaler"), when exactly one has them and no entry is
   * called that outright.
   */
  byAcronym(text: string): Entry | undefined {
    if (!this.acronymTable) {
      const table = new Map<string, Entry | null>();
      for (const entry of this.entries) {
        for (const [name] of namesOf(entry)) {
          const words = tokenize(name.replace(/\([^()]*\)/g, ' '));
          if (words.length < 2) continue;
          const content = words.filter((word) => !STOP_WORDS.has(word));
          for (const initials of new Set([
            words.map((word) => word[0]).join(''),
            content.map((word) => word[0]).join(''),
          ])) {
            if (initials.length < 2 || this.exact.has(initials)) continue;
            const owner = table.get(initials);
            table.set(initials, owner === undefined || owner === entry ? entry : null);
          }
        }
      }
      this.acronymTable = table;
    }
    const key = normaliseKey(text);
    return key.length >= 2 && key.length <= 6
      ? (this.acronymTable.get(key) ?? undefined)
      : undefined;
  }

  /** Names with plurals stemmed, so "pods" finds "Pod". */
  private stemmed(): Map<string, Entry> {
    if (!this.stemmedTable) {
      this.stemmedTable = new Map();
      for (const entry of this.entries) {
        for (const [name] of namesOf(entry)) {
          const key = stemmedKey(name);
          if (key && !this.stemmedTable.has(key)) this.stemmedTable.set(key, entry);
        }
      }
    }
    return this.stemmedTable;
  }

  /**
   * "Namespace (Kubernetes)" is also called "namespace", and "Container Network Interface (CNI)"
   * "CNI": weaker names, used only when no exact name matches.
   */
  private partial(): Map<string, Entry[]> {
    if (!this.partialTable) {
      this.partialTable = new Map();
      for (const entry of this.entries) {
        const match = /^(.+?)\s*\(([^()]+)\)\s*$/.exec(entry.title);
        if (!match) continue;
        for (const part of [match[1] ?? '', match[2] ?? '']) {
          const key = stemmedKey(part);
          if (!key || this.exact.has(normaliseKey(part))) continue;
          const owners = this.partialTable.get(key) ?? [];
          if (!owners.includes(entry)) owners.push(entry);
          this.partialTable.set(key, owners);
        }
      }
    }
    return this.partialTable;
  }
}
