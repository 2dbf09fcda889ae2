import type { Entry, Tool } from '../types.js';
import { fold, stem } from './normalise.js';

/** The tools a question names, and which tools' cards may therefore answer it. */
export interface NamedTools {
  /** Tools named outright ("with podman", "docker compose up", "lxc-attach"). */
  readonly named: ReadonlySet<string>;
  /** Tools only suggested ("in kubernetes" → kubectl), when none is named outright. */
  readonly implied: ReadonlySet<string>;
  /** The named tools and their children (docker → docker compose, buildx); empty when none. */
  readonly allowed: ReadonlySet<string>;
  /** The question's words that spelt a tool (stemmed): a card of that tool matches them. */
  readonly toolWords: ReadonlySet<string>;
}

/** Words before a tool's name that say the question is not about it. */
const NEGATIONS = [
  'without',
  'instead of',
  'not',
  'no',
  'except',
  'replace',
  'replacing',
  'rather than',
];

interface Spelling {
  readonly words: readonly string[];
  /** `lxc-*`: the last word is a prefix of a question word. */
  readonly prefix: boolean;
  readonly tools: string[];
  readonly implied: boolean;
}

/** Words as tool names are typed: hyphens and apostrophes stay inside words (`lxc-attach`). */
function words(text: string): string[] {
  return fold(text)
    .replace(/[^a-z0-9'.\-\s]+/g, ' ')
    .split(/\s+/)
    .map((word) => word.replace(/^[-.']+|[-.']+$/g, ''))
    .filter((word) => word.length > 0);
}

/**
 * Recognises the tools a question names, from the spellings in `knowledge/tools.yaml`.
 * Longer spellings win and consume their words: "docker compose up" names Docker Compose, not
 * Docker as well.
 */
export class ToolDetector {
  private readonly spellings: Spelling[];
  private readonly children = new Map<string, string[]>();

  constructor(tools: ReadonlyMap<string, Tool>) {
    const bySpelling = new Map<string, Spelling>();
    const add = (text: string, tool: string, implied: boolean) => {
      const prefix = text.endsWith('-*');
      const spelt = words(prefix ? text.slice(0, -1) : text);
      if (prefix && spelt.length > 0) spelt[spelt.length - 1] = `${spelt.at(-1)}-`;
      const key = `${implied}:${prefix}:${spelt.join(' ')}`;
      const known = bySpelling.get(key);
      if (known) known.tools.push(tool);
      else bySpelling.set(key, { words: spelt, prefix, tools: [tool], implied });
    };
    for (const tool of tools.values()) {
      for (const spelling of tool.spellings) add(spelling, tool.id, false);
      for (const spelling of tool.impliedBy) add(spelling, tool.id, true);
      if (tool.parent) {
        const siblings = this.children.get(tool.parent) ?? [];
        siblings.push(tool.id);
        this.children.set(tool.parent, siblings);
      }
    }
    this.spellings = [...bySpelling.values()].sort((a, b) => b.words.length - a.words.length);
  }

  detect(question: string): NamedTools {
    const tokens = words(question);
    const used = new Array<boolean>(tokens.length).fill(false);
    const named = new Set<string>();
    const implied = new Set<string>();
    const toolWords = new Set<string>();
    for (const spelling of this.spellings) {
      const n = spelling.words.length;
      for (let i = 0; i + n <= tokens.length; i += 1) {
        if (used.slice(i, i + n).some(Boolean)) continue;
        const fits = spelling.words.every((word, k) => {
          const token = tokens[i + k] ?? '';
          const last = k === n - 1;
          return spelling.prefix && last
            ? token.startsWith(word) && token.length > word.length
            : token === word || token === `${word}'s`;
        });
        if (!fits) continue;
        // "without docker", "instead of helm": the question is explicitly not about that tool.
        const before = tokens.slice(Math.max(0, i - 2), i).join(' ');
        const negated = NEGATIONS.some(
          (negation) => before === negation || before.endsWith(` ${negation}`),
        );
        for (let k = i; k < i + n; k += 1) {
          used[k] = true;
          // "lxc-attach" names a tool and a command: its words stay in the ranking.
          if (spelling.prefix) continue;
          for (const part of (tokens[k] ?? '').split(/[-.']/)) if (part) toolWords.add(stem(part));
        }
        if (negated) continue;
        for (const tool of spelling.tools) (spelling.implied ? implied : named).add(tool);
      }
    }
    const allowed = new Set<string>();
    for (const tool of named) {
      allowed.add(tool);
      for (const child of this.children.get(tool) ?? []) allowed.add(child);
    }
    return { named, implied: named.size > 0 ? new Set() : implied, allowed, toolWords };
  }
}

/**
 * Whether an entry may answer a question that names tools: a command must be one of the allowed
 * tools'; a term or topic may, unless it belongs to another tool.
 */
export function fitsTools(entry: Entry, tools: NamedTools): boolean {
  if (tools.allowed.size === 0) return true;
  if (entry.tool === undefined) return entry.kind !== 'command';
  return tools.allowed.has(entry.tool);
}
