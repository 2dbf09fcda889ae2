/**
 * `npm run independent-check -- <tldr-dir> [--podman-man=<dir>] [--misses]`: the answer engine
 * on questions it was never tuned on — every tldr-pages example of the tools the bot knows, and
 * optionally every Podman man page's NAME line — labelled mechanically from the command each one
 * documents (bench/command-labels.ts). Prints right / wrong-confident / no answer per tool and
 * overall, and a reliability table. The pages are not in the project: fetch them first (see
 * docs/design.md, "Measurement"). Never tune on these figures.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../src/config/package-root.js';
import { createEngine } from '../src/core/engine/create-engine.js';
import { loadKnowledgeOrThrow } from '../src/core/knowledge/load-knowledge.js';
import { commandLabeller, referenceAliases } from './command-labels.js';
import { type Accuracy, evaluate, type Question, reliability, share } from './evaluate.js';
import { manPageQuestions, readManPages, tldrQuestions } from './independent-questions.js';
import { readTldrPages } from './tldr-pages.js';

const USAGE =
  'usage: npm run independent-check -- <tldr-pages dir> [--podman-man=<podman docs dir>] [--misses]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'podman-man': { type: 'string' }, misses: { type: 'boolean', default: false } },
});
const [tldrDir] = positionals;
if (!tldrDir) {
  console.error(`The tldr-pages directory is missing.\n${USAGE}`);
  process.exit(2);
}

const root = packageRoot();
const knowledge = loadKnowledgeOrThrow(path.join(root, 'knowledge'));
const engine = createEngine(knowledge);
const label = commandLabeller(
  knowledge.entries,
  referenceAliases(path.join(root, 'knowledge/reference')),
);

function line(name: string, result: Accuracy): string {
  return `${name.padEnd(22)} ${String(result.total).padStart(4)}  right ${share(result.correct, result.total).padStart(6)}  wrong-confident ${share(result.wrongConfident, result.total).padStart(6)}  no answer ${share(result.noAnswer, result.total).padStart(6)}`;
}

function report(title: string, questions: readonly Question[]): void {
  const unlabelled = questions.filter((q) => q.expect.length === 0).length;
  console.log(
    `${title}: ${questions.length} questions, ${unlabelled} with no matching entry (expect "I don't know")`,
  );
  const areas = [...new Set(questions.map((q) => q.area))].sort();
  for (const area of areas) {
    console.log(
      line(
        `  ${area}`,
        evaluate(
          engine,
          questions.filter((q) => q.area === area),
        ),
      ),
    );
  }
  const all = evaluate(engine, questions);
  console.log(line('  overall', all));
  const labelled = evaluate(
    engine,
    questions.filter((q) => q.expect.length > 0),
  );
  console.log(line('  overall, labelled', labelled));
  console.log('  reliability (answers by score):');
  for (const row of reliability(all.outcomes)) {
    console.log(
      `    score ≥ ${row.from.toFixed(2)}: ${String(row.answered).padStart(4)} answers, ${share(row.right, row.answered)} right`,
    );
  }
  const high = all.outcomes.filter((o) => o.answered && o.score >= 0.9);
  console.log(
    `    score ≥ 0.90 overall: ${high.length} answers, ${share(high.filter((o) => o.right).length, high.length)} right`,
  );
  if (!values.misses) return;
  const misses = [...all.misses].sort((a, b) => Number(b.answered) - Number(a.answered));
  for (const miss of misses) {
    console.log(
      `    ${miss.answered ? 'WRONG' : 'NONE '} ${miss.question.q} → ${miss.got}${miss.answered ? ` (${miss.score})` : ''} (expected ${miss.question.expect.join('|') || 'no_answer'}; ${miss.question.from})`,
    );
  }
}

report('tldr-pages examples', tldrQuestions(readTldrPages(tldrDir), knowledge.tools, label));
const manDir = values['podman-man'];
const podman = knowledge.tools.get('podman');
if (manDir && podman) {
  console.log('');
  report('Podman man-page NAME lines', manPageQuestions(readManPages(manDir), podman, label));
}
