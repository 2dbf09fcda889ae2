// Written by `npm run calibrate` (bench/calibrate.ts); do not edit by hand.
// Fitted on the dev halves and the project's own sets: breadth 190, off-topic 26, seed 100, docker-cli-examples 150, k8s-concepts 128, k8s-tasks 128, windows-articles 37, reference-k8s-glossary 83, reference-commands 1023.
// Knowledge: 1204 entries. Weights follow FEATURE_NAMES (features.ts):
// coverage, plainCoverage, nameCoverage, spelled, nameFit, flagMatch, flagMiss, shortQuestion, evidence, relevance, margin, corrected, kindFit, toolMatch, unknownShare, worstMissing.
export const CALIBRATION = {
  bias: -5.706,
  weights: [
    0.228, 1.56, -0.51, 2.538, 1.696, 3.447, -0.815, 1.286, 0.598, 2.157, 0.147, -0.544, 2.087,
    1.033, -0.833, -0.064,
  ],
  byPath: { name: 1, partial: 0.9, acronym: 0.9, spelling: 0.979, command: 0.964 },
  answerAt: 0.82,
  askBackAt: 0.19,
  askBackMargin: 0.4,
} as const;
