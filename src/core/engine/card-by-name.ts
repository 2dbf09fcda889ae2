import type { NamedEntry } from '../knowledge/load-knowledge-cached.js';
import type { FoundAnswer } from '../types.js';
import { answerFor } from './build-answer.js';
import { probabilityRight } from './calibration.js';

/**
 * The card `define` gives for an entry found by an exact name — the same card, score included,
 * that the full engine gives — built without loading the whole knowledge base (the CLI's
 * one-off `stevedore define <name>`).
 */
export function cardByName(named: NamedEntry, query: string): FoundAnswer {
  return answerFor(named.entry, query, probabilityRight('name'), named.sources, named.refById);
}
