/**
 * tldr-pages (https://github.com/tldr-pages/tldr) read as question material for the independent
 * check: a page is `# name`, `> description` lines, then examples — a `- Description:` line and
 * the command on a line of its own in backticks, placeholders in `{{…}}`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface TldrExample {
  /** The example's description, without its trailing colon: `Start a stopped container`. */
  readonly description: string;
  /** The command as written on the page, placeholders and all: `podman start {{container}}`. */
  readonly command: string;
}

export interface TldrPage {
  /** The page's title, the command it documents: `podman run`, `lxc-create`. */
  readonly name: string;
  readonly examples: readonly TldrExample[];
  /** Where the page was read from (for messages and misses). */
  readonly file: string;
}

/** Reads one page; examples without a command line after their description are left out. */
export function parseTldrPage(text: string, file: string): TldrPage {
  const lines = text.split('\n').map((line) => line.trim());
  const name =
    lines
      .find((line) => line.startsWith('# '))
      ?.slice(2)
      .trim() ?? '';
  const examples: TldrExample[] = [];
  let description: string | undefined;
  for (const line of lines) {
    if (line.startsWith('- ')) {
      description = line.slice(2).replace(/:$/, '').trim();
    } else if (description !== undefined && /^`.+`$/.test(line)) {
      examples.push({ description, command: line.slice(1, -1).trim() });
      description = undefined;
    }
  }
  return { name, examples, file };
}

/** The platform folders read, most specific first: a Linux page overrides the common one. */
const PLATFORMS = ['linux', 'common'] as const;

/**
 * Every page of the platforms the bot is about, by title. `dir` is a tldr checkout or export (it
 * holds `pages/`) or its `pages/` folder itself; a missing folder is bad configuration.
 */
export function readTldrPages(dir: string): TldrPage[] {
  const pagesDir = isDirectory(path.join(dir, 'pages')) ? path.join(dir, 'pages') : dir;
  const found = PLATFORMS.map((platform) => path.join(pagesDir, platform)).filter(isDirectory);
  if (found.length === 0) {
    throw new Error(
      `No tldr pages in ${dir}: expected ${PLATFORMS.map((p) => `pages/${p}/`).join(' and ')} there. Export them from github:tldr-pages/tldr (git archive HEAD pages/common pages/linux | tar -x -C <dir>) and pass <dir>.`,
    );
  }
  const byName = new Map<string, TldrPage>();
  for (const platformDir of found) {
    for (const name of readdirSync(platformDir)
      .filter((n) => n.endsWith('.md'))
      .sort()) {
      const file = path.join(platformDir, name);
      const page = parseTldrPage(readFileSync(file, 'utf8'), file);
      if (page.name !== '' && !byName.has(page.name)) byName.set(page.name, page);
    }
  }
  return [...byName.values()];
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
