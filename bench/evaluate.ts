/**
 * Answer accuracy over question sets: for each question, does the engine answer with one of the
 * expected entries, answer with a wrong one (confidently wrong, the worst outcome), or say it
 * does not know? `npm run eval` prints the figures; tests/accuracy asserts the floors.
 *
 * Three families of sets:
 * - own (tests/questions/*.yaml): written by the project, everyday phrasing; flattering.
 * - derived (tests/questions/derived/*.yaml): taken mechanically from public references (task
 *   page names, article titles, CLI example headings) and labelled by reading the knowledge.
 * - reference (built here from knowledge/reference/*.tsv): every official glossary term as a
 *   `define`, every command of the CLIs as an `ask`, labelled mechanically.
 * Derived and reference sets are split in halves by a hash of the question: `dev` may be tuned
 * on (npm run calibrate fits the score on it), `test` is only ever scored.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { NameIndex } from '../src/core/engine/name-index.js';
import { normaliseKey, tokenize } from '../src/core/engine/normalise.js';
import type { AnswerEngine, Entry, KnowledgeBase } from '../src/core/types.js';

export interface Question {
  readonly q: string;
  readonly mode: 'ask' | 'define';
  /** Acceptable entry ids; empty when the bot must say it does not know. */
  readonly expect: readonly string[];
  readonly area: string;
  /** Where a derived question came from (a path, a heading, a list row). */
  readonly from?: string;
}

export type Half = 'dev' | 'test';
export type SetFamily = 'own' | 'derived' | 'reference';

export interface QuestionSet {
  readonly name: string;
  readonly family: SetFamily;
  readonly questions: readonly Question[];
}

export interface Outcome {
  readonly question: Question;
  /** The entry answered, or `no_answer`. */
  readonly got: string;
  readonly answered: boolean;
  readonly right: boolean;
  /** The answer's score (0 for no answer). */
  readonly score: number;
}

export interface Accuracy {
  readonly total: number;
  /** Right answers, and right refusals of questions with nothing to answer. */
  readonly correct: number;
  /** Answered with a card that is not one of the expected ones. */
  readonly wrongConfident: number;
  /** Said it does not know although an expected card exists. */
  readonly noAnswer: number;
  readonly byArea: ReadonlyMap<string, { total: number; correct: number }>;
  readonly misses: readonly Outcome[];
  readonly outcomes: readonly Outcome[];
}

/** FNV-1a: a stable hash, so a question is in the same half on every machine and every run. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The half a question belongs to, by a hash of its mode and normalised text. */
export function halfOf(question: Question): Half {
  return fnv1a(`${question.mode}:${normaliseKey(question.q)}`) % 2 === 0 ? 'dev' : 'test';
}

export function halfOfSet(set: QuestionSet, half: Half): QuestionSet {
  return { ...set, questions: set.questions.filter((q) => halfOf(q) === half) };
}

function readYamlSets(dir: string, family: SetFamily): QuestionSet[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.yaml'));
  } catch {
    return [];
  }
  return names.sort().map((name) => ({
    name: path.basename(name, '.yaml'),
    family,
    questions: (
      load(readFileSync(path.join(dir, name), 'utf8'), { schema: CORE_SCHEMA }) as Question[]
    ).map((q) => ({
      ...q,
      expect: q.expect ?? [],
    })),
  }));
}

/** Reads every `*.yaml` question file of a folder, by file name (the project's own sets). */
export function readQuestionSets(dir: string): Map<string, Question[]> {
  return new Map(readYamlSets(dir, 'own').map((set) => [set.name, [...set.questions]]));
}

/** The derived sets, in tests/questions/derived. */
export function readDerivedSets(dir: string): QuestionSet[] {
  return readYamlSets(dir, 'derived');
}

export interface ReferenceRow {
  readonly name: string;
  readonly kind: string;
  readonly notes: string;
}

/** The rows of one reference list (`knowledge/reference/<list>.tsv`), header left out. */
export function readReference(file: string): ReferenceRow[] {
  const [, ...lines] = readFileSync(file, 'utf8').split('\n');
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [name = '', kind = '', , notes = ''] = line.split('\t');
      return { name, kind, notes };
    });
}

/** The command lists whose items become `ask` questions, with the tool each one is for. */
export const COMMAND_LISTS = [
  'kubectl',
  'docker',
  'podman',
  'helm',
  'kubeadm',
  'kind',
  'minikube',
  'crictl',
  'buildah',
  'skopeo',
  'nerdctl',
  'ctr',
  'lxc-classic',
  'lxd-client',
] as const;

