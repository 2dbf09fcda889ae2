import { CALIBRATION } from './calibration-model.js';
import { type Features, featureVector } from './features.js';

/** How a candidate was found: by one of its names, or by ranking the question's words. */
export type MatchPath = keyof typeof CALIBRATION.byPath | 'ranked';

/**
 * The engine's estimate that a candidate card is the right answer: for a name match, the share
 * of such answers that were right on the dev halves; for a ranked candidate, the logistic model
 * fitted on them (`npm run calibrate`, see calibration-model.ts and docs/design.md).
 */
export function probabilityRight(path: MatchPath, features?: Features): number {
  if (path !== 'ranked') return CALIBRATION.byPath[path];
  if (!features) return 0;
  const x = featureVector(features);
  let z: number = CALIBRATION.bias;
  CALIBRATION.weights.forEach((weight, i) => {
    z += weight * (x[i] ?? 0);
  });
  return 1 / (1 + Math.exp(-z));
}

/** At or above this estimate the engine answers; below it, it says it does not know. */
export const ANSWER_AT: number = CALIBRATION.answerAt;

/**
 * A near miss — just under `ANSWER_AT` but far ahead of the runner-up — is offered back as the
 * first one-click choice ("did you mean") rather than answered or dropped.
 */
export const ASK_BACK_AT: number = CALIBRATION.askBackAt;
export const ASK_BACK_MARGIN: number = CALIBRATION.askBackMargin;
