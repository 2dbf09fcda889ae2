import { createRequire } from 'node:module';
import type MiniSearchType from 'minisearch';
import type { SearchResult } from 'minisearch';
import type {
  Answer,
  AnswerEngine,
  Entry,
  EntryKind,
  EntryRef,
  FoundAnswer,
  KnowledgeBase,
  SearchHit,
} from '../types.js';
import { answerFor, noAnswer, refOf } from './build-answer.js';
import { NameIndex } from './name-index.js';
import {
  contentTerms,
  detectIntent,
  type Intent,
  MAX_QUERY_LENGTH,
  normaliseKey,
  STOP_WORDS,
  stem,
  tokenize,
} from './normalise.js';
import { dayNumber, pickTermOfDay } from './term-of-day.js';

/** Field weights: what an entry is called matters more than what its body mentions. */
const BOOST = { title: 6, aliases: 6, command: 3, summary: 2, tags: 1.5, body: 1 } as const;
const FIELDS = Object.keys(BOOST);
const NAME_FIELDS: ReadonlySet<string> = new Set(['title', 'aliases', 'command']);

/** How much each kind of entry is preferred for each intent. */
const KIND_WEIGHT: Readonly<Record<Intent, Readonly<Record<EntryKind, number>>>> = {
  how_to: { command: 2.5, topic: 1, glossary: 0.8 },
  definition: { glossary: 1.6, topic: 1.2, command: 0.5 },
  neutral: { glossary: 1.2, topic: 1, command: 1 },
};

/** Below this confidence the engine says it does not know rather than guess. */
const MIN_CONFIDENCE = 0.5;
/** `define` is stricter than `ask`: a card for the wrong term is worse than "did you mean". */
const MIN_DEFINE_CONFIDENCE = 0.75;
/** A spelling correction costs some confidence. */
const CORRECTION_PENALTY = 0.85;
const SUGGESTION_LIMIT = 25;
/** How many top results are re-weighed by intent and coverage. */
const RERANK_LIMIT = 50;
/** Pruning of very common query words starts at this many entries... */
const PRUNE_FROM_ENTRIES = 2000;
/** ...for words found in more than this share of entries. */
const COMMON_TERM_SHARE = 0.1;
const NEAREST_LIMIT = 5;
/** Score of an answer found by part of a title ("namespace" for "Namespace (Kubernetes)"). */
const PARTIAL_NAME_SCORE = 0.95;
/** `define` asks back when the runner-up scores at least this share of the best. */
const AMBIGUITY_RATIO = 0.8;

interface IndexedDocument {
  readonly id: string;
  readonly title: string;
  readonly aliases: string;
  readonly command: string;
  readonly summary: string;
  readonly tags: string;
  readonly body: string;
}

interface Ranked {
  readonly entry: Entry;
  readonly confidence: number;
  readonly weighted: number;
}

/** Index-time term processing, also applied to query terms. */
function processTerm(term: string): string | null {
  return STOP_WORDS.has(term) ? null : stem(term);
}

/** Trims and bounds user input; the engine never sees more than `MAX_QUERY_LENGTH` characters. */
function cleanQuery(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
}

function documentOf(entry: Entry): IndexedDocument {
  return {
    id: entry.id,
    title: entry.title,
    // The id's words are names too: `podman-pod-create` finds the entry it names.
    aliases: [...entry.aliases, entry.id.replace(/-/g, ' ')].join(' \n '),
    command: entry.kind === 'command' ? `${entry.command} \n ${entry.example}` : '',
    summary: entry.summary,
    tags: entry.tags.join(' '),
    body: entry.body,
  };
}

interface SearchIndexes {
  /** Every entry, all fields. */
  readonly index: MiniSearchType<IndexedDocument>;
  /** Every processed term of the index, to tell known words from misspellings. */
  readonly vocabulary: ReadonlySet<string>;
  /** The words names are made of: what a misspelt word is corrected to. */
  readonly spelling: MiniSearchType<{ id: string; word: string }>;
  /** In how many entries each term occurs. */
  readonly documentFrequency: ReadonlyMap<string, number>;
}

