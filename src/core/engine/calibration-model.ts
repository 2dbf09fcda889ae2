// Written by `npm run calibrate` (bench/calibrate.ts); do not edit by hand.
// Fitted on the dev halves and the project's own sets: breadth 190, off-topic 26, seed 100, docker-cli-examples 150, k8s-concepts 128, k8s-tasks 128, windows-articles 37, reference-k8s-glossary 83, reference-commands 1023.
// Knowledge: 331 entries. Weights follow FEATURE_NAMES (features.ts):
// coverage, plainCoverage, nameCoverage, spelled, nameFit, shortQuestion, margin, corrected, kindFit, toolMatch, unknownShare, worstMissing.
export const CALIBRATION = {
  bias: -3.945,
  weights: [0.973, 0.891, 0.277, 1.172, 0.524, -0.026, 0.572, -0.118, 1.311, 0.204, -0.171, -0.638],
  byPath: { name: 0.996, partial: 0.889, acronym: 0.5, spelling: 0.889 },
  answerAt: 0.62,
  askBackAt: 0.62,
  askBackMargin: 0.4,
} as const;
