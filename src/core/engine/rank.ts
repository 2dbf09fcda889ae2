import type { SearchResult } from 'minisearch';
import type { Entry, EntryKind } from '../types.js';
import type { Features } from './features.js';
import { hasFlag } from './flags.js';
import type { NameIndex } from './name-index.js';
import type { Intent } from './normalise.js';
import { NAME_FIELDS, type SearchIndex } from './search-index.js';
import { fitsTools, type NamedTools } from './tool-detection.js';

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
 * `kindFit` feature: 1 for the kind the intent asks for, 0 for the wrong one, and between for a
 * kind that may answer: a topic for a how-to, any kind for a neutral question (0.5), a command
 * for a fact question, now and then right (0.25). Set by hand (commits 499f516, 5bbe078); the
 * calibration model fits how much the feature counts.
 */
const KIND_FIT: Readonly<Record<Intent, Readonly<Record<EntryKind, number>>>> = {
  how_to: { command: 1, topic: 0.5, glossary: 0 },
  definition: { glossary: 1, topic: 1, command: 0 },
  fact: { glossary: 1, topic: 1, command: 0.25 },
  neutral: { glossary: 0.5, topic: 0.5, command: 0.5 },
};

/**
 * The longest run of question words looked up as a name: 95% of the shipped titles and aliases
 * are six words or fewer once stop words are gone (82% are four or fewer).
 */
const NAMED_PHRASE_WORDS = 6;
/**
 * A tool the question only implies ("kubernetes" → kubectl) lifts that tool's cards by this
 * factor in the ranking — enough to win a tie against another tool's card, not to beat a card
 * that covers clearly more of the question.
 */
const IMPLIED_TOOL_BOOST = 1.5;
/**
 * How much a candidate whose command has every flag the question names gains in the ranking:
 * enough to lift `docker run` (which has `--rm`) over `docker rm` for "clean up (--rm)".
 */
const FLAG_BOOST = 2;
/**
 * The ranking multiplies by (1 + this × `nameCoverage`): a question matched wholly in an entry's
 * names counts up to twice one matched only in its text. Set with rarity ranking (commit 6af8241)
 * and kept since: the calibration model weighs `nameCoverage` on its own as well.
 */
const NAME_COVERAGE_BOOST = 1;
/**
 * The ranking multiplies by (1 + this × `spelled`): a name or task phrase spelt out in full,
 * taking the whole question, triples a candidate, which lifts the card a question names over
 * long bodies that mention every word. Set with rarity ranking (commit 6af8241), kept since.
 */
const SPELLED_BOOST = 2;
/** How many top results are re-weighed by intent and coverage. */
const RERANK_LIMIT = 50;
/** Pruning of very common query words starts at this many entries... */
const PRUNE_FROM_ENTRIES = 2000;
/** ...for words found in more than this share of entries. */
const COMMON_TERM_SHARE = 0.1;
/**
 * A query word found only as the start of a longer word ("diff" in "difference", "pull" in
 * "pulling") is half a match: often a real inflection, often a different word.
 */
const PREFIX_MATCH_SHARE = 0.5;
/**
 * Prefix matching, either way, only for words of at least this many letters: a shorter word
 * ("pod", "run", "tag") starts too many unrelated words. Chosen by hand, not tuned.
 */
const MIN_PREFIX_LENGTH = 4;
/**
 * A query word is also matched as the start of longer words only while it is in at most this
 * share of the entries. A common word ("container", "image") is found as itself almost
 * everywhere, and expanding it to every longer word ("containerd", "containerfile") was a
 * quarter of the time of an ask at 1,188 entries. Measured on the dev halves and own sets: 3%
 * kept top-1 the same or better (breadth +0.5 point, docker dev +0.6) and cut ask time by ~35%.
 */
const PREFIX_UP_TO_SHARE = 0.03;
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

/** A candidate answer from the full-text ranking, with what the decision needs to know. */
export interface Ranked {
  readonly entry: Entry;
  readonly weighted: number;
  readonly features: Features;
}

/** What is ranked: a question's (corrected) content terms and the options it names. */
export interface RankQuery {
  readonly terms: readonly string[];
  /** The options the question names (`flagsOf`); none for a plain ranking. */
  readonly flags: readonly string[];
  /** Whether a term had to be corrected (the `corrected` feature). */
  readonly corrected: boolean;
}

type Described = { entry: Entry; weighted: number; features: Omit<Features, 'margin'> };
type WordMatch = (word: string) => { strength: number; term: string };

/**
 * In a very large knowledge base, words found in a large share of all entries ("container")
 * make every query scan most of the index while hardly changing the ranking; they are left out
 * when rarer words remain. Small bases (the shipped one) are never pruned.
 */
