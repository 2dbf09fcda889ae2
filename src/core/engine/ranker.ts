import { createRequire } from 'node:module';
import type MiniSearchType from 'minisearch';
import type { SearchResult } from 'minisearch';
import type { Entry, EntryKind, KnowledgeBase } from '../types.js';
import { CommandShapes } from './command-shape.js';
import { isEnglishWord, warmDictionary } from './dictionary.js';
import type { Features } from './features.js';
import { NameIndex } from './name-index.js';
import { contentTerms, type Intent, STOP_WORDS, stem, tokenize } from './normalise.js';
import { fitsTools, type NamedTools, ToolDetector } from './tool-detection.js';

/**
 * Field weights: what an entry is called, and the jobs it is for, matter more than what its body
 * mentions. Names and task phrases weigh the same (issue 9: "indexed as strongly as names").
 */
const BOOST = {
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
const NAME_FIELDS: ReadonlySet<string> = new Set(['title', 'aliases', 'tasks', 'command']);

/**
 * How much each kind of entry is preferred for each intent (ranking only; the calibration model
 * sees `kindFit`). Tuned on the dev halves: lower command weights for how-to questions let
 * concept cards win "how do I" questions they answer better than any command. `fact` questions
 * ("can a pod have two containers?") sit between `definition` and `neutral`: they want an
 * explanation, yet "can I run …" is sometimes answered by a command; the values lifted seed and
 * breadth top-1 from 92% to 95% and 94% with the derived sets' top-1 unchanged.
 */
const KIND_WEIGHT: Readonly<Record<Intent, Readonly<Record<EntryKind, number>>>> = {
  how_to: { command: 2.5, topic: 1, glossary: 0.8 },
  definition: { glossary: 1.6, topic: 1.2, command: 0.5 },
  fact: { glossary: 1.4, topic: 1.3, command: 0.6 },
  neutral: { glossary: 1.2, topic: 1, command: 1 },
};

/**
 * The longest run of question words looked up as a name: 95% of the shipped titles and aliases
 * are six words or fewer once stop words are gone (82% are four or fewer).
 */
const NAMED_PHRASE_WORDS = 6;

/** `kindFit` feature: 1 for the kind the intent asks for, 0 for the wrong one. */
const KIND_FIT: Readonly<Record<Intent, Readonly<Record<EntryKind, number>>>> = {
  how_to: { command: 1, topic: 0.5, glossary: 0 },
  definition: { glossary: 1, topic: 1, command: 0 },
  fact: { glossary: 1, topic: 1, command: 0.25 },
  neutral: { glossary: 0.5, topic: 0.5, command: 0.5 },
};

/**
 * A tool the question only implies ("kubernetes" → kubectl) lifts that tool's cards by this
 * factor in the ranking — enough to win a tie against another tool's card, not to beat a card
 * that covers clearly more of the question.
 */
const IMPLIED_TOOL_BOOST = 1.5;
/** How many top results are re-weighed by intent and coverage. */
const RERANK_LIMIT = 50;
/** Pruning of very common query words starts at this many entries... */
const PRUNE_FROM_ENTRIES = 2000;
/** ...for words found in more than this share of entries. */
const COMMON_TERM_SHARE = 0.1;
/**
 * A word counts as meaningful for "did you mean" when its rarity weight is at least this share
 * of the rarest possible word's (a word in one entry). 0.35 keeps words in up to ~10% of the
 * shipped entries ("volume", "pod") and drops ones in most of them ("container").
 */
const MEANINGFUL_WEIGHT_SHARE = 0.35;
/**
 * A query word found only as the start of a longer word ("diff" in "difference", "pull" in
 * "pulling") is half a match: often a real inflection, often a different word.
 */
const PREFIX_MATCH_SHARE = 0.5;
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
 * `evidence` saturates: this much matched word weight counts as half the evidence there can be.
 * 10 is about two rare words (a word in one entry weighs ln(1 + entries) ≈ 6) or five common ones.
 */
const EVIDENCE_HALF = 10;
/**
 * `relevance` saturates too: a minisearch (BM25) score of this much counts as half. 500 is about
 * the median score of the best candidate for the dev questions.
 */
const RELEVANCE_HALF = 500;
/**
 * A query word is also matched as the start of longer words only while it is in at most this
 * share of the entries. A common word ("container", "image") is found as itself almost
 * everywhere, and expanding it to every longer word ("containerd", "containerfile") was a
 * quarter of the time of an ask at 1,188 entries. Measured on the dev halves and own sets: 3%
 * kept top-1 the same or better (breadth +0.5 point, docker dev +0.6) and cut ask time by ~35%.
 */
const PREFIX_UP_TO_SHARE = 0.03;
/** Words shorter than this are never spelling-corrected: too many real words are that short. */
const MIN_CORRECTABLE_LENGTH = 4;

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

/** A candidate answer from the full-text ranking, with what the decision needs to know. */
export interface Ranked {
  readonly entry: Entry;
  readonly weighted: number;
  readonly features: Features;
}

/** The outcome of ranking a question. */
export interface Ranking {
  readonly tools: NamedTools;
  /** The (corrected) terms that were searched. */
  readonly terms: readonly string[];
  readonly corrected: boolean;
  /** Best first, only entries that fit the tools the question names. */
  readonly ranked: readonly Ranked[];
}

/**
 * How much a candidate whose command has every flag the question names gains in the ranking:
 * enough to lift `docker run` (which has `--rm`) over `docker rm` for "clean up (--rm)".
 */
const FLAG_BOOST = 2;

/** The options a question names: `--stop-signal`, `-it`, `--rm` (lower case, without values). */
export function flagsOf(question: string): string[] {
  const found = new Set<string>();
  for (const match of question.toLowerCase().matchAll(/(?:^|[\s(,[])(--?[a-z][a-z0-9-]*)/g)) {
    if (match[1]) found.add(match[1]);
  }
  return [...found];
}

/** Whether a command entry documents or uses a flag. */
function hasFlag(entry: Entry, flag: string): boolean {
  if (entry.kind !== 'command') return false;
  const pattern = new RegExp(`(?:^|[\\s,=\\[(|])${flag.replace(/[-]/g, '\\-')}(?![a-z0-9-])`);
  return (
    entry.flags.some((f) => pattern.test(f.flag.toLowerCase())) ||
    pattern.test(entry.command.toLowerCase()) ||
    pattern.test(entry.example.toLowerCase())
  );
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

interface SearchIndexes {
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
        if (NAME_FIELDS.has(field) && field !== 'tasks' && processed.length >= 3) {
          nameWords.add(processed);
        }
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
 * Edit distance with swaps of neighbours counted as one typo ("kubernetse", "heluim"), with a
 * cut-off: distances above `max` are reported as `max + 1`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    beforePrevious = previous;
    previous = current;
  }
  return Math.min(previous[b.length] ?? max + 1, max + 1);
}

/** The typos a word of this length may carry and still be corrected: 1 up to 5 letters, else 2. */
export function allowedTypos(word: string): number {
  return word.length <= 5 ? 1 : 2;
}

/**
 * The search side of the engine: names, tools, spelling and full-text ranking. It finds and
 * describes candidates; `createEngine` decides whether to answer with them.
 */
export class Ranker {
  readonly names: NameIndex;
  private readonly tools: ToolDetector;
  private shapes: CommandShapes | undefined;
  /** The names and task phrases of each entry, as words with their weights, built on first use. */
  private readonly phrases = new Map<
    string,
    { words: string[]; weights: number[]; total: number }[]
  >();
  /** Word weights, computed once per word of the knowledge. */
  private readonly weights = new Map<string, number>();
  private readonly entriesById = new Map<string, Entry>();
  private built: SearchIndexes | undefined;

  constructor(private readonly knowledge: KnowledgeBase) {
    for (const entry of knowledge.entries) this.entriesById.set(entry.id, entry);
    this.names = new NameIndex(knowledge.entries);
    this.tools = new ToolDetector(knowledge.tools);
  }

  entry(id: string): Entry | undefined {
    return this.entriesById.get(id);
  }

  /** Builds the full-text indexes now; otherwise they are built on first use. */
  warm(): void {
    this.indexes();
    warmDictionary();
  }

  detectTools(question: string): NamedTools {
    return this.tools.detect(question);
  }

  private indexes(): SearchIndexes {
    this.built ??= buildIndexes(this.knowledge.entries);
    return this.built;
  }

  /**
   * Replaces misspelt words by the one nearest word of a name. A word is only a misspelling when
   * it is neither in the knowledge nor an English word ("device" is never corrected to "veth"),
   * and only when one name word is nearest (a tie is no correction).
   */
  correct(terms: readonly string[]): { terms: string[]; corrected: boolean } {
    const { vocabulary, spelling } = this.indexes();
    let corrected = false;
    const out = terms.map((term) => {
      if (vocabulary.has(term) || term.length < MIN_CORRECTABLE_LENGTH || /\d/.test(term)) {
        return term;
      }
      if (isEnglishWord(term)) return term;
      // The term may be the stem of what was typed: "ingres" was stemmed to "ingre", two edits
      // from "ingress" where the typed word is one. Both forms are tried; the closer one counts.
      const forms = term.endsWith('s') ? [term] : [term, `${term}s`];
      const nearest = new Map<string, number>();
      for (const form of forms) {
        const typos = allowedTypos(form);
        for (const hit of spelling.search(form, { fuzzy: typos, prefix: false }).slice(0, 10)) {
          const distance = editDistance(form, hit.id, typos);
          const word = hit.id as string;
          if (distance <= typos && distance < (nearest.get(word) ?? Number.POSITIVE_INFINITY)) {
            nearest.set(word, distance);
          }
        }
      }
      const near = [...nearest]
        .map(([word, distance]) => ({ word, distance }))
        .sort((a, b) => a.distance - b.distance);
      const [best, next] = near;
      if (!best || (next && next.distance === best.distance)) return term;
      corrected = true;
      return best.word;
    });
    return { terms: out, corrected };
  }

  private phrasesOf(entryId: string): { words: string[]; weights: number[]; total: number }[] {
    let phrases = this.phrases.get(entryId);
    if (!phrases) {
      phrases = this.names.phrasesOf(entryId).map((words) => {
        const weights = words.map((word) => this.weightOf(word));
        return { words: [...words], weights, total: weights.reduce((sum, w) => sum + w, 0) };
      });
      this.phrases.set(entryId, phrases);
    }
    return phrases;
  }

  /** How much a query word says: rare words much, common ones little, unknown ones most. */
  weightOf(term: string): number {
    const known = this.weights.get(term);
    if (known !== undefined) return known;
    const df = this.indexes().documentFrequency.get(term) ?? 0;
    const rarity = Math.log(1 + this.knowledge.entries.length / Math.max(1, df));
    const weight = GENERIC_WORDS.has(term) ? rarity * GENERIC_WORD_SHARE : rarity;
    // Only the knowledge's own words are kept: a question's unknown words would grow the table.
    if (df > 0) this.weights.set(term, weight);
    return weight;
  }

  /** Whether a word occurs anywhere in the knowledge. */
  knows(term: string): boolean {
    return this.indexes().vocabulary.has(term);
  }

  /**
   * In a very large knowledge base, words found in a large share of all entries ("container")
   * make every query scan most of the index while hardly changing the ranking; they are left out
   * when rarer words remain. Small bases (the shipped one) are never pruned.
   */
  private selective(terms: readonly string[]): readonly string[] {
    const { documentFrequency } = this.indexes();
    const total = this.knowledge.entries.length;
    if (total < PRUNE_FROM_ENTRIES || terms.length < 2) return terms;
    const limit = total * COMMON_TERM_SHARE;
    const kept = terms.filter((term) => (documentFrequency.get(term) ?? 0) <= limit);
    if (kept.length > 0) return kept;
    const rarest = [...terms].sort(
      (a, b) => (documentFrequency.get(a) ?? 0) - (documentFrequency.get(b) ?? 0),
    )[0];
    return rarest ? [rarest] : terms;
  }

  /** Ranks every entry for a question, best first; only entries that fit the tools it names. */
  rank(question: string, intent: Intent): Ranking {
    const tools = this.detectTools(question);
    const { terms, corrected } = this.correct(contentTerms(question));
    const flags = flagsOf(question);
    let ranked = this.rankTerms(terms, intent, tools, corrected);
    if (flags.length > 0) {
      // "(--rm)", "--stop-signal": the card whose command has the flag is the one asked about.
      ranked = ranked
        .map((r) => {
          const share = flags.filter((flag) => hasFlag(r.entry, flag)).length / flags.length;
          return {
            ...r,
            weighted: r.weighted * (1 + FLAG_BOOST * share),
            features: { ...r.features, flagMatch: share, flagMiss: 1 - share },
          };
        })
        .sort((a, b) => b.weighted - a.weighted);
      ranked = ranked.map((r, i) => {
        if (i > 0) return { ...r, features: { ...r.features, margin: 0 } };
        const next = ranked[1];
        const margin = next && r.weighted > 0 ? Math.max(0, 1 - next.weighted / r.weighted) : 1;
        return { ...r, features: { ...r.features, margin } };
      });
    }
    return { tools, terms, corrected, ranked };
  }

  /**
   * A question typed as a command line ("kubectl get pods -n kube-system") is answered by that
   * command's card or not at all: `command` is the card, undefined when the knowledge has none.
   */
  commandLine(question: string): { command?: Entry } | undefined {
    this.shapes ??= new CommandShapes(
      this.knowledge.entries,
      this.knowledge.tools,
      this.knowledge.commandNames,
    );
    const shape = this.shapes.shapeOf(question);
    if (!shape) return undefined;
    const tools = this.detectTools(question);
    const preferred = this.rankTerms(
      this.correct(contentTerms(question)).terms,
      'how_to',
      tools,
      false,
    ).map((r) => r.entry.id);
    const command = this.shapes.commandFor(
      shape,
      this.knowledge.entries.filter((entry) => fitsTools(entry, tools)),
      preferred,
    );
    return command ? { command } : {};
  }

  rankTerms(
    allTerms: readonly string[],
    intent: Intent,
    tools: NamedTools,
    corrected: boolean,
  ): Ranked[] {
    if (allTerms.length === 0) return [];
    const terms = this.selective(allTerms);
    const weights = new Map(terms.map((term) => [term, this.weightOf(term)]));
    const totalWeight = [...weights.values()].reduce((sum, w) => sum + w, 0);
    let unknownWeight = 0;
    for (const term of terms) if (!this.knows(term)) unknownWeight += weights.get(term) ?? 0;
    const unknownShare = totalWeight > 0 ? unknownWeight / totalWeight : 0;
    const { index, documentFrequency } = this.indexes();
    const prefixUpTo = this.knowledge.entries.length * PREFIX_UP_TO_SHARE;
    const results = index.search(terms.join(' '), {
      prefix: (term) => term.length >= 4 && (documentFrequency.get(term) ?? 0) <= prefixUpTo,
      fuzzy: false,
    });
    // How a word of a name matches the question, memoised for the question: exactly (1), as a
    // prefix either way of a word of four letters or more (half), or not at all.
    const termSet = new Set(terms);
    const memo = new Map<string, { strength: number; term: string }>();
    const wordMatch = (word: string) => {
      let match = memo.get(word);
      if (!match) {
        const prefixed = termSet.has(word)
          ? word
          : terms.find((t) => t.length >= 4 && (word.startsWith(t) || t.startsWith(word)));
        match = termSet.has(word)
          ? { strength: 1, term: word }
          : prefixed
            ? { strength: PREFIX_MATCH_SHARE, term: prefixed }
            : { strength: 0, term: '' };
        memo.set(word, match);
      }
      return match;
    };
    const candidates: { entry: Entry; weighted: number; features: Omit<Features, 'margin'> }[] = [];
    // Results come sorted by relevance; re-weighing the long tail cannot lift it to the top.
    // An entry one of the question's words names outright ("podman" → Podman) is always a
    // candidate: in a base with 250 podman cards, BM25 can rank it below the first 50.
    const namedOutright = this.namedBy(terms, tools);
    const named = new Set(namedOutright);
    for (const result of results) {
      const entry = this.entriesById.get(result.id as string);
      if (!entry || !fitsTools(entry, tools)) continue;
      // Past the first 50, only the named entries still missing are looked for.
      if (candidates.length >= RERANK_LIMIT && !named.has(entry.id)) {
        if (named.size === 0) break;
        continue;
      }
      named.delete(entry.id);
      candidates.push(
        this.describe(entry, result, terms, weights, totalWeight, intent, tools, {
          corrected,
          unknownShare,
          wordMatch,
          namedOutright,
        }),
      );
    }
    candidates.sort((a, b) => b.weighted - a.weighted);
    return candidates.map((candidate, i) => {
      const next = i === 0 ? candidates[1] : candidates[0];
      const margin =
        i === 0 ? (next && candidate.weighted > 0 ? 1 - next.weighted / candidate.weighted : 1) : 0;
      return {
        entry: candidate.entry,
        weighted: candidate.weighted,
        features: { ...candidate.features, margin: Math.max(0, margin) },
      };
    });
  }

  /**
   * The entries a word or a run of up to `NAMED_PHRASE_WORDS` consecutive words of the question
   * names exactly ("podman", "red hat", "stateful set"), among those that fit the tools it names.
   */
  private namedBy(terms: readonly string[], tools: NamedTools): Set<string> {
    const named = new Set<string>();
    terms.forEach((term, i) => {
      const exact = this.names.lookup(term).exact;
      if (exact && fitsTools(exact, tools)) named.add(exact.id);
      for (let n = 2; n <= NAMED_PHRASE_WORDS && i + n <= terms.length; n += 1) {
        const phrase = this.names.byStemmedWords(terms.slice(i, i + n));
        if (phrase && fitsTools(phrase, tools)) named.add(phrase.id);
      }
    });
    return named;
  }

  private describe(
    entry: Entry,
    result: SearchResult,
    terms: readonly string[],
    weights: ReadonlyMap<string, number>,
    totalWeight: number,
    intent: Intent,
    tools: NamedTools,
    context: {
      corrected: boolean;
      unknownShare: number;
      wordMatch: (word: string) => { strength: number; term: string };
      namedOutright: ReadonlySet<string>;
    },
  ): { entry: Entry; weighted: number; features: Omit<Features, 'margin'> } {
    const toolMatch = entry.tool !== undefined && tools.named.has(entry.tool) ? 1 : 0;
    // Which query words matched, and which of them matched a name (title, alias, task, command).
    // The words that named a tool are matched by that tool's cards whatever their text says; a
    // word found only as the start of a longer one ("diff" in "difference") counts half.
    let matched = 0;
    let named = 0;
    let worstMissing = 0;
    for (const term of terms) {
      let inText = 0;
      let inName = 0;
      if (toolMatch && tools.toolWords.has(term)) {
        inText = 1;
        inName = 1;
      }
      for (const [docTerm, fields] of Object.entries(result.match)) {
        if (docTerm !== term && !docTerm.startsWith(term)) continue;
        const strength = docTerm === term ? 1 : PREFIX_MATCH_SHARE;
        inText = Math.max(inText, strength);
        if (fields.some((field) => NAME_FIELDS.has(field))) inName = Math.max(inName, strength);
      }
      const weight = weights.get(term) ?? 0;
      matched += inText * weight;
      named += inName * weight;
      if (inText < 1) worstMissing = Math.max(worstMissing, (1 - inText) * weight);
    }
    const share = (w: number) => (totalWeight > 0 ? w / totalWeight : 0);
    const plainCoverage = new Set(result.queryTerms).size / terms.length;
    const coverage = share(matched);
    const nameCoverage = share(named);
    // A name or task phrase of the entry spelt out in the question (`spelled`), and how well the
    // best single one fits it from both sides (`nameFit`: "probes" fits "configure liveness
    // readiness probes" well; "virtual ethernet device" fits "device plugins" badly).
    let spelled = 0;
    let nameFit = 0;
    for (const phrase of this.phrasesOf(entry.id)) {
      let inQuestion = 0;
      let covered = 0;
      let all = true;
      phrase.words.forEach((word, i) => {
        const match = context.wordMatch(word);
        if (match.strength < 1) all = false;
        if (match.strength === 0) return;
        inQuestion += match.strength * (phrase.weights[i] ?? 0);
        covered += match.strength * (weights.get(match.term) ?? 0);
      });
      if (all) spelled = Math.max(spelled, share(covered));
      const fromName = phrase.total > 0 ? inQuestion / phrase.total : 0;
      const fromQuestion = share(covered);
      if (fromName + fromQuestion > 0) {
        nameFit = Math.max(nameFit, (2 * fromName * fromQuestion) / (fromName + fromQuestion));
      }
    }
    const implied = entry.tool !== undefined && tools.implied.has(entry.tool);
    // A tool's entry is named outright only in a question that names the tool: "hostname" in a
    // question about a container's hostname does not make it one about Compose's `hostname` key.
    const namedAsked =
      context.namedOutright.has(entry.id) &&
      KIND_FIT[intent][entry.kind] === 1 &&
      (entry.kind === 'command' || entry.tool === undefined || tools.allowed.has(entry.tool))
        ? 1
        : 0;
    const weighted =
      result.score *
      KIND_WEIGHT[intent][entry.kind] *
      coverage *
      (1 + nameCoverage) *
      (1 + 2 * spelled) *
      (implied ? IMPLIED_TOOL_BOOST : 1);
    return {
      entry,
      weighted,
      features: {
        coverage,
        plainCoverage,
        nameCoverage,
        spelled,
        nameFit,
        flagMatch: 0,
        flagMiss: 0,
        shortQuestion: terms.length <= 1 ? 1 : 0,
        evidence: matched / (matched + EVIDENCE_HALF),
        relevance: result.score / (result.score + RELEVANCE_HALF),
        corrected: context.corrected ? 1 : 0,
        kindFit: KIND_FIT[intent][entry.kind],
        namedAsked,
        toolMatch,
        unknownShare: context.unknownShare,
        worstMissing: share(worstMissing),
      },
    };
  }

  /**
   * "Did you mean": entries whose names or task phrases share a meaningful word with the
   * question (or a close spelling of one), best first. A word found in most entries
   * ("container") or an English word the knowledge never uses ("weather") is not meaningful, so
   * an off-topic question gets no suggestions.
   */
  suggestions(question: string, limit: number, exclude?: string): Entry[] {
    const tools = this.detectTools(question);
    const { terms } = this.correct(
      contentTerms(question).filter((t) => t.length >= 3 && !tools.toolWords.has(t)),
    );
    const ceiling = Math.log(1 + this.knowledge.entries.length);
    const meaningful = terms.filter(
      (term) => this.knows(term) && this.weightOf(term) >= ceiling * MEANINGFUL_WEIGHT_SHARE,
    );
    // A fragment of a name ("kry", "kubel") is a close spelling too: it finds names it starts.
    const fragments = terms.filter((term) => !this.knows(term) && !isEnglishWord(term));
    if (meaningful.length === 0 && fragments.length === 0) return [];
    const nameFields = ['title', 'aliases', 'tasks', 'command'];
    const found = [
      ...(meaningful.length > 0
        ? this.indexes().index.search(meaningful.join(' '), {
            fields: nameFields,
            prefix: (term) => term.length >= 5,
            fuzzy: false,
          })
        : []),
      ...(fragments.length > 0
        ? this.indexes().index.search(fragments.join(' '), {
            fields: ['title', 'aliases', 'command'],
            prefix: true,
            fuzzy: false,
          })
        : []),
    ];
    const seen = new Set<string>();
    const out: Entry[] = [];
    for (const result of found) {
      const entry = this.entriesById.get(result.id as string);
      if (!entry || entry.id === exclude || seen.has(entry.id) || !fitsTools(entry, tools))
        continue;
      seen.add(entry.id);
      out.push(entry);
      if (out.length >= limit) break;
    }
    return out;
  }
}
