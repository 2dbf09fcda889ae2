// Written by `npm run calibrate` (bench/calibrate.ts); do not edit by hand.
// Fitted on the dev halves and the project's own sets: breadth 190, off-topic 26, seed 100, docker-cli-examples 150, k8s-concepts 128, k8s-tasks 128, windows-articles 37, reference-k8s-glossary 83, reference-commands 1023.
// Knowledge: 364 entries. Weights follow FEATURE_NAMES (features.ts):
// coverage, plainCoverage, nameCoverage, spelled, nameFit, shortQuestion, evidence, margin, corrected, kindFit, toolMatch, unknownShare, worstMissing.
export const CALIBRATION = {
  bias: -3.583,
  weights: [
    0.943, 0.924, 0.185, 1.837, 1.018, -0.129, 0.839, 0.381, -0.094, 0.603, 0.616, -0.405, -0.511,
  ],
  byPath: { name: 0.997, partial: 0.889, acronym: 0.5, spelling: 0.889, command: 0.143 },
  answerAt: 0.69,
  askBackAt: 0.31,
  askBackMargin: 0.4,
} as const;
