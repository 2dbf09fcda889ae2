// Written by `npm run calibrate` (bench/calibrate.ts); do not edit by hand.
// Fitted on the dev halves and the project's own sets: breadth 190, off-topic 26, seed 100, docker-cli-examples 150, k8s-concepts 128, k8s-tasks 128, windows-articles 37, reference-k8s-glossary 83, reference-commands 1023.
// Knowledge: 1204 entries. Weights follow FEATURE_NAMES (features.ts):
// coverage, plainCoverage, nameCoverage, spelled, nameFit, flagMatch, flagMiss, shortQuestion, evidence, relevance, margin, corrected, kindFit, namedAsked, toolMatch, unknownShare, worstMissing.
export const CALIBRATION = {
  bias: -5.491,
  weights: [
    0.053, 1.41, -0.039, 2.042, 1.976, 3.302, -0.788, 1.308, 0.6, 2.348, 0.099, -0.446, 1.134,
    2.919, 1.399, -0.815, -0.16,
  ],
  byPath: { name: 1, partial: 0.9, acronym: 0.9, spelling: 0.98, command: 0.964 },
  answerAt: 0.76,
  askBackAt: 0.27,
  askBackMargin: 0.4,
} as const;
