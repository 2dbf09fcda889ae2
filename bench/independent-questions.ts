/**
 * Questions for the independent check, built from tldr-pages examples and Podman's man-page NAME
 * lines and labelled mechanically (bench/command-labels.ts). Neither source is ever tuned on.
 *
 * A question reads "with <tool>, <description>": the tool first, the way a chat message sets its
 * context ("with podman, run a command in a new container"), and the same form for both sources so
 * their figures compare. When the description already names the tool ("Create an LXC container")
 * it is asked as it stands, so the tool is not named twice.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Tool } from '../src/core/types.js';
import type { CommandLabeller } from './command-labels.js';
import type { Question } from './evaluate.js';
import type { TldrPage } from './tldr-pages.js';

/** A page's command, by its first words, → the tool (an id of knowledge/tools.yaml). */
const TOOL_OF_COMMAND: readonly (readonly [prefix: string, tool: string])[] = [
  ['docker compose', 'docker-compose'],
  ['docker-compose', 'docker-compose'],
  ['docker buildx', 'buildx'],
  ['docker', 'docker'],
  ['dockerd', 'docker'],
  ['podman', 'podman'],
  ['buildah', 'buildah'],
  ['skopeo', 'skopeo'],
  ['kubectl', 'kubectl'],
  ['helm', 'helm'],
  ['kind', 'kind'],
  ['minikube', 'minikube'],
  ['kubeadm', 'kubeadm'],
  ['crictl', 'crictl'],
  ['ctr', 'ctr'],
  ['nerdctl', 'nerdctl'],
  ['lxc', 'lxd'],
  ['incus', 'incus'],
];

/** The tool a page is about and the words that name it in a question, or undefined. */
export function toolOfPage(name: string): { tool: string; words: string } | undefined {
  const first = name.toLowerCase().split(/\s+/);
  if (/^lxc-[a-z]/.test(first[0] ?? '')) return { tool: 'lxc', words: first[0] ?? '' };
  for (const [prefix, tool] of TOOL_OF_COMMAND) {
    const words = prefix.split(' ');
    if (words.every((word, i) => first[i] === word)) {
      return { tool, words: tool === 'docker-compose' ? 'docker compose' : prefix };
    }
  }
  return undefined;
}

/** Does the text name the tool by one of its spellings (`lxc-*` as a word prefix)? */
export function namesTool(text: string, tool: Tool): boolean {
  const lower = text.toLowerCase();
  return tool.spellings.some((spelling) => {
    const escaped = spelling.replace(/-\*$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = spelling.endsWith('-*') ? `\\b${escaped}-[a-z]` : `\\b${escaped}\\b`;
    return new RegExp(pattern).test(lower);
  });
}

/** A description in chat words: no backticks, no tldr mnemonic brackets (`[a]ll` → `all`). */
function chatWords(description: string): string {
  return description
    .replace(/`/g, '')
    .replace(/\[([^\]\s]+)\]/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "with <tool>, <description>", or the description alone when it names the tool already. */
export function questionText(description: string, toolWords: string, tool: Tool): string {
  const text = chatWords(description);
  if (namesTool(text, tool)) return text;
  const lowered = /^[A-Z][a-z]/.test(text) ? `${text[0]?.toLowerCase()}${text.slice(1)}` : text;
  return `with ${toolWords}, ${lowered}`;
}

/** One `ask` question per example of every page of a known tool, area = the tool id. */
export function tldrQuestions(
  pages: readonly TldrPage[],
  tools: ReadonlyMap<string, Tool>,
  label: CommandLabeller,
): Question[] {
  return pages.flatMap((page) => {
    const of = toolOfPage(page.name);
    const tool = of && tools.get(of.tool);
    if (!of || !tool) return [];
    // An alias page's only example points to the other page (`tldr docker container diff`).
    const examples = page.examples.filter((example) => !example.command.startsWith('tldr '));
    return examples.map(
      (example): Question => ({
        q: questionText(example.description, of.words, tool),
        mode: 'ask',
        expect: label(example.command).expect,
        area: of.tool,
        from: `${page.name}: ${example.command}`,
      }),
    );
  });
}

export interface ManPage {
  /** The command the page documents, from its SYNOPSIS: `podman pod create`. */
  readonly command: string;
  /** The NAME line's description: `Create a new pod`. */
  readonly description: string;
  readonly file: string;
}

/**
 * A Podman man page (docs/source/markdown/podman-*.1.md[.in]): the NAME line is
 * `podman\-pod\-create - Create a new pod`; the command is the SYNOPSIS's first bold words,
 * since a hyphen in the NAME line may be part of a subcommand (`podman\-auto-update`).
 */
export function parseManPage(text: string, file: string): ManPage | undefined {
  const after = (heading: string): string | undefined => {
    const lines = text.split('\n');
    const at = lines.findIndex((line) => line.trim() === heading);
    return at < 0 ? undefined : lines.slice(at + 1).find((line) => line.trim() !== '');
  };
  const name = after('## NAME');
  const command = /\*\*([^*]+)\*\*/.exec(after('## SYNOPSIS') ?? '')?.[1]?.trim();
  const description = name
    ?.split(/ \\?- /)
    .slice(1)
    .join(' - ')
    .trim();
  if (!command || !description) return undefined;
  return { command, description, file };
}

/** Every Podman man page of a folder (a podman checkout, its docs/source/markdown, or a copy). */
export function readManPages(dir: string): ManPage[] {
  const candidates = [path.join(dir, 'docs/source/markdown'), dir];
  for (const folder of candidates) {
    let names: string[];
    try {
      names = readdirSync(folder).filter((n) => /^podman.*\.1\.md(\.in)?$/.test(n));
    } catch {
      continue;
    }
    if (names.length === 0) continue;
    const byCommand = new Map<string, ManPage>();
    for (const name of names.sort()) {
      const page = parseManPage(readFileSync(path.join(folder, name), 'utf8'), name);
      if (page && !byCommand.has(page.command)) byCommand.set(page.command, page);
    }
    return [...byCommand.values()];
  }
  throw new Error(
    `No Podman man pages in ${dir}: expected podman-*.1.md there or in docs/source/markdown/. Export them from github:containers/podman (git archive HEAD docs/source/markdown | tar -x -C <dir>) and pass <dir>.`,
  );
}

/** One `ask` question per man page: "with podman, <NAME description>". */
export function manPageQuestions(
  pages: readonly ManPage[],
  tool: Tool,
  label: CommandLabeller,
): Question[] {
  return pages.map(
    (page): Question => ({
      q: questionText(page.description, 'podman', tool),
      mode: 'ask',
      expect: label(page.command).expect,
      area: 'podman-man',
      from: `${page.file}: ${page.command}`,
    }),
  );
}
