import type { Entry, KnowledgeBase } from '../types.js';
import { CommandShapes } from './command-shape.js';
import { warmDictionary } from './dictionary.js';
import { didYouMean } from './did-you-mean.js';
import { flagsOf } from './flags.js';
import { NameIndex } from './name-index.js';
import { contentTerms, type Intent } from './normalise.js';
import { type Ranked, rankCandidates } from './rank.js';
import { buildSearchIndex, type SearchIndex } from './search-index.js';
import { correctSpelling } from './spelling.js';
import { fitsTools, type NamedTools, ToolDetector } from './tool-detection.js';

/** The outcome of ranking a question. */
export interface Ranking {
  readonly tools: NamedTools;
  /** The (corrected) terms that were searched. */
  readonly terms: readonly string[];
  readonly corrected: boolean;
  /** Best first, only entries that fit the tools the question names. */
  readonly ranked: readonly Ranked[];
}

/** The shortest question word "did you mean" looks at: shorter ones match too many names. */
const MIN_SUGGESTION_WORD_LENGTH = 3;

/**
 * The search side of the engine, over one knowledge base: names, tools, spelling and full-text
 * ranking. It finds and describes candidates; `createEngine` decides whether to answer with them.
 * The work is done by pure functions (`rankCandidates`, `correctSpelling`, `didYouMean`) over a
 * `SearchIndex`, which this builds on first use: a one-off `define` by exact name never builds it.
 */
export class Ranker {
  readonly names: NameIndex;
  private readonly tools: ToolDetector;
  private shapes: CommandShapes | undefined;
  private built: SearchIndex | undefined;

  constructor(private readonly knowledge: KnowledgeBase) {
    this.names = new NameIndex(knowledge.entries);
    this.tools = new ToolDetector(knowledge.tools);
  }

  /** Builds the full-text indexes now; otherwise they are built on first use. */
  warm(): void {
    this.index();
    warmDictionary();
  }

  private index(): SearchIndex {
    this.built ??= buildSearchIndex(this.knowledge.entries, this.names);
    return this.built;
  }

  /** Replaces misspelt words by the one nearest word of a name (see `correctSpelling`). */
  correct(terms: readonly string[]): { terms: string[]; corrected: boolean } {
    return correctSpelling(this.index(), terms);
  }

  /** Ranks every entry for a question, best first; only entries that fit the tools it names. */
  rank(question: string, intent: Intent): Ranking {
    const tools = this.tools.detect(question);
    const { terms, corrected } = this.correct(contentTerms(question));
    const flags = flagsOf(question);
    const ranked = rankCandidates(
      this.index(),
      this.names,
      { terms, flags, corrected },
      intent,
      tools,
    );
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
    const tools = this.tools.detect(question);
    const { terms } = this.correct(contentTerms(question));
    const preferred = rankCandidates(
      this.index(),
      this.names,
      { terms, flags: [], corrected: false },
      'how_to',
      tools,
    ).map((r) => r.entry.id);
    const command = this.shapes.commandFor(
      shape,
      this.knowledge.entries.filter((entry) => fitsTools(entry, tools)),
      preferred,
    );
    return command ? { command } : {};
  }

  /** "Did you mean": entries that share a meaningful word with the question (`didYouMean`). */
  suggestions(question: string, limit: number, exclude?: string): Entry[] {
    const tools = this.tools.detect(question);
    const { terms } = this.correct(
      contentTerms(question).filter(
        (t) => t.length >= MIN_SUGGESTION_WORD_LENGTH && !tools.toolWords.has(t),
      ),
    );
    return didYouMean(this.index(), terms, tools, limit, exclude);
  }
}
