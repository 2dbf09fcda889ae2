import type { Answer, SearchHit } from '../core/types.js';

/**
 * The CLI's JSON contract for an answer: the documented keys in a fixed order, then the
 * variant's extras (`entry` for an answer, `reason` for no answer).
 */
export function answerJson(answer: Answer): Record<string, unknown> {
  const base = {
    query: answer.query,
    kind: answer.kind,
    title: answer.title,
    text: answer.text,
    commands: answer.commands,
    related: answer.related,
    citations: answer.citations,
    suggestions: answer.suggestions,
    score: answer.score,
  };
  return answer.kind === 'answer'
    ? { ...base, entry: answer.entry }
    : { ...base, reason: answer.reason };
}

export function searchJson(query: string, hits: readonly SearchHit[]): Record<string, unknown> {
  return { query, kind: 'search', results: hits };
}
