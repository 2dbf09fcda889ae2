/**
 * What the engine knows about a ranked candidate when it decides whether to answer with it. The
 * calibration model (calibration-model.ts) turns these into the probability that the card is
 * right; `npm run calibrate` fits it on the dev halves of the question sets.
 */
export interface Features {
  /** Share of the question's words (weighted by rarity) found anywhere in the entry. */
  readonly coverage: number;
  /** Share of the question's words (unweighted) found in the entry. */
  readonly plainCoverage: number;
  /** Share of the question's words (weighted) found in the entry's names or task phrases. */
  readonly nameCoverage: number;
  /** Weighted share of the question taken by a name or task phrase spelt out in full. */
  readonly spelled: number;
  /**
   * How well the entry's best single name or task phrase and the question fit each other, from
   * both sides (the harmonic mean of the share of the name in the question and of the question in
   * the name, words weighted by rarity).
   */
  readonly nameFit: number;
  /** Share of the options the question names (`--rm`) that the entry's command has. */
  readonly flagMatch: number;
  /**
   * Share of the options the question names that the entry's command lacks (0 when the question
   * names none): "(--stop-signal)" on a card without that flag is about another command, which
   * `flagMatch` alone cannot say, as it is 0 both then and when no flag is named.
   */
  readonly flagMiss: number;
  /** 1 when the question has a single searchable word: one word matches many cards. */
  readonly shortQuestion: number;
  /**
   * How much of the question, in absolute word weight, the entry matched, from 0 towards 1: a
   * long question matched word for word is stronger evidence than one matched word.
   */
  readonly evidence: number;
  /** The full-text (BM25) score of the entry for the question, from 0 towards 1. */
  readonly relevance: number;
  /** How far ahead of the runner-up the candidate is: 1 − runner-up / best (1 when alone). */
  readonly margin: number;
  /** 1 when a query word had to be corrected for the candidate to match. */
  readonly corrected: number;
  /** How well the kind fits the question: a command for "how do I", a term for "what is". */
  readonly kindFit: number;
  /**
   * 1 when a word or phrase of the question is the entry's name or alias and the question asks in
   * the way the entry's kind answers ("is podman made by red hat?" → Podman). A tool's entry
   * counts only when the question names the tool. Of the ranked candidates of the own sets and
   * the dev halves so marked, 68 of 69 were right; of the rest, 266 of 488.
   */
  readonly namedAsked: number;
  /** 1 when the question names a tool and the entry is that tool's. */
  readonly toolMatch: number;
  /** Weighted share of the question's words that occur nowhere in the knowledge. */
  readonly unknownShare: number;
  /** The heaviest question word the entry lacks, as a share of the question's weight. */
  readonly worstMissing: number;
}

/** The names of the features, in the order of the model's weights. */
export const FEATURE_NAMES = [
  'coverage',
  'plainCoverage',
  'nameCoverage',
  'spelled',
  'nameFit',
  'flagMatch',
  'flagMiss',
  'shortQuestion',
  'evidence',
  'relevance',
  'margin',
  'corrected',
  'kindFit',
  'namedAsked',
  'toolMatch',
  'unknownShare',
  'worstMissing',
] as const satisfies readonly (keyof Features)[];

export function featureVector(features: Features): number[] {
  return FEATURE_NAMES.map((name) => features[name]);
}
