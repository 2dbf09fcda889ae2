import type { Answer, SearchHit } from '../../core/types.js';
import { splitFencedCode } from './fenced-code.js';

/** Terminal styling; plain text when output is not a terminal (pipes, files, tests). */
export interface TerminalStyle {
  readonly color: boolean;
}

const ANSI = { bold: '\u001b[1m', dim: '\u001b[2m', cyan: '\u001b[36m', reset: '\u001b[0m' };

function paint(style: TerminalStyle, code: string, text: string): string {
  return style.color ? `${code}${text}${ANSI.reset}` : text;
}

/** Strips control characters so text from anywhere cannot move the cursor or recolour the terminal. */
function safe(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

/** Inline Markdown for a terminal: bold, code and links; everything else as written. */
function inlineToTerminal(text: string, style: TerminalStyle): string {
  return text
    .replace(/\*\*([^*\n]+)\*\*/g, (_, bold: string) => paint(style, ANSI.bold, bold))
    .replace(/`([^`\n]+)`/g, (_, code: string) => paint(style, ANSI.cyan, code))
    .replace(
      /\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g,
      (_, label: string, url: string) => `${label} <${url}>`,
    );
}

/**
 * Light Markdown for a terminal: a fenced code block is shown indented, as written (its
 * backticks are fences, not inline code); elsewhere bold, code and links.
 */
export function markdownToTerminal(markdown: string, style: TerminalStyle): string {
  return splitFencedCode(safe(markdown))
    .map((part) =>
      'code' in part
        ? part.code
            .split('\n')
            .map((line) => `  ${paint(style, ANSI.cyan, line)}`)
            .join('\n')
        : inlineToTerminal(part.prose, style),
    )
    .join('');
}

/** An answer as the local shell and the CLI show it: what a chat user would read. */
export function renderAnswer(answer: Answer, style: TerminalStyle): string {
  const lines: string[] = [paint(style, ANSI.bold, safe(answer.title)), ''];
  lines.push(markdownToTerminal(answer.text, style));
  if (answer.kind === 'no_answer') {
    if (answer.suggestions.length > 0) {
      lines.push('', `Did you mean: ${answer.suggestions.map((s) => safe(s.title)).join(', ')}`);
    }
    return lines.join('\n');
  }
  if (answer.commands.length > 0) {
    lines.push('');
    for (const command of answer.commands) {
      lines.push(`  ${paint(style, ANSI.dim, `# ${command.description}`)}`);
      lines.push(`  ${paint(style, ANSI.cyan, `$ ${safe(command.command)}`)}`);
    }
  }
  if (answer.related.length > 0) {
    lines.push('', `Related: ${answer.related.map((r) => safe(r.title)).join(', ')}`);
  }
  if (answer.citations.length > 0) {
    lines.push('', 'Sources:');
    for (const c of answer.citations) {
      const where = c.url ? ` <${c.url}>` : ' (no link)';
      lines.push(`  [${c.n}] ${safe(c.title)} — ${safe(c.publisher)}${where}`);
    }
  }
  return lines.join('\n');
}

/** Ranked search results, one line each. */
export function renderSearch(
  query: string,
  hits: readonly SearchHit[],
  style: TerminalStyle,
): string {
  if (hits.length === 0) return `Nothing found for "${safe(query)}".`;
  return hits
    .map(
      (hit, i) =>
        `${i + 1}. ${paint(style, ANSI.bold, safe(hit.title))} (${hit.kind}) — ${markdownToTerminal(hit.summary, style)}`,
    )
    .join('\n');
}