/** A command entry's syntax line up to its first placeholder or optional part: `kubectl rollout undo`. */
export function commandSyntax(command: string): string {
  return command.replace(/[<[].*$/, '');
}

/** The command a reference row is an alias of (`docker ps` → `docker container ls`), if any. */
export function aliasOf(row: ReferenceRow): string | undefined {
  return /alias of ([^;]+)/.exec(row.notes)?.[1]?.trim();
}

/** Entries whose command line starts with these words (`kubectl rollout undo <…>`). */
function commandOwners(entries: readonly Entry[], name: string): string[] {
  const words = tokenize(name).join(' ');
  return entries
    .filter((entry) => {
      if (entry.kind !== 'command') return false;
      const syntax = tokenize(commandSyntax(entry.command)).join(' ');
      return syntax === words;
    })
    .map((entry) => entry.id);
}

/**
 * Sets built from the reference lists: every current Kubernetes glossary term as `define <term>`
 * (right: the entry that names it; when none does, "I don't know"), and every command of the
 * CLIs as `ask <command words>` (right: an entry named so, or whose syntax is those words).
 */
export function referenceSets(knowledge: KnowledgeBase, dir: string): QuestionSet[] {
  const names = new NameIndex(knowledge.entries);
  const named = (text: string): string[] => {
    const match = names.lookup(text);
    if (match.exact) return [match.exact.id];
    return match.partial.length === 1 && match.partial[0] ? [match.partial[0].id] : [];
  };
  const sets: QuestionSet[] = [];
  const glossary = readReference(path.join(dir, 'k8s-glossary.tsv'))
    .filter((row) => row.kind === 'term')
    .map(
      (row): Question => ({
        q: row.name,
        mode: 'define',
        expect: named(row.name),
        area: 'k8s-glossary',
        from: 'k8s-glossary.tsv',
      }),
    );
  sets.push({ name: 'reference-k8s-glossary', family: 'reference', questions: glossary });
  const commands: Question[] = [];
  for (const list of COMMAND_LISTS) {
    for (const row of readReference(path.join(dir, `${list}.tsv`))) {
      if (!/^(command|group)$/.test(row.kind) && !/^(lxd|incus)$/.test(row.kind)) continue;
      const canonical = aliasOf(row);
      const expect = [
        ...new Set([
          ...named(row.name),
          ...commandOwners(knowledge.entries, row.name),
          ...(canonical
            ? [...named(canonical), ...commandOwners(knowledge.entries, canonical)]
            : []),
        ]),
      ];
      commands.push({ q: row.name, mode: 'ask', expect, area: list, from: `${list}.tsv` });
    }
  }
  sets.push({ name: 'reference-commands', family: 'reference', questions: commands });
  return sets;
}

/** Asks every question and scores the answers. */
export function evaluate(engine: AnswerEngine, questions: readonly Question[]): Accuracy {
  const byArea = new Map<string, { total: number; correct: number }>();
  const outcomes: Outcome[] = [];
  let correct = 0;
  let wrongConfident = 0;
  let noAnswer = 0;
  for (const question of questions) {
    const answer = question.mode === 'define' ? engine.define(question.q) : engine.ask(question.q);
    const answered = answer.kind === 'answer';
    const got = answered ? answer.entry.id : 'no_answer';
    const right = question.expect.length === 0 ? !answered : question.expect.includes(got);
    if (right) correct += 1;
    else if (answered) wrongConfident += 1;
    else noAnswer += 1;
    const area = byArea.get(question.area) ?? { total: 0, correct: 0 };
    area.total += 1;
    if (right) area.correct += 1;
    byArea.set(question.area, area);
    outcomes.push({ question, got, answered, right, score: answer.score });
  }
  return {
    total: questions.length,
    correct,
    wrongConfident,
    noAnswer,
    byArea,
    misses: outcomes.filter((o) => !o.right),
    outcomes,
  };
}

export interface ReliabilityRow {
  /** The lowest score of the bucket; the bucket ends at the next row's `from` (or 1). */
  readonly from: number;
  readonly answered: number;
  readonly right: number;
}

/** Score bucket → how many answers, how many of them right. */
export function reliability(
  outcomes: readonly Outcome[],
  edges: readonly number[] = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95],
): ReliabilityRow[] {
  return edges.map((from, i) => {
    const to = edges[i + 1] ?? 1.0000001;
    const inBucket = outcomes.filter((o) => o.answered && o.score >= from && o.score < to);
    return { from, answered: inBucket.length, right: inBucket.filter((o) => o.right).length };
  });
}

export const percent = (a: { total: number; correct: number }) =>
  a.total === 0 ? 'n/a' : `${((100 * a.correct) / a.total).toFixed(1)}%`;

export const share = (part: number, total: number) =>
  total === 0 ? 'n/a' : `${((100 * part) / total).toFixed(1)}%`;
