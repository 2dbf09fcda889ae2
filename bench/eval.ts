/**
 * `npm run eval`: accuracy of the shipped knowledge on tests/questions, per set and area, and
 * the seed questions on a seed-only base (the entries that cite the seed notes) for comparison.
 */
import path from 'node:path';
import { packageRoot } from '../src/config/package-root.js';
import { createEngine } from '../src/core/engine/create-engine.js';
import { loadKnowledgeOrThrow } from '../src/core/knowledge/load-knowledge.js';
import { evaluate, percent, readQuestionSets } from './evaluate.js';

const root = packageRoot();
const knowledge = loadKnowledgeOrThrow(path.join(root, 'knowledge'));
const engine = createEngine(knowledge);
const sets = readQuestionSets(path.join(root, 'tests/questions'));
const verbose = process.argv.includes('--misses');

for (const [name, questions] of sets) {
  const result = evaluate(engine, questions);
  console.log(`${name}: ${result.correct}/${result.total} (${percent(result)})`);
  for (const [area, figures] of [...result.byArea].sort()) {
    console.log(`  ${area.padEnd(20)} ${figures.correct}/${figures.total} (${percent(figures)})`);
  }
  if (verbose) {
    for (const miss of result.misses) {
      console.log(
        `  MISS [${miss.question.mode}] ${miss.question.q} → ${miss.got} (expected ${miss.question.expect.join('|') || 'no_answer'})`,
      );
    }
  }
}

const seedOnly = createEngine({
  entries: knowledge.entries.filter((entry) => entry.sources.some((id) => id.startsWith('notes-'))),
  sources: knowledge.sources,
  tools: knowledge.tools,
});
const seedQuestions = sets.get('seed') ?? [];
const before = evaluate(seedOnly, seedQuestions);
const after = evaluate(engine, seedQuestions);
console.log(
  `\nseed questions on the seed-only base (${seedOnly.size.glossary + seedOnly.size.topic + seedOnly.size.command} entries): ${percent(before)}; on the full base (${knowledge.entries.length} entries): ${percent(after)}`,
);
