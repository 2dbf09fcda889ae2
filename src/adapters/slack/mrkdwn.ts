/**
 * Slack's `mrkdwn` dialect: escaping, and the conversion of the knowledge base's Markdown to it.
 * Slack gives meaning to exactly three characters in message text — `&`, `<` and `>` — so escaping
 * those is what keeps any text from becoming a mention, a link or a broadcast.
 */

import { splitFencedCode } from '../fenced-code.js';

/** Escapes `&`, `<` and `>` the way Slack requires; the result cannot contain a `<…>` token. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Removes control characters (tabs and newlines stay) and our own placeholder character. */
export function stripControl(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** Stands in for a `*` of bold while italics are converted; stripped from all input first. */
const BOLD = '\u0001';

/** A link `<url|label>` from an escaped URL and an escaped label; `|` cannot appear in either. */
export function slackLink(url: string, label: string): string {
  const safeUrl = url.replace(/\|/g, '%7C');
  return `<${safeUrl}|${label.replace(/\|/g, '¦')}>`;
}

/** Prose outside code: escape, then links, headings, bullets, bold, italics, strikethrough. */
function prose(text: string): string {
  return escapeMrkdwn(text)
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, (_, label: string, url: string) =>
      slackLink(url, label),
    )
    .replace(/^#{1,6}[ \t]+(.+?)[ \t]*#*$/gm, `${BOLD}$1${BOLD}`)
    .replace(/^([ \t]*)[-*+][ \t]+/gm, '$1• ')
    .replace(/\*\*([^*\n]+)\*\*|__([^_\n]+)__/g, (_, a?: string, b?: string) => {
      return `${BOLD}${a ?? b ?? ''}${BOLD}`;
    })
    .replace(/(^|[^\w*])\*([^*\s][^*\n]*?)\*(?![\w*])/g, '$1_$2_')
    .replace(/~~([^~\n]+)~~/g, '~$1~')
    .replaceAll(BOLD, '*');
}

/** Inline code keeps its characters, escaped; backticks are Slack's too. */
function inline(text: string): string {
  return text
    .split(/(`[^`\n]+`)/g)
    .map((part, i) => (i % 2 === 1 ? `\`${escapeMrkdwn(part.slice(1, -1))}\`` : prose(part)))
    .join('');
}

/**
 * Converts the knowledge base's Markdown (bold, italics, links, inline and fenced code, headings,
 * bullet lists) to Slack mrkdwn, escaping everything else.
 */
export function markdownToMrkdwn(markdown: string): string {
  const text = stripControl(markdown).replaceAll(BOLD, '');
  // A block goes without its language tag, which Slack would show as a first line.
  return splitFencedCode(text)
    .map((part) => ('code' in part ? `\`\`\`${escapeMrkdwn(part.code)}\`\`\`` : inline(part.prose)))
    .join('');
}

/** A fenced code block for a command line. */
export function codeBlock(code: string): string {
  // Three backticks inside would end the block early; a look-alike keeps the command readable.
  return `\`\`\`${escapeMrkdwn(stripControl(code).replace(/```/g, 'ʼʼʼ'))}\`\`\``;
}

/**
 * Cuts mrkdwn to at most `max` characters without breaking a `<…>` token or an `&…;` entity and
 * without leaving a code block open; adds `suffix` (counted in `max`) when it cuts.
 */
export function truncateMrkdwn(text: string, max: number, suffix = '…'): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - suffix.length - 4); // 4: a closing fence and a newline
  let cut = text.slice(0, room);
  // Prefer a word boundary, then make sure no token or entity is left open by either cut.
  const space = cut.search(/\s\S*$/);
  if (space > room * 0.8) cut = cut.slice(0, space);
  const open = cut.lastIndexOf('<');
  if (open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  const amp = cut.lastIndexOf('&');
  if (amp > cut.lastIndexOf(';')) cut = cut.slice(0, amp);
  cut = cut.trimEnd();
  const fences = cut.split('```').length - 1;
  if (fences % 2 === 1) cut += '```';
  return `${cut}${suffix}`;
}

/** Cuts plain text (no markup) to `max` characters with an ellipsis. */
export function truncatePlain(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}
