// Written by `npm run calibrate` (bench/calibrate.ts); do not edit by hand.
// Fitted on the dev halves and the project's own sets: breadth 190, off-topic 26, seed 100, docker-cli-examples 150, k8s-concepts 128, k8s-tasks 128, windows-articles 37, reference-k8s-glossary 83, reference-commands 1023.
// Knowledge: 417 entries. Weights follow FEATURE_NAMES (features.ts):
// coverage, plainCoverage, nameCoverage, spelled, nameFit, flagMatch, shortQuestion, evidence, margin, corrected, kindFit, toolMatch, unknownShare, worstMissing.
export const CALIBRATION = {
  bias: -3.394,
  weights: [
    0.657, 0.755, 0.541, 1.764, 0.973, 1.354, -0.132, 0.736, 0.256, -0.08, 0.629, 0.528, -0.363,
    -0.167,
  ],
  byPath: { name: 0.992, partial: 0.964, acronym: 0.9, spelling: 0.93, command: 0.9 },
  answerAt: 0.76,
  askBackAt: 0.23,
  askBackMargin: 0.4,
} as const;
