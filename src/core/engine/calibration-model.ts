// Written by `npm run calibrate` (bench/calibrate.ts); do not edit by hand.
// Fitted on the dev halves and the project's own sets: breadth 190, off-topic 26, seed 100, docker-cli-examples 150, k8s-concepts 128, k8s-tasks 128, windows-articles 37, reference-k8s-glossary 83, reference-commands 1023.
// Knowledge: 537 entries. Weights follow FEATURE_NAMES (features.ts):
// coverage, plainCoverage, nameCoverage, spelled, nameFit, flagMatch, shortQuestion, evidence, relevance, margin, corrected, kindFit, toolMatch, unknownShare, worstMissing.
export const CALIBRATION = {
  bias: -6.252,
  weights: [
    0.669, 1.774, 0.872, 2.339, 1.727, 2.543, 0.716, 1.443, 2.056, -0.401, -0.302, 1.032, -0.106,
    -0.745, 1.036,
  ],
  byPath: { name: 0.999, partial: 0.9, acronym: 0.9, spelling: 0.93, command: 0.9 },
  answerAt: 0.85,
  askBackAt: 0.12,
  askBackMargin: 0.4,
} as const;
