// Written by `npm run calibrate` (bench/calibrate.ts); do not edit by hand.
// Fitted on the dev halves and the project's own sets: breadth 190, off-topic 26, seed 100, docker-cli-examples 150, k8s-concepts 128, k8s-tasks 128, windows-articles 37, reference-k8s-glossary 83, reference-commands 1023.
// Knowledge: 1204 entries. Weights follow FEATURE_NAMES (features.ts):
// coverage, plainCoverage, nameCoverage, spelled, nameFit, flagMatch, flagMiss, shortQuestion, evidence, relevance, margin, corrected, kindFit, namedAsked, toolMatch, unknownShare, worstMissing.
export const CALIBRATION = {
  bias: -5.397,
  weights: [
    0.145, 1.384, -0.022, 1.982, 1.999, 3.351, -0.694, 1.243, 0.373, 2.123, -0.017, -0.407, 1.208,
    2.974, 1.365, -0.687, -0.229,
  ],
  byPath: { name: 1, partial: 0.9, acronym: 0.9, spelling: 0.979, command: 0.964 },
  answerAt: 0.73,
  askBackAt: 0.29,
  askBackMargin: 0.4,
} as const;
