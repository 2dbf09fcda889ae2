import type { Entry, Tool } from '../types.js';
import { fold } from './normalise.js';

/**
 * A question typed as a command line ("kubectl rollout pause", "lxc profile set c1 x y",
 * "docker run -it --rm ubuntu bash") asks for that command. Only a card of that command answers
 * it: the card of a sibling subcommand (`kubectl rollout undo`) or a concept card (`LXD
 * profiles`) is the wrong answer, however many words it shares.
 */

/** Command-line words: lower case, split on white space, without surrounding quotes. */
function commandWords(text: string): string[] {
  return fold(text)
    .split(/\s+/)
    .map((word) => word.replace(/^["'`]+|["'`,;]+$/g, ''))
    .filter((word) => word.length > 0);
}

/** The literal words a command line starts with, before its first placeholder or option. */
function leadingWords(line: string): string[][] {
  const out: string[][] = [];
  for (const word of commandWords(line)) {
    if (/^[<[\-{(]/.test(word) || word.includes('=') || word === '|' || word === '...') break;
    out.push(word.split('|').filter((w) => w.length > 0));
  }
  return out;
}

/** Words of a comparison ("docker volume vs bind mount"): prose, never part of a command line. */
const NOT_SUBCOMMANDS: ReadonlySet<string> = new Set([
  'vs',
  'vs.',
  'versus',
  'compared',
  'comparison',
  'alternative',
  'alternatives',
  'equivalent',
]);

/**
 * English function words: one of them among the words after the tool makes the question prose
 * ("podman create a secret", "kubectl get pods in all namespaces"), not a command line.
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `a about an and are as at be by can could did do does for from had has have how i i'm if in
   into is it its me my of on or our should so than that the their then there these they this
   those to was we were what when where which who why will with would you your`.split(/\s+/),
);

/** A question typed as a command line: the tools it starts with and the words after them. */
export interface CommandShape {
  readonly tools: ReadonlySet<string>;
  readonly words: readonly string[];
  /** Words after the tool that spell a command the reference lists know (0 when none). */
  readonly knownDepth: number;
}

export class CommandShapes {
  /** Per entry: every command line it answers, as words with alternatives. */
  private readonly lines = new Map<string, string[][][]>();
  /** Every tool spelling, as words, longest first. */
  private readonly spellings: { words: string[]; prefix: boolean; tool: string }[] = [];
  /** Every command the reference lists name, as its words joined by spaces. */
  private readonly known: ReadonlySet<string>;
  /** The first one and two words of every listed command: a tool spelt so has listed commands. */
  private readonly listedTools = new Set<string>();

  constructor(
    entries: readonly Entry[],
    tools: ReadonlyMap<string, Tool>,
    commandNames: readonly string[],
  ) {
    this.known = new Set(commandNames.map((name) => commandWords(name).join(' ')));
    for (const name of this.known) {
      const words = name.split(' ');
      for (let n = 1; n < words.length && n <= 2; n += 1) {
        this.listedTools.add(words.slice(0, n).join(' '));
      }
    }
    for (const tool of tools.values()) {
      for (const spelling of tool.spellings) {
        const prefix = spelling.endsWith('-*');
        this.spellings.push({
          words: commandWords(prefix ? spelling.slice(0, -1) : spelling),
          prefix,
          tool: tool.id,
        });
      }
    }
    this.spellings.sort((a, b) => b.words.length - a.words.length);
    for (const entry of entries) {
      if (entry.kind !== 'command') continue;
      const lines = entry.command
        .split(/\s+\|\s+/)
        .concat(entry.aliases)
        .map(leadingWords)
        .filter(
          (words) => words.length > 0 && this.toolAt(words.map((w) => w[0] ?? '')) !== undefined,
        );
      this.lines.set(entry.id, lines);
    }
  }

  /**
   * How many leading words spell a tool (0 for a prefix spelling: `lxc-attach` is the command),
   * and every tool that spelling names (`lxc` is LXD's client and the classic tools' prefix).
   * Spellings are sorted longest first, so the first length found is the longest.
   */
  private toolAt(words: readonly string[]): { length: number; tools: Set<string> } | undefined {
    let found: { length: number; tools: Set<string> } | undefined;
    for (const spelling of this.spellings) {
      const length = spelling.prefix ? 0 : spelling.words.length;
      if (found && length !== found.length) continue;
      const stem = spelling.words[0] ?? '';
      const first = words[0] ?? '';
      const fits = spelling.prefix
        ? first.startsWith(stem) && first.length > stem.length
        : spelling.words.every((word, i) => words[i] === word);
      if (!fits) continue;
      found ??= { length, tools: new Set() };
      found.tools.add(spelling.tool);
    }
    return found;
  }

  /**
   * The command words of a question typed as a command line — it starts with a tool, and none
   * of its words is an ordinary English function word ("how", "a", "in") — or undefined.
   */
  shapeOf(question: string): CommandShape | undefined {
    if (/[?]/.test(question)) return undefined;
    const words = commandWords(question);
    const tool = this.toolAt(words);
    if (!tool || words.length < 2 || words.length > 16) return undefined;
    const rest = words.slice(tool.length);
    if (rest.length === 0 || rest.some((word) => NOT_SUBCOMMANDS.has(word))) return undefined;
    if (rest.some((word) => FUNCTION_WORDS.has(word.replace(/[^a-z']/g, '')) && !/^-/.test(word))) {
      return undefined;
    }
    // The longest command the reference lists know that the question spells from its start.
    let knownDepth = 0;
    for (let n = words.length; n > tool.length; n -= 1) {
      if (this.known.has(words.slice(0, n).join(' '))) {
        knownDepth = n - tool.length;
        break;
      }
    }
    // "docker remove unused volumes", "podman disk usage": the tool's commands are listed and
    // none starts this way, so it is a question in chat words, not a command line.
    if (
      knownDepth === 0 &&
      tool.length > 0 &&
      this.listedTools.has(words.slice(0, tool.length).join(' '))
    ) {
      return undefined;
    }
    return { tools: tool.tools, words: rest, knownDepth };
  }

  /**
   * Whether an entry is the command a command-shaped question typed: one of its command lines,
   * after the tool, is a prefix of the question's words.
   */
  fits(entry: Entry, shape: CommandShape): boolean {
    return this.fitLength(entry, shape) > 0;
  }

  /**
   * How many of the question's words after the tool the entry's best-fitting command line spells
   * (0: none). A line of the same tool must spell them from the start, and at least as far as
   * the longest known command the question spells: `incus snapshot` is not an answer to
   * `incus snapshot delete`, while `kubectl get` is one to `kubectl get pods`.
   */
  fitLength(entry: Entry, shape: CommandShape): number {
    let best = 0;
    for (const line of this.lines.get(entry.id) ?? []) {
      const tool = this.toolAt(line.map((w) => w[0] ?? ''));
      if (!tool || ![...tool.tools].some((id) => shape.tools.has(id))) continue;
      const words = line.slice(tool.length);
      if (words.length === 0 || words.length > shape.words.length) continue;
      if (words.length < shape.knownDepth) continue;
      if (words.every((alternatives, i) => alternatives.includes(shape.words[i] ?? ''))) {
        best = Math.max(best, words.length);
      }
    }
    return best;
  }

  /**
   * The card of the command a command-shaped question typed: the entry whose command line spells
   * most of its words (`podman pod create` over `podman pod`); ties go to the earlier entry of
   * `preferred` (the ranking), then to the entry with fewer command lines (the more specific).
   */
  commandFor(
    shape: CommandShape,
    entries: readonly Entry[],
    preferred: readonly string[],
  ): Entry | undefined {
    let best: Entry | undefined;
    let bestLength = 0;
    let bestRank = Number.POSITIVE_INFINITY;
    for (const entry of entries) {
      const length = this.fitLength(entry, shape);
      if (length === 0) continue;
      const rank = preferred.indexOf(entry.id);
      const order = rank === -1 ? Number.POSITIVE_INFINITY : rank;
      if (length > bestLength || (length === bestLength && order < bestRank)) {
        best = entry;
        bestLength = length;
        bestRank = order;
      }
    }
    return best;
  }
}
