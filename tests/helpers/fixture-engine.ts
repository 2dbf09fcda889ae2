import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../../src/core/engine/create-engine.js';
import { loadKnowledgeOrThrow } from '../../src/core/knowledge/load-knowledge.js';
import type { AnswerEngine } from '../../src/core/types.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURE_KNOWLEDGE = path.join(ROOT, 'tests/fixtures/knowledge/valid');
export const BROKEN_KNOWLEDGE = path.join(ROOT, 'tests/fixtures/knowledge/broken');
export const SHIPPED_KNOWLEDGE = path.join(ROOT, 'knowledge');

/** The engine over the small fixture knowledge base shared by unit and adapter tests. */
export function fixtureEngine(): AnswerEngine {
  return createEngine(loadKnowledgeOrThrow(FIXTURE_KNOWLEDGE));
}
