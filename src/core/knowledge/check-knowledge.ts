import { normaliseKey } from '../engine/normalise.js';
import type { Entry, Source, Tool } from '../types.js';
import type { KnowledgeProblem } from './problem.js';

/**
 * Checks that span files: ids, titles and aliases unique across the whole base, related ids and
 * source ids that resolve, and at least one live, linkable source per entry.
 */
export function checkKnowledge(
  entries: readonly Entry[],
  sources: ReadonlyMap<string, Source>,
  tools: ReadonlyMap<string, Tool>,
  shownPath: (file: string) => string,
): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const byId = new Map<string, Entry>();
  for (const entry of entries) {
    const other = byId.get(entry.id);
    if (other) {
      problems.push({
        file: shownPath(entry.file),
        field: 'id',
        message: `"${entry.id}" is already used by ${shownPath(other.file)}: ids must be unique across all kinds`,
      });
      continue;
    }
    byId.set(entry.id, entry);
  }

  // Every name a person can type for an entry must lead to exactly one entry.
  const owners = new Map<string, { entry: Entry; field: string }>();
  for (const entry of entries) {
    const names: [string, string][] = [
      ['id', entry.id],
      ['title', entry.title],
      ...entry.aliases.map((alias, i): [string, string] => [`aliases[${i}]`, alias]),
    ];
    const seenHere = new Set<string>();
    for (const [field, name] of names) {
      const key = normaliseKey(name);
      if (!key) {
        problems.push({
          file: shownPath(entry.file),
          field,
          message: `"${name}" has no letters or digits: it cannot be looked up`,
        });
        continue;
      }
      if (seenHere.has(key)) continue;
      seenHere.add(key);
      const owner = owners.get(key);
      if (owner && owner.entry !== entry) {
        problems.push({
          file: shownPath(entry.file),
          field,
          message: `"${name}" collides with ${owner.field} of ${shownPath(owner.entry.file)}: a name must lead to one entry, so drop or change one of them`,
        });
        continue;
      }
      owners.set(key, { entry, field });
    }
  }

  for (const entry of entries) {
    if (entry.tool !== undefined && !tools.has(entry.tool)) {
      problems.push({
        file: shownPath(entry.file),
        field: 'tool',
        message: `unknown tool "${entry.tool}": use an id from knowledge/tools.yaml (${[...tools.keys()].join(', ') || 'none yet'}) or add the tool there`,
      });
    }
    entry.related.forEach((relatedId, i) => {
      if (relatedId === entry.id) {
        problems.push({
          file: shownPath(entry.file),
          field: `related[${i}]`,
          message: `"${relatedId}" is the entry itself: remove it`,
        });
      } else if (!byId.has(relatedId)) {
        problems.push({
          file: shownPath(entry.file),
          field: `related[${i}]`,
          message: `unknown entry "${relatedId}": use the id of a file under knowledge/glossary, topics or commands`,
        });
      }
    });
    let linkable = 0;
    entry.sources.forEach((sourceId, i) => {
      const source = sources.get(sourceId);
      if (!source) {
        problems.push({
          file: shownPath(entry.file),
          field: `sources[${i}]`,
          message: `unknown source "${sourceId}": add it to knowledge/sources.yaml or use an id listed there`,
        });
        return;
      }
      if (source.url && !source.gone) linkable += 1;
    });
    if (entry.sources.length > 0 && linkable === 0 && entry.sources.every((s) => sources.has(s))) {
      problems.push({
        file: shownPath(entry.file),
        field: 'sources',
        message:
          'has no source that is online with a link: cite at least one live documentation page',
      });
    }
  }
  return problems;
}
