// Written by `npm run calibrate` (bench/calibrate.ts); do not edit by hand.
// Fitted on the dev halves and the project's own sets: breadth 190, off-topic 26, seed 100, docker-cli-examples 150, k8s-concepts 128, k8s-tasks 128, windows-articles 37, reference-k8s-glossary 83, reference-commands 1023.
// Knowledge: 1204 entries. Weights follow FEATURE_NAMES (features.ts):
// coverage, plainCoverage, nameCoverage, spelled, nameFit, flagMatch, flagMiss, shortQuestion, evidence, relevance, margin, corrected, kindFit, toolMatch, unknownShare, worstMissing.
export const CALIBRATION = {
  bias: -5.85,
  weights: [
    0.225, 1.657, -0.536, 2.464, 1.728, 3.481, -0.736, 1.241, 0.435, 1.976, 0.189, -0.521, 2.396,
    1.061, -0.8, -0.107,
  ],
  byPath: { name: 1, partial: 0.9, acronym: 0.9, spelling: 0.979, command: 0.964 },
  answerAt: 0.84,
  askBackAt: 0.15,
  askBackMargin: 0.4,
} as const;