/**
 * minisearch, loaded on first use: a one-off `define` by exact name never builds an index, and
 * loading the library is a measurable part of the CLI's start. (Its CommonJS build, so that the
 * load can stay synchronous.)
 */
function loadMiniSearch(): typeof MiniSearchType {
  return createRequire(import.meta.url)('minisearch') as typeof MiniSearchType;
}

function buildIndexes(entries: readonly Entry[]): SearchIndexes {
  const MiniSearch = loadMiniSearch();
  const vocabulary = new Set<string>();
  const nameWords = new Set<string>();
  const documentFrequency = new Map<string, number>();
  let termsOfDocument = new Set<string>();
  const index = new MiniSearch<IndexedDocument>({
    fields: FIELDS,
    tokenize,
    // Collects the vocabularies while indexing, so every text is tokenised once.
    processTerm: (term, field) => {
      const processed = processTerm(term);
      if (processed && field) {
        vocabulary.add(processed);
        termsOfDocument.add(processed);
        if (NAME_FIELDS.has(field) && processed.length >= 3) nameWords.add(processed);
      }
      return processed;
    },
    searchOptions: { boost: BOOST, combineWith: 'OR', processTerm },
  });
  for (const entry of entries) {
    termsOfDocument = new Set();
    index.add(documentOf(entry));
    for (const term of termsOfDocument) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  const spelling = new MiniSearch<{ id: string; word: string }>({
    fields: ['word'],
    tokenize: (text) => [text],
    processTerm: (term) => term,
    searchOptions: { maxFuzzy: 2 },
  });
  spelling.addAll([...nameWords].map((word) => ({ id: word, word })));
  return { index, vocabulary, spelling, documentFrequency };
}

/**
 * Builds the answer engine over a validated knowledge base: a minisearch index of every entry,
 * a table of every name (title, alias, id) for exact look-ups, and a vocabulary of name words for
 * spelling correction.
 */
export function createEngine(knowledge: KnowledgeBase): AnswerEngine {
  const entriesById = new Map<string, Entry>();
  for (const entry of knowledge.entries) entriesById.set(entry.id, entry);

  const names = new NameIndex(knowledge.entries);

  // The full-text indexes are built on first use: a `define` by exact name never needs them,
  // which keeps one-off CLI calls fast. Long-running bots build them at start with `warm()`.
  let built: SearchIndexes | undefined;
  const indexes = (): SearchIndexes => {
    built ??= buildIndexes(knowledge.entries);
    return built;
  };

  const glossary = knowledge.entries.filter((entry) => entry.kind === 'glossary');
  const size: Record<EntryKind, number> = { glossary: 0, topic: 0, command: 0 };
  for (const entry of knowledge.entries) size[entry.kind] += 1;

  /** Replaces unknown words by the nearest word of a name, when there is one close enough. */
  function correct(terms: readonly string[]): { terms: string[]; corrected: boolean } {
    const { vocabulary, spelling } = indexes();
    let corrected = false;
    const out = terms.map((term) => {
      if (vocabulary.has(term) || term.length < 4 || /^\d+$/.test(term)) return term;
      const distance = term.length <= 5 ? 1 : 2;
      const [best] = spelling.search(term, { fuzzy: distance, prefix: true });
      if (!best) return term;
      corrected ||= best.id !== term;
      return best.id as string;
    });
    return { terms: out, corrected };
  }

  /**
   * In a very large knowledge base, words found in a large share of all entries ("container")
   * make every query scan most of the index while hardly changing the ranking; they are left out
   * when rarer words remain. Small bases (the shipped one) are never pruned.
   */
  function selective(terms: readonly string[]): readonly string[] {
    const { documentFrequency } = indexes();
    const total = knowledge.entries.length;
    if (total < PRUNE_FROM_ENTRIES || terms.length < 2) return terms;
    const limit = total * COMMON_TERM_SHARE;
    const kept = terms.filter((term) => (documentFrequency.get(term) ?? 0) <= limit);
    if (kept.length > 0) return kept;
    const rarest = [...terms].sort(
      (a, b) => (documentFrequency.get(a) ?? 0) - (documentFrequency.get(b) ?? 0),
    )[0];
    return rarest ? [rarest] : terms;
  }

  /**
   * How much a query word says: rare words (`mount`, `krypton`) much, common ones (`container`,
   * `work`) little, unknown ones (`weather`) most — so a missing rare word costs confidence and a
   * missing common word hardly any.
   */
  function weightOf(term: string): number {
    const df = indexes().documentFrequency.get(term) ?? 0;
    return Math.log(1 + knowledge.entries.length / Math.max(1, df));
  }

  function rank(allTerms: readonly string[], intent: Intent, penalty: number): Ranked[] {
    if (allTerms.length === 0) return [];
    const terms = selective(allTerms);
    const weights = new Map(terms.map((term) => [term, weightOf(term)]));
    const totalWeight = [...weights.values()].reduce((sum, w) => sum + w, 0);
    const results = indexes().index.search(terms.join(' '), {
      prefix: (term) => term.length >= 4,
      fuzzy: false,
    });
    // Results come sorted by relevance; re-weighing the long tail cannot lift it to the top.
    return results
      .slice(0, RERANK_LIMIT)
      .map((result: SearchResult): Ranked | undefined => {
        const entry = entriesById.get(result.id as string);
        if (!entry) return undefined;
        // Which query words matched, and which of them matched a name (title, alias, command).
        let matched = 0;
        let named = 0;
        for (const term of terms) {
          let inText = false;
          let inName = false;
          for (const [docTerm, fields] of Object.entries(result.match)) {
            if (docTerm !== term && !docTerm.startsWith(term)) continue;
            inText = true;
            if (fields.some((field) => NAME_FIELDS.has(field))) inName = true;
          }
          const weight = weights.get(term) ?? 0;
          if (inText) matched += weight;
          if (inName) named += weight;
        }
        const plainCoverage = new Set(result.queryTerms).size / terms.length;
        const weightedCoverage = totalWeight > 0 ? matched / totalWeight : 0;
        const nameCoverage = totalWeight > 0 ? named / totalWeight : 0;
        // A name of the entry spelt out in the question ("what does the mount namespace do").
        let spelled = 0;
        for (const words of names.wordsOf(entry.id)) {
          if (words.every((word) => terms.includes(word))) {
            const weight = words.reduce((sum, word) => sum + (weights.get(word) ?? 0), 0);
            spelled = Math.max(spelled, totalWeight > 0 ? weight / totalWeight : 0);
          }
        }
        const coverage = (plainCoverage + weightedCoverage) / 2;
        const confidence =
          Math.min(1, coverage * (0.7 + 0.3 * Math.min(1, nameCoverage * 2)) + spelled * 0.3) *
          penalty;
        const weighted =
          result.score *
          KIND_WEIGHT[intent][entry.kind] *
          weightedCoverage *
          (1 + nameCoverage) *
          (1 + 2 * spelled);
        return { entry, confidence, weighted };
      })
      .filter((r): r is Ranked => r !== undefined)
      .sort((a, b) => b.weighted - a.weighted);
  }

  /**
   * Near misses for "did you mean": names matching the spelling-corrected words, best first.
   * Fuzzy matching runs on the small vocabulary of names, never on the whole index.
   */
  function nearest(text: string, exclude?: string): EntryRef[] {
    const terms = correct(contentTerms(text).filter((t) => t.length >= 3)).terms;
    if (terms.length === 0) return [];
    return indexes()
      .index.search(terms.join(' '), {
        fields: ['title', 'aliases', 'command'],
        prefix: true,
        fuzzy: false,
      })
      .slice(0, NEAREST_LIMIT + 1)
      .map((result) => entriesById.get(result.id as string))
      .filter((entry): entry is Entry => entry !== undefined && entry.id !== exclude)
      .slice(0, NEAREST_LIMIT)
      .map(refOf);
  }

  function answer(entry: Entry, query: string, score: number): FoundAnswer {
    return answerFor(entry, query, score, knowledge, entriesById);
  }

  /**
   * `strict` (define) asks back rather than pick between equally good names; `ask` takes the
   * best answer and lets the related links do the rest.
   */
  function respond(query: string, intent: Intent, minConfidence: number, strict: boolean): Answer {
    if (!normaliseKey(query)) return noAnswer(query, 'empty', []);
    const named = names.lookup(query);
    if (named.exact) return answer(named.exact, query, 1);
    const [only, ...others] = named.partial;
    if (only && others.length === 0) return answer(only, query, PARTIAL_NAME_SCORE);
    if (only && strict) return noAnswer(query, 'not_found', named.partial.map(refOf));

    const terms = contentTerms(query);
    const { terms: fixed, corrected } = correct(terms);
    if (corrected) {
      const fixedName = names.byStemmedWords(fixed);
      if (fixedName) return answer(fixedName, query, CORRECTION_PENALTY);
    }
    const ranked = rank(fixed, intent, corrected ? CORRECTION_PENALTY : 1);
    const [best, second] = ranked;
    if (best && best.confidence >= minConfidence) {
      // A definition card must be the term asked for: when two names fit equally well, ask back.
      if (
        strict &&
        second &&
        second.confidence >= best.confidence &&
        second.weighted >= best.weighted * AMBIGUITY_RATIO
      ) {
        return noAnswer(
          query,
          'not_found',
          ranked.slice(0, NEAREST_LIMIT).map((r) => refOf(r.entry)),
        );
      }
      return answer(best.entry, query, best.confidence);
    }
    return noAnswer(query, 'not_found', nearest(fixed.join(' ') || query));
  }

  return {
    size,

    warm() {
      indexes();
    },

    define(term) {
      return respond(cleanQuery(term), 'definition', MIN_DEFINE_CONFIDENCE, true);
    },

    ask(question) {
      const query = cleanQuery(question);
      return respond(query, detectIntent(query), MIN_CONFIDENCE, false);
    },

    search(query, limit = 10) {
      const cleaned = cleanQuery(query);
      const { terms, corrected } = correct(contentTerms(cleaned));
      const max = Math.max(0, Math.min(Math.floor(limit), 100));
      return rank(terms, 'neutral', corrected ? CORRECTION_PENALTY : 1)
        .slice(0, max)
        .map(
          ({ entry, confidence }): SearchHit => ({
            ...refOf(entry),
            summary: entry.summary,
            score: Math.round(confidence * 1000) / 1000,
          }),
        );
    },

    suggest(prefix) {
      const key = normaliseKey(prefix.slice(0, MAX_QUERY_LENGTH));
      const chosen = new Map<string, Entry>();
      const add = (entry: Entry) => {
        if (chosen.size < SUGGESTION_LIMIT && !chosen.has(entry.id)) chosen.set(entry.id, entry);
      };
      if (!key) {
        for (const entry of [...glossary].sort((a, b) => a.title.localeCompare(b.title))) {
          add(entry);
        }
        return [...chosen.values()].map(refOf);
      }
      for (const name of names.sorted()) if (name.key.startsWith(key)) add(name.entry);
      for (const name of names.sorted()) if (name.key.includes(key)) add(name.entry);
      if (chosen.size < SUGGESTION_LIMIT) {
        for (const ref of nearest(prefix.slice(0, MAX_QUERY_LENGTH))) {
          const entry = entriesById.get(ref.id);
          if (entry) add(entry);
        }
      }
      return [...chosen.values()].map(refOf);
    },

    termOfDay(date) {
      const day = dayNumber(date);
      if (day === undefined) {
        throw new RangeError(`termOfDay: "${date}" is not a calendar date in the form YYYY-MM-DD`);
      }
      return answer(pickTermOfDay(glossary, day), date, 1);
    },
  };
}
