/**
 * `npm run eval`: accuracy of the shipped knowledge on every question set — right, confidently
 * wrong and no answer, for the project's own sets and for both halves of the derived and
 * reference sets — and a reliability table (score bucket → share right) on the test halves.
 * `npm run eval -- --misses` lists every miss; `--misses=test` only those of the test halves.
 */
import path from 'node:path';
import { packageRoot } from '../src/config/package-root.js';
import { createEngine } from '../src/core/engine/create-engine.js';
import { loadKnowledgeOrThrow } from '../src/core/knowledge/load-knowledge.js';
import {
  type Accuracy,
  evaluate,
  halfOfSet,
  type Outcome,
  type QuestionSet,
  readDerivedSets,
  readQuestionSets,
  referenceSets,
  reliability,
  share,
} from './evaluate.js';

const root = packageRoot();
const knowledge = loadKnowledgeOrThrow(path.join(root, 'knowledge'));
const engine = createEngine(knowledge);
const misses = process.argv.find((arg) => arg.startsWith('--misses'));
const missesOf = misses?.includes('=') ? misses.split('=')[1] : misses ? 'all' : undefined;

function line(label: string, result: Accuracy): string {
  return `${label.padEnd(34)} ${String(result.total).padStart(4)}  right ${share(result.correct, result.total).padStart(6)}  wrong-confident ${share(result.wrongConfident, result.total).padStart(6)}  no answer ${share(result.noAnswer, result.total).padStart(6)}`;
}

function printMisses(result: Accuracy): void {
  for (const miss of result.misses) {
    console.log(
      `    ${miss.answered ? 'WRONG' : 'NONE '} [${miss.question.mode}] ${miss.question.q} → ${miss.got}${miss.answered ? ` (${miss.score})` : ''} (expected ${miss.question.expect.join('|') || 'no_answer'})`,
    );
  }
}

const own: QuestionSet[] = [...readQuestionSets(path.join(root, 'tests/questions'))].map(
  ([name, questions]) => ({ name, family: 'own', questions }),
);
const derived = [
  ...readDerivedSets(path.join(root, 'tests/questions/derived')),
  ...referenceSets(knowledge, path.join(root, 'knowledge/reference')),
];

console.log('Own sets (written by the project)');
for (const set of own) {
  const result = evaluate(engine, set.questions);
  console.log(line(`  ${set.name}`, result));
  if (missesOf === 'all') printMisses(result);
}

const testOutcomes: Outcome[] = [];
let testTotal = 0;
let testWrong = 0;
console.log('\nDerived and reference sets (dev: may be tuned on; test: only scored)');
for (const set of derived) {
  for (const half of ['dev', 'test'] as const) {
    const result = evaluate(engine, halfOfSet(set, half).questions);
    console.log(line(`  ${set.name} [${half}]`, result));
    if (missesOf === 'all' || missesOf === half) printMisses(result);
    if (half === 'test') {
      testOutcomes.push(...result.outcomes);
      testTotal += result.total;
      testWrong += result.wrongConfident;
    }
  }
}
console.log(
  `\nAll test halves: ${testTotal} questions, wrong-confident ${share(testWrong, testTotal)}`,
);
console.log('Reliability on the test halves (answers by score):');
for (const row of reliability(testOutcomes)) {
  console.log(
    `  score ≥ ${row.from.toFixed(2)}: ${String(row.answered).padStart(4)} answers, ${share(row.right, row.answered)} right`,
  );
}
const high = testOutcomes.filter((o) => o.answered && o.score >= 0.9);
console.log(
  `  score ≥ 0.90 overall: ${high.length} answers, ${share(high.filter((o) => o.right).length, high.length)} right`,
);
