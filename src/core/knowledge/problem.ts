/** One thing wrong with the knowledge base: where it is, which field, and how to fix it. */
export interface KnowledgeProblem {
  /** Path of the file, as it should be shown to the person fixing it. */
  readonly file: string;
  /** Field path inside the file (`sources[1]`), or empty for the file as a whole. */
  readonly field: string;
  readonly message: string;
}

/** `knowledge/glossary/krypton.md: sources[1]: unknown source "s99" ...` */
export function formatProblem(problem: KnowledgeProblem): string {
  return problem.field
    ? `${problem.file}: ${problem.field}: ${problem.message}`
    : `${problem.file}: ${problem.message}`;
}

/** Turns a schema issue path (`['flags', 0, 'flag']`) into `flags[0].flag`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/**
 * Every problem, one per line, then what follows from them: what `stevedore validate`, the bot's
 * start and the answering commands all print, so the messages are the same everywhere.
 * `consequence` is what cannot happen (`Stevedore will not start`); validate gives none.
 */
export function reportProblems(
  problems: readonly KnowledgeProblem[],
  where: string,
  consequence?: string,
): string {
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'} found in ${where}`;
  const summary = consequence
    ? `${consequence}: ${count}. Run "stevedore validate" after fixing them.`
    : `${count}.`;
  return `${problems.map(formatProblem).join('\n')}\n${summary}`;
}

/** Thrown by `loadKnowledgeOrThrow` so the caller stops with every problem listed. */
export class InvalidKnowledgeError extends Error {
  readonly problems: readonly KnowledgeProblem[];

  constructor(problems: readonly KnowledgeProblem[], where: string) {
    super(reportProblems(problems, where, 'The knowledge base is invalid'));
    this.name = 'InvalidKnowledgeError';
    this.problems = problems;
  }
}
