/**
 * `npm run calibrate`: fits the engine's score on the dev halves, so that `score` is the
 * engine's estimate that the card is right, and picks the thresholds; writes
 * src/core/engine/calibration-model.ts. Run it after changing the ranking, the features or a
 * large part of the knowledge, then `npm run eval` to see the test halves.
 *
 * - Name matches (an exact name, a unique part of a title, an acronym, a whole-name typo, a
 *   command typed as a command line) get the share of such answers that were right on the dev
 *   halves, smoothed towards `PATH_PRIOR`.
 * - Ranked candidates get a logistic regression over their features (features.ts), fitted by
 *   gradient descent with a small L2 penalty. Each set's samples weigh at most as much as
 *   `SET_WEIGHT_CAP` questions, so the 1,000 command questions do not drown the others.
 * - `answerAt` is the lowest threshold at which confidently wrong answers stay at or below
 *   `WRONG_CONFIDENT_TARGET` of the derived dev questions, and at or below
 *   `WRONG_CONFIDENT_PER_SET` of each derived dev set (the reference sets are left out: their
 *   command names are nearly always answered by name, which would dilute the figure). The
 *   done-when figure is 3% on the test halves; the dev target keeps a point of headroom.
 * - `askBackAt` is the lowest estimate at which near misses (far ahead of the runner-up) were
 *   right at least half the time on the dev halves: offered back first, they help more often
 *   than not; below that they are dropped from the suggestions' first place.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../src/config/package-root.js';
import type { MatchPath } from '../src/core/engine/calibration.js';
import { createDecisionMaker } from '../src/core/engine/create-engine.js';
import { FEATURE_NAMES, featureVector } from '../src/core/engine/features.js';
import { loadKnowledgeOrThrow } from '../src/core/knowledge/load-knowledge.js';
import {
  halfOfSet,
  type QuestionSet,
  readDerivedSets,
  readQuestionSets,
  referenceSets,
} from './evaluate.js';

const SET_WEIGHT_CAP = 300;
/**
 * Name matches are right far more often than not; with few dev samples of a path (a command typed
 * as a command line is rare in the sets) its share is pulled towards this prior, as if
 * `PATH_PRIOR_WEIGHT` questions had been seen at that rate.
 */
const PATH_PRIOR = 0.9;
const PATH_PRIOR_WEIGHT = 4;
const WRONG_CONFIDENT_TARGET = 0.02;
/**
 * ...and in no derived dev set above this: the test halves are held to 3% each, and a pooled 2%
 * once hid a docker dev half at 4% (its test half then measured 5%).
 */
const WRONG_CONFIDENT_PER_SET = 0.03;
const L2 = 0.001;
const ITERATIONS = 4000;
const LEARNING_RATE = 0.5;
/** The margin over the runner-up that makes a near miss worth offering back. */
const ASK_BACK_MARGIN = 0.4;

const root = packageRoot();
const knowledge = loadKnowledgeOrThrow(path.join(root, 'knowledge'));
const decisions = createDecisionMaker(knowledge);

const own: QuestionSet[] = [...readQuestionSets(path.join(root, 'tests/questions'))].map(
  ([name, questions]) => ({ name, family: 'own', questions }),
);
const devSets = [
  ...own,
  ...[
    ...readDerivedSets(path.join(root, 'tests/questions/derived')),
    ...referenceSets(knowledge, path.join(root, 'knowledge/reference')),
  ].map((set) => halfOfSet(set, 'dev')),
];

interface Sample {
  readonly set: string;
  readonly family: string;
  readonly weight: number;
  readonly path: MatchPath | 'none';
  readonly x: readonly number[];
  readonly margin: number;
  readonly right: boolean;
  /** The question has an expected card (else the right outcome is "I don't know"). */
  readonly answerable: boolean;
}

const samples: Sample[] = [];
for (const set of devSets) {
  const weight = Math.min(1, SET_WEIGHT_CAP / Math.max(1, set.questions.length));
  for (const question of set.questions) {
    const decision =
      question.mode === 'define'
        ? decisions.decideDefine(question.q)
        : decisions.decideAsk(question.q);
    const answerable = question.expect.length > 0;
    if (decision.kind === 'none') {
      samples.push({
        set: set.name,
        family: set.family,
        weight,
        path: 'none',
        x: [],
        margin: 0,
        right: false,
        answerable,
      });
      continue;
    }
    samples.push({
      set: set.name,
      family: set.family,
      weight,
      path: decision.path,
      x: decision.features ? featureVector(decision.features) : [],
      margin: decision.features?.margin ?? 1,
      right: question.expect.includes(decision.entry.id),
      answerable,
    });
  }
}

