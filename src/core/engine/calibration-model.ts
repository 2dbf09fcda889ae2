// Written by `npm run calibrate` (bench/calibrate.ts); do not edit by hand.
// Fitted on the dev halves and the project's own sets: breadth 190, off-topic 26, seed 100, reference-k8s-glossary 83, reference-commands 1023.
// Knowledge: 331 entries. Weights follow FEATURE_NAMES (features.ts):
// coverage, plainCoverage, nameCoverage, spelled, margin, corrected, kindFit, toolMatch, unknownShare, worstMissing.
export const CALIBRATION = {
  bias: -4.356,
  weights: [0.99, 1.033, 0.53, 0.927, 0.923, -0.134, 2.339, -0.521, -0.173, -0.657],
  byPath: { name: 0.996, partial: 0.8, acronym: 0.5, spelling: 0.889 },
  answerAt: 0.61,
  askBackAt: 0.61,
  askBackMargin: 0.4,
} as const;