function selective(index: SearchIndex, terms: readonly string[]): readonly string[] {
  const { documentFrequency } = index;
  const total = index.size;
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
 * The entries a word or a run of up to `NAMED_PHRASE_WORDS` consecutive words of the question
 * names exactly ("podman", "red hat", "stateful set"), among those that fit the tools it names.
 */
function namedBy(names: NameIndex, terms: readonly string[], tools: NamedTools): Set<string> {
  const named = new Set<string>();
  terms.forEach((term, i) => {
    const exact = names.lookup(term).exact;
    if (exact && fitsTools(exact, tools)) named.add(exact.id);
    for (let n = 2; n <= NAMED_PHRASE_WORDS && i + n <= terms.length; n += 1) {
      const phrase = names.byStemmedWords(terms.slice(i, i + n));
      if (phrase && fitsTools(phrase, tools)) named.add(phrase.id);
    }
  });
  return named;
}

/**
 * How a word of a name matches the question, memoised for the question: exactly (1), as a prefix
 * either way of a word of `MIN_PREFIX_LENGTH` letters or more (`PREFIX_MATCH_SHARE`), or not.
 */
function wordMatcher(terms: readonly string[]): WordMatch {
  const termSet = new Set(terms);
  const memo = new Map<string, { strength: number; term: string }>();
  return (word: string) => {
    let match = memo.get(word);
    if (!match) {
      const prefixed = termSet.has(word)
        ? word
        : terms.find(
            (t) => t.length >= MIN_PREFIX_LENGTH && (word.startsWith(t) || t.startsWith(word)),
          );
      match = termSet.has(word)
        ? { strength: 1, term: word }
        : prefixed
          ? { strength: PREFIX_MATCH_SHARE, term: prefixed }
          : { strength: 0, term: '' };
      memo.set(word, match);
    }
    return match;
  };
}

/**
 * Ranks the entries for a question's terms, best first: only entries that fit the tools it
 * names, re-weighed by intent, coverage, names spelt out and the options it names. A pure
 * function of its arguments (the index and the name index never change).
 */
export function rankCandidates(
  index: SearchIndex,
  names: NameIndex,
  query: RankQuery,
  intent: Intent,
  tools: NamedTools,
): Ranked[] {
  const ranked = rankTerms(index, names, query.terms, intent, tools, query.corrected);
  return query.flags.length > 0 ? liftFlagged(ranked, query.flags) : ranked;
}

function rankTerms(
  index: SearchIndex,
  names: NameIndex,
  allTerms: readonly string[],
  intent: Intent,
  tools: NamedTools,
  corrected: boolean,
): Ranked[] {
  if (allTerms.length === 0) return [];
  const terms = selective(index, allTerms);
  const weights = new Map(terms.map((term) => [term, index.weightOf(term)]));
  const totalWeight = [...weights.values()].reduce((sum, w) => sum + w, 0);
  let unknownWeight = 0;
  for (const term of terms) {
    if (!index.vocabulary.has(term)) unknownWeight += weights.get(term) ?? 0;
  }
  const unknownShare = totalWeight > 0 ? unknownWeight / totalWeight : 0;
  const { fullText, documentFrequency } = index;
  const prefixUpTo = index.size * PREFIX_UP_TO_SHARE;
  const results = fullText.search(terms.join(' '), {
    prefix: (term) =>
      term.length >= MIN_PREFIX_LENGTH && (documentFrequency.get(term) ?? 0) <= prefixUpTo,
    fuzzy: false,
  });
  const wordMatch = wordMatcher(terms);
  const candidates: Described[] = [];
  // Results come sorted by relevance; re-weighing the long tail cannot lift it to the top.
  // An entry one of the question's words names outright ("podman" → Podman) is always a
  // candidate: in a base with 250 podman cards, BM25 can rank it below the first 50.
  const namedOutright = namedBy(names, terms, tools);
  const named = new Set(namedOutright);
  for (const result of results) {
    const entry = index.entriesById.get(result.id as string);
    if (!entry || !fitsTools(entry, tools)) continue;
    // Past the first 50, only the named entries still missing are looked for.
    if (candidates.length >= RERANK_LIMIT && !named.has(entry.id)) {
      if (named.size === 0) break;
      continue;
    }
    named.delete(entry.id);
    candidates.push(
      describe(index, entry, result, terms, weights, totalWeight, intent, tools, {
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

/** "(--rm)", "--stop-signal": the card whose command has the flag is the one asked about. */
function liftFlagged(ranked: readonly Ranked[], flags: readonly string[]): Ranked[] {
  const lifted = ranked
    .map((r) => {
      const share = flags.filter((flag) => hasFlag(r.entry, flag)).length / flags.length;
      return {
        ...r,
        weighted: r.weighted * (1 + FLAG_BOOST * share),
        features: { ...r.features, flagMatch: share, flagMiss: 1 - share },
      };
    })
    .sort((a, b) => b.weighted - a.weighted);
  return lifted.map((r, i) => {
    if (i > 0) return { ...r, features: { ...r.features, margin: 0 } };
    const next = lifted[1];
    const margin = next && r.weighted > 0 ? Math.max(0, 1 - next.weighted / r.weighted) : 1;
    return { ...r, features: { ...r.features, margin } };
  });
}

function describe(
  index: SearchIndex,
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
    wordMatch: WordMatch;
    namedOutright: ReadonlySet<string>;
  },
): Described {
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
  // best single one fits it from both sides (`nameFit`, the harmonic mean of the two shares:
  // "probes" fits "configure liveness readiness probes" well; "virtual ethernet device" fits
  // "device plugins" badly).
  let spelled = 0;
  let nameFit = 0;
  for (const phrase of index.phrasesOf(entry.id)) {
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
    (1 + NAME_COVERAGE_BOOST * nameCoverage) *
    (1 + SPELLED_BOOST * spelled) *
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