// Name matches: the smoothed share right per path.
const byPath: Record<string, number> = {};
for (const p of ['name', 'partial', 'acronym', 'spelling', 'command'] as const) {
  const of = samples.filter((s) => s.path === p);
  const right = of.filter((s) => s.right).length;
  byPath[p] =
    Math.round(
      ((right + PATH_PRIOR * PATH_PRIOR_WEIGHT) / (of.length + PATH_PRIOR_WEIGHT)) * 1000,
    ) / 1000;
  console.log(`path ${p}: ${right}/${of.length} right → ${byPath[p]}`);
}

// Ranked candidates: logistic regression.
const ranked = samples.filter((s) => s.path === 'ranked');
const dims = FEATURE_NAMES.length;
let bias = 0;
const weights = new Array<number>(dims).fill(0);
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const predict = (x: readonly number[]) =>
  sigmoid(bias + weights.reduce((sum, w, i) => sum + w * (x[i] ?? 0), 0));
const totalWeight = ranked.reduce((sum, s) => sum + s.weight, 0);
for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
  let gradBias = 0;
  const grad = new Array<number>(dims).fill(0);
  for (const s of ranked) {
    const error = (predict(s.x) - (s.right ? 1 : 0)) * s.weight;
    gradBias += error;
    for (let i = 0; i < dims; i += 1) grad[i] = (grad[i] ?? 0) + error * (s.x[i] ?? 0);
  }
  bias -= (LEARNING_RATE * gradBias) / totalWeight;
  for (let i = 0; i < dims; i += 1) {
    weights[i] =
      (weights[i] ?? 0) - LEARNING_RATE * ((grad[i] ?? 0) / totalWeight + L2 * (weights[i] ?? 0));
  }
}
console.log(
  `ranked: ${ranked.length} candidates, ${ranked.filter((s) => s.right).length} right; weights ${FEATURE_NAMES.map((n, i) => `${n}=${weights[i]?.toFixed(2)}`).join(' ')} bias=${bias.toFixed(2)}`,
);

const probability = (s: Sample): number =>
  s.path === 'none' ? 0 : s.path === 'ranked' ? predict(s.x) : (byPath[s.path] ?? 0);

// The answering threshold.
function wrongShare(threshold: number, of: readonly Sample[]): number {
  const total = of.reduce((sum, s) => sum + s.weight, 0);
  const wrong = of
    .filter((s) => probability(s) >= threshold && !s.right)
    .reduce((sum, s) => sum + s.weight, 0);
  return total > 0 ? wrong / total : 0;
}
let answerAt = 0.99;
const derivedSamples = samples.filter((s) => s.family === 'derived');
const derivedSets = [...new Set(derivedSamples.map((s) => s.set))].map((set) =>
  derivedSamples.filter((s) => s.set === set),
);
for (let t = 0.3; t <= 0.99; t += 0.01) {
  if (
    wrongShare(t, derivedSamples) <= WRONG_CONFIDENT_TARGET &&
    derivedSets.every((of) => wrongShare(t, of) <= WRONG_CONFIDENT_PER_SET)
  ) {
    answerAt = Math.round(t * 100) / 100;
    break;
  }
}

// The near-miss threshold.
let askBackAt = answerAt;
for (let t = answerAt - 0.01; t >= 0.1; t -= 0.01) {
  const near = ranked.filter((s) => {
    const p = probability(s);
    return p >= t && p < answerAt && s.margin >= ASK_BACK_MARGIN;
  });
  if (near.length < 10) continue;
  if (near.filter((s) => s.right).length / near.length < 0.5) break;
  askBackAt = Math.round(t * 100) / 100;
}

const answered = samples.filter((s) => probability(s) >= answerAt);
console.log(
  `answerAt ${answerAt}: dev answers ${answered.length}/${samples.length}, right ${answered.filter((s) => s.right).length}; askBackAt ${askBackAt}`,
);

const round = (n: number) => Math.round(n * 1000) / 1000;
const counts = devSets.map((set) => `${set.name} ${set.questions.length}`).join(', ');
writeFileSync(
  path.join(root, 'src/core/engine/calibration-model.ts'),
  `// Written by \`npm run calibrate\` (bench/calibrate.ts); do not edit by hand.
// Fitted on the dev halves and the project's own sets: ${counts}.
// Knowledge: ${knowledge.entries.length} entries. Weights follow FEATURE_NAMES (features.ts):
// ${FEATURE_NAMES.join(', ')}.
export const CALIBRATION = {
  bias: ${round(bias)},
  weights: [${weights.map(round).join(', ')}],
  byPath: { name: ${byPath.name}, partial: ${byPath.partial}, acronym: ${byPath.acronym}, spelling: ${byPath.spelling}, command: ${byPath.command} },
  answerAt: ${answerAt},
  askBackAt: ${askBackAt},
  askBackMargin: ${ASK_BACK_MARGIN},
} as const;
`,
);
console.log('wrote src/core/engine/calibration-model.ts');
