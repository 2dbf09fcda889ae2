// Written by `npm run calibrate` (bench/calibrate.ts); do not edit by hand.
// Fitted on the dev halves and the project's own sets: breadth 190, off-topic 26, seed 100, docker-cli-examples 150, k8s-concepts 128, k8s-tasks 128, windows-articles 37, reference-k8s-glossary 83, reference-commands 1023.
// Knowledge: 1204 entries. Weights follow FEATURE_NAMES (features.ts):
// coverage, plainCoverage, nameCoverage, spelled, nameFit, flagMatch, flagMiss, shortQuestion, evidence, relevance, margin, corrected, kindFit, namedAsked, toolMatch, unknownShare, worstMissing.
export const CALIBRATION = {
  bias: -5.505,
  weights: [
    0.057, 1.411, -0.024, 2.054, 1.978, 3.301, -0.825, 1.308, 0.603, 2.364, 0.067, -0.446, 1.138,
    2.922, 1.385, -0.797, -0.163,
  ],
  byPath: { name: 1, partial: 0.9, acronym: 0.9, spelling: 0.98, command: 0.964 },
  answerAt: 0.75,
  askBackAt: 0.31,
  askBackMargin: 0.4,
} as const;
