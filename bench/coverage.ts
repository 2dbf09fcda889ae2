/**
 * Coverage of the knowledge against the reference lists in knowledge/reference/*.tsv: every item
 * (a glossary term, a command, a pod error, an article) must lead, through `define <name>` or
 * `ask <name>`, to an entry that names it — its title or an alias is the item's name, or one of
 * its command lines is the item's command. An item left out on purpose says why in a fifth
 * column, `left_out`. `npm run coverage` prints `coverage <list>: N/M` and the missing items;
 * tests/accuracy/coverage.test.ts holds the floors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CommandShapes } from '../src/core/engine/command-shape.js';
import { NameIndex } from '../src/core/engine/name-index.js';
import type { AnswerEngine, KnowledgeBase } from '../src/core/types.js';

export interface ListCoverage {
  readonly list: string;
  readonly total: number;
  readonly covered: number;
  /** Items left out on purpose, with their reasons. */
  readonly leftOut: readonly { name: string; reason: string }[];
  readonly missing: readonly string[];
}

interface Row {
  readonly name: string;
  readonly leftOut?: string;
}

function readRows(file: string): Row[] {
  const [, ...lines] = readFileSync(file, 'utf8').split('\n');
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [name = '', , , , leftOut] = line.split('\t');
      return leftOut?.trim()
        ? { name: name.trim(), leftOut: leftOut.trim() }
        : { name: name.trim() };
    });
}

/** The coverage of every reference list, in file-name order. */
export function coverageOf(
  engine: AnswerEngine,
  knowledge: KnowledgeBase,
  dir: string,
): ListCoverage[] {
  const names = new NameIndex(knowledge.entries);
  const shapes = new CommandShapes(knowledge.entries, knowledge.tools, knowledge.commandNames);
  const byId = new Map(knowledge.entries.map((entry) => [entry.id, entry]));
  /** Whether an entry names the item: by one of its names, or by a command line of exactly it. */
  const namesItem = (id: string, item: string): boolean => {
    if (names.lookup(item).exact?.id === id) return true;
    const entry = byId.get(id);
    const shape = shapes.shapeOf(item);
    return (
      entry !== undefined &&
      shape !== undefined &&
      shapes.fitLength(entry, shape) === shape.words.length
    );
  };
  return readdirSync(dir)
    .filter((name) => name.endsWith('.tsv'))
    .sort()
    .map((name) => {
      const rows = readRows(path.join(dir, name));
      const leftOut = rows.flatMap((row) =>
        row.leftOut ? [{ name: row.name, reason: row.leftOut }] : [],
      );
      const missing: string[] = [];
      let covered = 0;
      for (const row of rows) {
        if (row.leftOut) continue;
        const found = [engine.define(row.name), engine.ask(row.name)].some(
          (answer) => answer.kind === 'answer' && namesItem(answer.entry.id, row.name),
        );
        if (found) covered += 1;
        else missing.push(row.name);
      }
      return {
        list: path.basename(name, '.tsv'),
        total: rows.length - leftOut.length,
        covered,
        leftOut,
        missing,
      };
    });
}

export function coverageLine(coverage: ListCoverage): string {
  const left =
    coverage.leftOut.length > 0 ? ` (${coverage.leftOut.length} left out with a reason)` : '';
  return `coverage ${coverage.list}: ${coverage.covered}/${coverage.total}${left}`;
}
