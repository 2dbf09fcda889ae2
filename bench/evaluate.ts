/**
 * Answer accuracy over the question sets in tests/questions: for each question, does the engine
 * answer with one of the expected entries (or, for off-topic questions, decline)?
 * `npm run eval` prints the figures and every miss; tests/accuracy asserts the floors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { AnswerEngine } from '../src/core/types.js';

export interface Question {
  readonly q: string;
  readonly mode: 'ask' | 'define';
  /** Acceptable entry ids; empty when the bot must say it does not know. */
  readonly expect: readonly string[];
  readonly area: string;
}

export interface Miss {
  readonly question: Question;
  /** The entry answered, or `no_answer`. */
  readonly got: string;
}

export interface Accuracy {
  readonly total: number;
  readonly correct: number;
  readonly byArea: ReadonlyMap<string, { total: number; correct: number }>;
  readonly misses: readonly Miss[];
}

/** Reads every `*.yaml` question file of a folder, by file name. */
export function readQuestionSets(dir: string): Map<string, Question[]> {
  const sets = new Map<string, Question[]>();
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()) {
    sets.set(
      path.basename(name, '.yaml'),
      parse(readFileSync(path.join(dir, name), 'utf8')) as Question[],
    );
  }
  return sets;
}

/** Asks every question and scores the answers. */
export function evaluate(engine: AnswerEngine, questions: readonly Question[]): Accuracy {
  const byArea = new Map<string, { total: number; correct: number }>();
  const misses: Miss[] = [];
  let correct = 0;
  for (const question of questions) {
    const answer = question.mode === 'define' ? engine.define(question.q) : engine.ask(question.q);
    const got = answer.kind === 'answer' ? answer.entry.id : 'no_answer';
    const ok = question.expect.length === 0 ? got === 'no_answer' : question.expect.includes(got);
    const area = byArea.get(question.area) ?? { total: 0, correct: 0 };
    area.total += 1;
    if (ok) {
      area.correct += 1;
      correct += 1;
    } else {
      misses.push({ question, got });
    }
    byArea.set(question.area, area);
  }
  return { total: questions.length, correct, byArea, misses };
}

export const percent = (a: { total: number; correct: number }) =>
  a.total === 0 ? 'n/a' : `${((100 * a.correct) / a.total).toFixed(1)}%`;
