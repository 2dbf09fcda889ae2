// Written by `npm run calibrate` (bench/calibrate.ts); do not edit by hand.
// Fitted on the dev halves and the project's own sets: breadth 190, off-topic 26, seed 100, docker-cli-examples 150, k8s-concepts 128, k8s-tasks 128, windows-articles 37, reference-k8s-glossary 83, reference-commands 1023.
// Knowledge: 452 entries. Weights follow FEATURE_NAMES (features.ts):
// coverage, plainCoverage, nameCoverage, spelled, nameFit, flagMatch, shortQuestion, evidence, relevance, margin, corrected, kindFit, toolMatch, unknownShare, worstMissing.
export const CALIBRATION = {
  bias: -5.931,
  weights: [
    0.902, 1.262, 0.31, 3.421, 1.368, 2.611, 0.606, 1.568, 2.22, -0.717, -0.342, 1.152, -0.018,
    -0.697, 0.804,
  ],
  byPath: { name: 0.99, partial: 0.964, acronym: 0.9, spelling: 0.93, command: 0.9 },
  answerAt: 0.85,
  askBackAt: 0.13,
  askBackMargin: 0.4,
} as const;
