import { createRequire } from 'node:module';
import type MiniSearchType from 'minisearch';
import type { Entry } from '../types.js';
import type { NameIndex } from './name-index.js';
import { STOP_WORDS, stem, tokenize } from './normalise.js';

/**
 * Field weights: what an entry is called, and the jobs it is for, matter more than what its body
 * mentions. Names and task phrases weigh the same (issue 9: "indexed as strongly as names").
 */
export const BOOST = {
  title: 6,
  aliases: 6,
  tasks: 6,
  command: 3,
  flags: 2,
  summary: 2,
  tags: 1.5,
  body: 1,
} as const;
const FIELDS = Object.keys(BOOST);
/** The fields that name an entry: a query word found in one of them is a name match. */
export const NAME_FIELDS: ReadonlySet<string> = new Set(['title', 'aliases', 'tasks', 'command']);

/**
 * Words of documentation titles that say little about which card is meant ("configure liveness
 * probes", "a walkthrough of autoscaling"): they weigh this share of what their rarity alone
 * would give, so that missing them costs little and matching them gains little. 0.35 puts them
 * below the commonest subject words; tuned on the dev halves.
 */
const GENERIC_WORD_SHARE = 0.35;
const GENERIC_WORDS: ReadonlySet<string> = new Set(
  // Never a subcommand of a tool the knowledge covers (no "add", "create", "install", "run",
  // "set", "use"…): those words pick the command, so they keep their full weight.
  `about basic basics change changing configure configuring declare define defining example
   guide intro introduction learn manage managing overview setup step tip tips tutorial
   understand understanding using walkthrough way work working`.split(/\s+/),
);
/**
 * Name words shorter than this are not spelling targets: a two-letter word ("rm", "ps") is one
 * or two edits from too many others. Set with the spelling index (commit 9cef17c), not tuned.
 */
const MIN_SPELLING_TARGET_LENGTH = 3;
/** The most typos the spelling index looks for: what `allowedTypos` allows a long word. */
export const MAX_SPELLING_TYPOS = 2;

export interface IndexedDocument {
  readonly id: string;
  readonly title: string;
  readonly aliases: string;
  readonly tasks: string;
  readonly command: string;
  readonly flags: string;
  readonly summary: string;
  readonly tags: string;
  readonly body: string;
}

/** A name or task phrase of an entry, as its content words with their weights. */
export interface WeightedPhrase {
  readonly words: readonly string[];
  readonly weights: readonly number[];
  readonly total: number;
}

/**
 * Everything the ranking reads that is built once from the knowledge. Nothing in it changes after
 * it is built (`phrasesOf` computes each entry's phrases on first use and keeps them).
 */
export interface SearchIndex {
  /** How many entries the knowledge has: the N of the rarity weight. */
  readonly size: number;
  readonly entriesById: ReadonlyMap<string, Entry>;
  /** The minisearch full-text index over `IndexedDocument`s. */
  readonly fullText: MiniSearchType<IndexedDocument>;
  /** Every processed term of the index, to tell known words from misspellings. */
  readonly vocabulary: ReadonlySet<string>;
  /** The words names are made of: what a misspelt word is corrected to. */
  readonly spelling: MiniSearchType<{ id: string; word: string }>;
  /** In how many entries each term occurs. */
  readonly documentFrequency: ReadonlyMap<string, number>;
  /** How much a query word says: rare words much, common ones little, unknown ones most. */
  weightOf(term: string): number;
  /** The names and task phrases of an entry, as words with their weights. */
  phrasesOf(entryId: string): readonly WeightedPhrase[];
}

/** Index-time term processing, also applied to query terms. */
function processTerm(term: string): string | null {
  return STOP_WORDS.has(term) ? null : stem(term);
}

