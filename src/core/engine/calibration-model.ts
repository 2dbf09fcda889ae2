// Written by `npm run calibrate` (bench/calibrate.ts); do not edit by hand.
// Fitted on the dev halves and the project's own sets: breadth 190, off-topic 26, seed 100, docker-cli-examples 150, k8s-concepts 128, k8s-tasks 128, windows-articles 37, reference-k8s-glossary 83, reference-commands 1023.
// Knowledge: 1204 entries. Weights follow FEATURE_NAMES (features.ts):
// coverage, plainCoverage, nameCoverage, spelled, nameFit, flagMatch, flagMiss, shortQuestion, evidence, relevance, margin, corrected, kindFit, toolMatch, unknownShare, worstMissing.
export const CALIBRATION = {
  bias: -5.713,
  weights: [
    0.229, 1.621, -0.556, 2.531, 1.693, 3.439, -0.813, 1.263, 0.552, 2.106, 0.164, -0.546, 2.142,
    1.022, -0.866, -0.041,
  ],
  byPath: { name: 1, partial: 0.9, acronym: 0.9, spelling: 0.979, command: 0.964 },
  answerAt: 0.83,
  askBackAt: 0.17,
  askBackMargin: 0.4,
} as const;
