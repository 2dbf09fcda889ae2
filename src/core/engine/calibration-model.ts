// Written by `npm run calibrate` (bench/calibrate.ts); do not edit by hand.
// Fitted on the dev halves and the project's own sets: breadth 190, off-topic 26, seed 100, reference-k8s-glossary 83, reference-commands 1023.
// Knowledge: 331 entries. Weights follow FEATURE_NAMES (features.ts):
// coverage, plainCoverage, nameCoverage, spelled, margin, corrected, kindFit, toolMatch, unknownShare, worstMissing.
export const CALIBRATION = {
  bias: -3.433,
  weights: [0.437, 0.419, 0.357, 1.791, 0.813, -0.103, 2.022, 0.92, -0.378, -0.293],
  byPath: { name: 0.996, partial: 0.8, acronym: 0.5, spelling: 0.875 },
  answerAt: 0.58,
  askBackAt: 0.58,
  askBackMargin: 0.4,
} as const;
