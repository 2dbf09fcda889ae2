/** `npm run coverage [-- --missing]`: coverage of the shipped knowledge against every reference list. */
import path from 'node:path';
import { packageRoot } from '../src/config/package-root.js';
import { createEngine } from '../src/core/engine/create-engine.js';
import { loadKnowledgeOrThrow } from '../src/core/knowledge/load-knowledge.js';
import { coverageLine, coverageOf } from './coverage.js';

const root = packageRoot();
const knowledge = loadKnowledgeOrThrow(path.join(root, 'knowledge'));
const engine = createEngine(knowledge);
const showMissing = process.argv.includes('--missing');
for (const list of coverageOf(engine, knowledge, path.join(root, 'knowledge/reference'))) {
  console.log(coverageLine(list));
  if (showMissing) for (const name of list.missing) console.log(`  missing: ${name}`);
}
