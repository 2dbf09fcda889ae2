/**
 * Mechanical labels for questions taken from a command example: the expected entries are the
 * command entries whose syntax line, read up to its first placeholder or option, is a word
 * prefix of the example's command read the same way — the longest such match, so
 * `podman pod create` beats `podman pod`. Aliases count only where the reference lists say so
 * (`docker ps` is an alias of `docker container ls`): both sides are read in their canonical name.
 */
import path from 'node:path';
import type { Entry } from '../src/core/types.js';
import { aliasOf, COMMAND_LISTS, commandSyntax, readReference } from './evaluate.js';

/** At most this many spellings of one command are compared (alternatives multiply). */
const MAX_VARIANTS = 64;

/**
 * The command's spellings, in words, up to the first placeholder, option or shell syntax:
 * `sudo kubectl get {{pods}} -A` → `kubectl get`. A tldr alternative of literal words
 * (`docker {{[rm|container rm]}}`) and a syntax line's choice (`run|create`, `(cordon | uncordon)`,
 * `<create|delete>`, `{{start|stop}}`) give one spelling per alternative; a shell line gives the
 * words of each command of its pipeline, without environment assignments or `<` redirections. Words are split on spaces only, not by the
 * engine's tokenizer, which reads `lxc-start` (classic LXC) and `lxc start` (LXD) as the same words.
 */
export function commandWords(command: string): string[][] {
  return topLevelParts(command, ' | ').flatMap(stageWords);
}

function stageWords(stage: string): string[][] {
  const text = stage
    .trim()
    .toLowerCase()
    .replace(/^(?:[a-z_][a-z0-9_]*=\S*\s+)+/, '')
    .replace(/\s<\s+\S+/g, '')
    .replace(/\{\{([a-z0-9-]+(?:\|[a-z0-9-]+)+)\}\}/g, '$1')
    .replace(/\{\{\[([a-z0-9][^\]]*)\]\}\}/g, (_, choices: string) =>
      choices
        .split('|')
        .map((choice) => choice.trim().replace(/\s+/g, '+'))
        .join('|'),
    )
    .replace(/[(<]\s*([a-z0-9-]+(?:\s*\|\s*[a-z0-9-]+)+)\s*[)>]/g, (_, choices: string) =>
      choices.replace(/\s+/g, ''),
    );
  let variants: string[][] = [[]];
  for (const word of text.split(/\s+/)) {
    if (!/^[a-z0-9]/.test(word) || word.includes('{{')) break;
    const choices = word.split('|').map((choice) => choice.split('+'));
    variants = variants
      .flatMap((variant) => choices.map((choice) => [...variant, ...choice]))
      .slice(0, MAX_VARIANTS);
  }
  return variants.map((words) => (words[0] === 'sudo' ? words.slice(1) : words));
}

/** The parts of the text between separators outside brackets, braces and parentheses. */
function topLevelParts(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if ('([{'.includes(char)) depth += 1;
    else if (')]}'.includes(char)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i));
      start = i + separator.length;
    }
  }
  return [...parts, text.slice(start)];
}

/**
 * A syntax line without the global options before its subcommand (`ctr [-n <namespace>] run`,
 * `docker compose [-f <file>] up`), which would otherwise end it at the tool's name.
 */
function withoutOptionGroups(syntax: string): string {
  return syntax.replace(/\s\[-[^[\]]*(?:\[[^[\]]*\][^[\]]*)*\]/g, '');
}

/** Alias name → canonical name, in command words, from every reference command list. */
export function referenceAliases(referenceDir: string): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const list of COMMAND_LISTS) {
    for (const row of readReference(path.join(referenceDir, `${list}.tsv`))) {
      const canonical = aliasOf(row);
      if (canonical) aliases.set(row.name.toLowerCase(), canonical.toLowerCase());
    }
  }
  return aliases;
}

export interface CommandLabel {
  /** The ids of the longest-matching entries; empty when no entry's syntax matches. */
  readonly expect: readonly string[];
  /** The canonical command words the entries matched (empty when none did). */
  readonly matched: string;
}

export type CommandLabeller = (command: string) => CommandLabel;

/**
 * A labeller over the command entries of the knowledge. A match of the tool's name alone counts
 * only when the example is the bare tool: "podman volume prune" is not answered by `podman help`.
 * A syntax line listing several commands (`crictl pull <image> | crictl images`) matches as each,
 * and so does every alias of the entry that spells a command (`podman unpause` on `podman-pause`).
 */
export function commandLabeller(
  entries: readonly Entry[],
  aliases: ReadonlyMap<string, string>,
): CommandLabeller {
  const canonical = (words: readonly string[]): string[] => {
    for (let k = words.length; k > 0; k -= 1) {
      const alias = aliases.get(words.slice(0, k).join(' '));
      if (alias !== undefined) return [...alias.split(' '), ...words.slice(k)];
    }
    return [...words];
  };
  const syntaxes = entries.flatMap((entry) =>
    entry.kind === 'command'
      ? [...topLevelParts(entry.command, ' | '), ...entry.aliases]
          .flatMap((line) => commandWords(commandSyntax(withoutOptionGroups(line))))
          .filter((words) => words.length > 0)
          .map((words) => ({ id: entry.id, words: canonical(words) }))
      : [],
  );
  return (command) => {
    let best = 0;
    let matched = '';
    const expect = new Set<string>();
    for (const words of commandWords(command).map(canonical)) {
      for (const syntax of syntaxes) {
        const length = syntax.words.length;
        if (length < best || length > words.length) continue;
        if (length === 1 && words.length > 1) continue;
        if (!syntax.words.every((word, i) => words[i] === word)) continue;
        if (length > best) {
          best = length;
          expect.clear();
          matched = syntax.words.join(' ');
        }
        expect.add(syntax.id);
      }
    }
    return { expect: [...expect], matched };
  };
}
