import type {
  Answer,
  AnswerEngine,
  Entry,
  EntryKind,
  FoundAnswer,
  KnowledgeBase,
  SearchHit,
} from '../types.js';
import { answerFor, noAnswer, refOf } from './build-answer.js';
import {
  ANSWER_AT,
  ASK_BACK_AT,
  ASK_BACK_MARGIN,
  type MatchPath,
  probabilityRight,
} from './calibration.js';
import type { Features } from './features.js';
import {
  cleanQuery,
  contentTerms,
  detectIntent,
  type Intent,
  MAX_QUERY_LENGTH,
  normaliseKey,
} from './normalise.js';
import { Ranker } from './ranker.js';
import { dayNumber, pickTermOfDay } from './term-of-day.js';

/** Autocomplete offers at most this many names (Discord's and Slack's limit is 25). */
const SUGGESTION_LIMIT = 25;
/** "Did you mean" lists at most this many entries: more is a search, not a suggestion. */
const NEAREST_LIMIT = 5;

/** What the engine would answer, before it is turned into a card: for `npm run calibrate`. */
export type Decision =
  | {
      readonly kind: 'candidate';
      readonly entry: Entry;
      readonly path: MatchPath;
      readonly probability: number;
      /** Present for ranked candidates: what the calibration model saw. */
      readonly features?: Features;
      /** The entries the engine would offer if it did not answer, best first. */
      readonly alternatives: readonly Entry[];
    }
  | { readonly kind: 'none'; readonly alternatives: readonly Entry[] };

/**
 * The engine's decisions, with the evidence behind them. `createEngine` turns them into answers;
 * the calibration script reads them to fit the score.
 */
export interface DecisionMaker {
  decideDefine(term: string): Decision;
  decideAsk(question: string): Decision;
}

/** What `define` finds by name alone: a name, a part of a title, an acronym, or a typo of one. */
function byName(ranker: Ranker, query: string): Decision {
  const { names } = ranker;
  const named = names.lookup(query);
  if (named.exact) return candidate(named.exact, 'name');
  const [only, ...others] = named.partial;
  if (only && others.length === 0) return candidate(only, 'partial');
  if (only) return { kind: 'none', alternatives: named.partial };
  const acronym = names.byAcronym(query);
  if (acronym) return candidate(acronym, 'acronym');
  // A misspelling of a whole name: every word either right or one unambiguous typo away.
  const { terms, corrected } = ranker.correct(contentTerms(query));
  if (corrected) {
    const fixed = names.byStemmedWords(terms);
    if (fixed) return candidate(fixed, 'spelling');
  }
  return { kind: 'none', alternatives: [] };
}

function candidate(entry: Entry, path: MatchPath): Decision {
  return { kind: 'candidate', entry, path, probability: probabilityRight(path), alternatives: [] };
}

/** Builds the decisions over a validated knowledge base (shared by the engine and calibration). */
export function createDecisionMaker(knowledge: KnowledgeBase): DecisionMaker & { ranker: Ranker } {
  const ranker = new Ranker(knowledge);

  const alternativesFor = (query: string, first?: Entry): Entry[] => {
    const rest = ranker.suggestions(query, NEAREST_LIMIT, first?.id);
    return (first ? [first, ...rest] : rest).slice(0, NEAREST_LIMIT);
  };

  return {
    ranker,

    decideDefine(term) {
      if (!normaliseKey(term)) return { kind: 'none', alternatives: [] };
      const decision = byName(ranker, term);
      if (decision.kind === 'candidate') return decision;
      return {
        kind: 'none',
        alternatives:
          decision.alternatives.length > 0 ? decision.alternatives : alternativesFor(term),
      };
    },

    decideAsk(question) {
      if (!normaliseKey(question)) return { kind: 'none', alternatives: [] };
      const decision = byName(ranker, question);
      if (decision.kind === 'candidate') return decision;
      const typed = ranker.commandLine(question);
      if (typed?.command) return candidate(typed.command, 'command');
      if (typed) return { kind: 'none', alternatives: alternativesFor(question) };
      const intent: Intent = detectIntent(question);
      const { ranked } = ranker.rank(question, intent);
      const [best, second] = ranked;
      if (!best) return { kind: 'none', alternatives: alternativesFor(question) };
      return {
        kind: 'candidate',
        entry: best.entry,
        path: 'ranked',
        features: best.features,
        probability: probabilityRight('ranked', best.features),
        alternatives: [best.entry, ...(second ? [second.entry] : [])],
      };
    },
  };
}

/**
 * Builds the answer engine over a validated knowledge base. It answers only when its calibrated
 * estimate that the card is right reaches `ANSWER_AT`; a near miss is offered back as the first
 * "did you mean" choice; anything else is an honest "I don't know" with suggestions that share a
 * meaningful word with the question.
 */
export function createEngine(knowledge: KnowledgeBase): AnswerEngine {
  const decisions = createDecisionMaker(knowledge);
  const { ranker } = decisions;
  const entriesById = new Map<string, Entry>();
  for (const entry of knowledge.entries) entriesById.set(entry.id, entry);

  const glossary = knowledge.entries.filter((entry) => entry.kind === 'glossary');
  const size: Record<EntryKind, number> = { glossary: 0, topic: 0, command: 0 };
  for (const entry of knowledge.entries) size[entry.kind] += 1;

  function answer(entry: Entry, query: string, score: number): FoundAnswer {
    return answerFor(entry, query, score, knowledge.sources, (id) => {
      const other = entriesById.get(id);
      return other ? refOf(other) : undefined;
    });
  }

  function respond(query: string, decision: Decision): Answer {
    if (!normaliseKey(query)) return noAnswer(query, 'empty', []);
    if (decision.kind === 'candidate') {
      if (decision.probability >= ANSWER_AT) {
        return answer(decision.entry, query, decision.probability);
      }
      if (
        decision.probability >= ASK_BACK_AT &&
        (decision.features?.margin ?? 0) >= ASK_BACK_MARGIN
      ) {
        const rest = ranker.suggestions(query, NEAREST_LIMIT, decision.entry.id);
        return noAnswer(
          query,
          'unsure',
          [decision.entry, ...rest].slice(0, NEAREST_LIMIT).map(refOf),
        );
      }
      return noAnswer(query, 'not_found', ranker.suggestions(query, NEAREST_LIMIT).map(refOf));
    }
    return noAnswer(query, 'not_found', decision.alternatives.map(refOf));
  }

  return {
    size,

    warm() {
      ranker.warm();
    },

    define(term) {
      const query = cleanQuery(term);
      return respond(query, decisions.decideDefine(query));
    },

    ask(question) {
      const query = cleanQuery(question);
      return respond(query, decisions.decideAsk(query));
    },

    search(query, limit = 10) {
      const cleaned = cleanQuery(query);
      const max = Math.max(0, Math.min(Math.floor(limit), 100));
      return ranker
        .rank(cleaned, 'neutral')
        .ranked.slice(0, max)
        .map(
          ({ entry, features }): SearchHit => ({
            ...refOf(entry),
            summary: entry.summary,
            score: Math.round(features.coverage * 1000) / 1000,
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
      const names = ranker.names.sorted();
      for (const name of names) if (name.key.startsWith(key)) add(name.entry);
      for (const name of names) if (name.key.includes(key)) add(name.entry);
      if (chosen.size < SUGGESTION_LIMIT) {
        for (const entry of ranker.suggestions(prefix.slice(0, MAX_QUERY_LENGTH), NEAREST_LIMIT)) {
          add(entry);
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
