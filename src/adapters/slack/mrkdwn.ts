/**
 * Slack's `mrkdwn` dialect: escaping, and the conversion of the knowledge base's Markdown to it.
 * Slack gives meaning to exactly three characters in message text — `&`, `<` and `>` — so escaping
 * those is what keeps any text from becoming a mention, a link or a broadcast.
 *
 * The Markdown is read into a syntax tree (mdast, by micromark) and the tree is written out as
 * mrkdwn: what is bold, a link or code is decided once, by a CommonMark parser, not guessed by
 * regular expressions (which left `**` visible across line breaks and around inline code, read
 * `*.yaml and *.json` as italics and cut links at a `)` inside their address).
 */
import type {
  Definition,
  Link,
  List,
  ListItem,
  Nodes,
  PhrasingContent,
  Root,
  RootContent,
  Table,
} from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString as textOf } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';

/** Escapes `&`, `<` and `>` the way Slack requires; the result cannot contain a `<…>` token. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Removes control characters (tabs and newlines stay), which no renderer should pass on. */
export function stripControl(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** A link `<url|label>` from an escaped URL and an escaped label; `|` cannot appear in either. */
export function slackLink(url: string, label: string): string {
  const safeUrl = url.replace(/\|/g, '%7C');
  return `<${safeUrl}|${label.replace(/\|/g, '¦')}>`;
}

/**
 * A code block; three backticks inside would end it early, so a look-alike stands in. A backtick
 * at either end would run into the fence (four backticks), so a line break keeps them apart.
 */
function codeFence(code: string): string {
  if (code === '') return '';
  const body = escapeMrkdwn(code.replace(/```/g, 'ʼʼʼ'));
  const open = body.startsWith('`') ? '```\n' : '```';
  const close = body.endsWith('`') ? '\n```' : '```';
  return `${open}${body}${close}`;
}

/** A fenced code block for a command line. */
export function codeBlock(code: string): string {
  return codeFence(stripControl(code));
}

/** How deep a node sits, and which of Slack's markers already surround it. */
interface Context {
  /** Inside `*…*` (bold or a heading): Slack does not nest a marker in itself. */
  readonly bold: boolean;
  readonly italic: boolean;
  readonly struck: boolean;
  /** Nesting of lists, for the bullet of each level. */
  readonly listDepth: number;
  /** Link reference definitions (`[docs]: https://…`) of the whole document, by identifier. */
  readonly definitions: ReadonlyMap<string, Definition>;
  /** The Markdown the tree was read from, to see how a node was written. */
  readonly source: string;
}

/** The bullets of Slack's own list formatting, one per nesting level. */
const BULLETS = ['•', '◦', '▪'] as const;
/** Continuation lines of a list item line up under its text. */
const ITEM_INDENT = '    ';
/** Stands in for a backtick outside code, which Slack would pair into inline code. */
const LOOSE_BACKTICK = 'ˋ';

/** GitHub-flavoured Markdown (tables, autolinks, strikethrough), as GitHub shows the knowledge files. */
const PARSE_OPTIONS = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

/** Text as Slack shows it: escaped, and on one line (a line break would end Slack's markers). */
function prose(text: string): string {
  return escapeMrkdwn(text.replace(/[ \t]*\n[ \t]*/g, ' ')).replaceAll('`', LOOSE_BACKTICK);
}

function insideMarker(context: Context): boolean {
  return context.bold || context.italic || context.struck;
}

/**
 * Text outside any marker keeps its line breaks: chat Markdown (the core's messages, Discord)
 * reads a new line as one, and Slack does too.
 */
function lines(text: string, context: Context): string {
  if (insideMarker(context)) return prose(text);
  return text.split('\n').map(prose).join('\n');
}

/** Slack links only web and mail addresses; anything else shows its label alone. */
function linkable(url: string): boolean {
  if (!/^(https?|mailto):/i.test(url)) return false;
  return URL.canParse(url);
}

function link(url: string, label: string): string {
  const text = prose(label.trim() || url);
  return linkable(url) ? slackLink(escapeMrkdwn(url.replace(/\s/g, '%20')), text) : text;
}

/** A link written `<https://…>`, as opposed to `[label](https://…)` or a bare address. */
function isAutolink(node: Link, source: string): boolean {
  const offset = node.position?.start.offset;
  return offset !== undefined && source[offset] === '<';
}

/** `marker` around text, unless the same marker already surrounds it or there is nothing inside. */
function mark(marker: string, inner: string, already: boolean): string {
  return already || inner.trim() === '' ? inner : `${marker}${inner}${marker}`;
}

function phrasing(nodes: readonly PhrasingContent[], context: Context): string {
  return nodes.map((node) => inline(node, context)).join('');
}

function inline(node: PhrasingContent, context: Context): string {
  switch (node.type) {
    case 'text':
      return lines(node.value, context);
    case 'strong':
      return mark('*', phrasing(node.children, { ...context, bold: true }), context.bold);
    case 'emphasis':
      return mark('_', phrasing(node.children, { ...context, italic: true }), context.italic);
    case 'delete':
      return mark('~', phrasing(node.children, { ...context, struck: true }), context.struck);
    case 'inlineCode':
      // Slack's inline code cannot hold a backtick or span lines.
      return `\`${escapeMrkdwn(node.value.replaceAll('`', LOOSE_BACKTICK).replace(/\n/g, ' '))}\``;
    case 'break':
      return insideMarker(context) ? ' ' : '\n';
    case 'link':
      // `<https://x|label>` is Slack's own link syntax, not a Markdown autolink: shown as written.
      if (node.url.includes('|') && isAutolink(node, context.source)) {
        return prose(`<${node.url}>`);
      }
      return link(node.url, textOf(node));
    case 'image':
      return link(node.url, node.alt ?? '');
    case 'linkReference':
    case 'imageReference': {
      const target = context.definitions.get(node.identifier);
      const label = node.type === 'linkReference' ? textOf(node) : (node.alt ?? '');
      return target ? link(target.url, label) : prose(label);
    }
    case 'footnoteReference':
      return `[${prose(node.label ?? node.identifier)}]`;
    case 'html':
      // Inline HTML in the knowledge base is a placeholder such as `<image>`: shown as written.
      return lines(node.value, context);
    default:
      return prose(textOf(node));
  }
}

/** Every line after the first indented, so that a block lines up under a bullet or a quote. */
function indentRest(text: string, indent: string): string {
  return text.replace(/\n/g, `\n${indent}`);
}

function listItem(item: ListItem, marker: string, context: Context): string {
  const box = item.checked === true ? '☑ ' : item.checked === false ? '☐ ' : '';
  const body = flow(item.children, context);
  return `${marker} ${box}${indentRest(body, ITEM_INDENT)}`;
}

function list(node: List, context: Context): string {
  const inner = { ...context, listDepth: context.listDepth + 1 };
  const bullet = BULLETS[Math.min(context.listDepth, BULLETS.length - 1)] ?? '•';
  const start = node.start ?? 1;
  return node.children
    .map((item, i) => listItem(item, node.ordered ? `${start + i}.` : bullet, inner))
    .join(node.spread ? '\n\n' : '\n');
}

/**
 * Slack has no tables: each row becomes a bullet, its first cell leading; with more than two
 * columns the other cells are labelled by their column's header.
 */
function table(node: Table, context: Context): string {
  const [head, ...rows] = node.children.map((row) =>
    row.children.map((cell) => phrasing(cell.children, context).trim()),
  );
  const headers = head ?? [];
  return rows
    .map(([first = '', ...rest]) => {
      const others = rest
        .map((cell, i) => {
          const name = headers[i + 1] ?? '';
          return headers.length > 2 && name !== '' ? `${name}: ${cell}` : cell;
        })
        .filter((cell) => cell !== '');
      return `• ${[first, others.join('; ')].filter((part) => part !== '').join(' — ')}`;
    })
    .join('\n');
}

function block(node: RootContent, context: Context): string {
  switch (node.type) {
    case 'paragraph':
      return phrasing(node.children, context);
    case 'heading':
      return mark('*', phrasing(node.children, { ...context, bold: true }), context.bold);
    case 'code':
      return codeFence(node.value);
    case 'list':
      return list(node, context);
    case 'table':
      return table(node, context);
    case 'blockquote':
      return `> ${flow(node.children, context).replace(/\n/g, '\n> ')}`;
    case 'thematicBreak':
      return '———';
    case 'html':
      return escapeMrkdwn(node.value);
    case 'definition':
      return '';
    case 'footnoteDefinition':
      return `[${prose(node.label ?? node.identifier)}] ${flow(node.children, context)}`;
    default:
      // Phrasing at the top level (the parser puts it in paragraphs) or a node of no extension
      // we load: its text, escaped.
      return prose(textOf(node));
  }
}

/** Whether `next` starts on the line after `previous` ends: written with no blank line between. */
function touches(previous: RootContent, next: RootContent): boolean {
  const end = previous.position?.end.line;
  return end !== undefined && next.position?.start.line === end + 1;
}

/**
 * Blocks in order: apart by a blank line, or by a line break where the Markdown had none between
 * them (a label such as "**Flags that matter**" directly above its list).
 */
function flow(nodes: readonly RootContent[], context: Context): string {
  let text = '';
  let previous: RootContent | undefined;
  for (const node of nodes) {
    const rendered = block(node, context);
    if (rendered === '') continue;
    if (previous) text += touches(previous, node) ? '\n' : '\n\n';
    text += rendered;
    previous = node;
  }
  return text;
}

function definitionsOf(root: Root): Map<string, Definition> {
  const found = new Map<string, Definition>();
  const visit = (node: Nodes): void => {
    if (node.type === 'definition' && !found.has(node.identifier)) found.set(node.identifier, node);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(root);
  return found;
}

/**
 * Converts the knowledge base's Markdown to Slack mrkdwn from its syntax tree: bold, italics,
 * strikethrough, links, inline and fenced code, headings (as bold lines), nested lists, quotes and
 * tables (as bullets); every text escaped, so no Slack token (mention, broadcast, link) can form
 * from it.
 */
export function markdownToMrkdwn(markdown: string): string {
  const source = stripControl(markdown);
  const root = fromMarkdown(source, PARSE_OPTIONS);
  const context: Context = {
    bold: false,
    italic: false,
    struck: false,
    listDepth: 0,
    definitions: definitionsOf(root),
    source,
  };
  return flow(root.children, context);
}

/**
 * Markdown as plain text on one line — its words without markers or link addresses, not yet
 * escaped — for notification text, which Slack shows without formatting.
 */
export function markdownToPlain(markdown: string): string {
  const root = fromMarkdown(stripControl(markdown), PARSE_OPTIONS);
  return root.children
    .map((node) => textOf(node))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
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