function documentOf(entry: Entry): IndexedDocument {
  return {
    id: entry.id,
    title: entry.title,
    // The id's words are names too: `podman-pod-create` finds the entry it names.
    aliases: [...entry.aliases, entry.id.replace(/-/g, ' ')].join(' \n '),
    tasks: entry.tasks.join(' \n '),
    command: entry.kind === 'command' ? `${entry.command} \n ${entry.example}` : '',
    // "--volumes-from", "--restart": people ask about a flag and expect its command.
    flags:
      entry.kind === 'command'
        ? entry.flags.map((flag) => `${flag.flag} ${flag.description}`).join(' \n ')
        : '',
    summary: entry.summary,
    tags: entry.tags.join(' '),
    body: entry.body,
  };
}

/**
 * minisearch, loaded on first use: a one-off `define` by exact name never builds an index, and
 * loading the library is a measurable part of the CLI's start. (Its CommonJS build, so that the
 * load can stay synchronous.)
 */
function loadMiniSearch(): typeof MiniSearchType {
  return createRequire(import.meta.url)('minisearch') as typeof MiniSearchType;
}

/** The rarity weight of a word in `df` of `size` entries: ln(1 + N/df), less for generic words. */
function weightFor(term: string, df: number, size: number): number {
  const rarity = Math.log(1 + size / Math.max(1, df));
  return GENERIC_WORDS.has(term) ? rarity * GENERIC_WORD_SHARE : rarity;
}

/**
 * Builds the search index of the entries: the full-text index, the document frequencies and
 * vocabulary collected while indexing, the spelling index of name words and the word weights.
 */
export function buildSearchIndex(entries: readonly Entry[], names: NameIndex): SearchIndex {
  const MiniSearch = loadMiniSearch();
  const vocabulary = new Set<string>();
  const nameWords = new Set<string>();
  const documentFrequency = new Map<string, number>();
  let termsOfDocument = new Set<string>();
  const fullText = new MiniSearch<IndexedDocument>({
    fields: FIELDS,
    tokenize,
    // Collects the vocabularies while indexing, so every text is tokenised once.
    processTerm: (term, field) => {
      const processed = processTerm(term);
      if (processed && field) {
        vocabulary.add(processed);
        termsOfDocument.add(processed);
        if (
          NAME_FIELDS.has(field) &&
          field !== 'tasks' &&
          processed.length >= MIN_SPELLING_TARGET_LENGTH
        ) {
          nameWords.add(processed);
        }
      }
      return processed;
    },
    searchOptions: { boost: BOOST, combineWith: 'OR', processTerm },
  });
  const entriesById = new Map<string, Entry>();
  for (const entry of entries) {
    entriesById.set(entry.id, entry);
    termsOfDocument = new Set();
    fullText.add(documentOf(entry));
    for (const term of termsOfDocument) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  const spelling = new MiniSearch<{ id: string; word: string }>({
    fields: ['word'],
    tokenize: (text) => [text],
    processTerm: (term) => term,
    searchOptions: { maxFuzzy: MAX_SPELLING_TYPOS },
  });
  spelling.addAll([...nameWords].map((word) => ({ id: word, word })));

  const size = entries.length;
  const weights = new Map<string, number>();
  for (const [term, df] of documentFrequency) weights.set(term, weightFor(term, df, size));
  // A question's unknown words are weighed when asked, not kept: they would grow the table.
  const weightOf = (term: string) => weights.get(term) ?? weightFor(term, 0, size);

  const phrases = new Map<string, readonly WeightedPhrase[]>();
  const phrasesOf = (entryId: string): readonly WeightedPhrase[] => {
    let found = phrases.get(entryId);
    if (!found) {
      found = names.phrasesOf(entryId).map((words) => {
        const phraseWeights = words.map(weightOf);
        return { words, weights: phraseWeights, total: phraseWeights.reduce((s, w) => s + w, 0) };
      });
      phrases.set(entryId, found);
    }
    return found;
  };

  return {
    size,
    entriesById,
    fullText,
    vocabulary,
    spelling,
    documentFrequency,
    weightOf,
    phrasesOf,
  };
}
