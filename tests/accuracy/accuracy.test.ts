import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, percent, readQuestionSets } from '../../bench/evaluate.js';
import { createEngine } from '../../src/core/engine/create-engine.js';
import { loadKnowledgeOrThrow } from '../../src/core/knowledge/load-knowledge.js';
import { ROOT, SHIPPED_KNOWLEDGE } from '../helpers/fixture-engine.js';

/**
 * Floors for answer accuracy on the question sets in tests/questions (run `npm run eval --
 * --misses` for the figures and every miss). Raise them as the engine and knowledge improve;
 * never lower them to make a change pass.
 */
const FLOORS: Readonly<Record<string, number>> = {
  seed: 0.92,
  breadth: 0.92,
  'off-topic': 0.95,
};

const knowledge = loadKnowledgeOrThrow(SHIPPED_KNOWLEDGE);
const engine = createEngine(knowledge);
const sets = readQuestionSets(path.join(ROOT, 'tests/questions'));

describe('answer accuracy on the shipped knowledge', () => {
  it('has a question set for every floor', () => {
    expect([...sets.keys()].sort()).toEqual(Object.keys(FLOORS).sort());
  });

  for (const [name, floor] of Object.entries(FLOORS)) {
    it(`answers the ${name} questions at least ${floor * 100}% right`, () => {
      const result = evaluate(engine, sets.get(name) ?? []);
      const misses = result.misses.map((m) => `${m.question.q} → ${m.got}`).join('\n');
      expect(result.total).toBeGreaterThan(20);
      expect(
        result.correct / result.total,
        `${name}: ${percent(result)}; misses:\n${misses}`,
      ).toBeGreaterThanOrEqual(floor);
    });
  }

  it('every expected id in the question sets exists', () => {
    const ids = new Set(knowledge.entries.map((e) => e.id));
    const unknown = [...sets.values()].flat().flatMap((q) => q.expect.filter((id) => !ids.has(id)));
    expect(unknown).toEqual([]);
  });
});
