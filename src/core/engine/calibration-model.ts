// Written by `npm run calibrate` (bench/calibrate.ts); do not edit by hand.
// Fitted on the dev halves and the project's own sets: breadth 190, off-topic 26, seed 100, docker-cli-examples 150, k8s-concepts 128, k8s-tasks 128, windows-articles 37, reference-k8s-glossary 83, reference-commands 1023.
// Knowledge: 597 entries. Weights follow FEATURE_NAMES (features.ts):
// coverage, plainCoverage, nameCoverage, spelled, nameFit, flagMatch, flagMiss, shortQuestion, evidence, relevance, margin, corrected, kindFit, toolMatch, unknownShare, worstMissing.
export const CALIBRATION = {
  bias: -5.857,
  weights: [
    0.645, 1.449, 0.659, 2.539, 1.669, 2.391, -1.481, 0.934, 1.445, 2.203, -0.472, -0.351, 1.039,
    0.004, -0.854, 0.892,
  ],
  byPath: { name: 0.999, partial: 0.9, acronym: 0.9, spelling: 0.93, command: 0.964 },
  answerAt: 0.83,
  askBackAt: 0.11,
  askBackMargin: 0.4,
} as const;
