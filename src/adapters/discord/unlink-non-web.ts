/**
 * Links Discord cannot open. The knowledge base links one entry to another by id
 * (`[COPY](dockerfile-copy)`); Discord shows such a link as the raw `[COPY](dockerfile-copy)`, so
 * it is written as its label alone. Links are found in the Markdown's syntax tree (mdast, as on
 * Slack), so brackets inside code and parentheses inside addresses are never mistaken for one.
 */
import type { Link, Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

/** Discord opens web addresses only. */
function isWeb(url: string): boolean {
  return /^https?:\/\//i.test(url) && URL.canParse(url);
}

function nonWebLinks(node: Nodes, found: Link[]): Link[] {
  if (node.type === 'link' && !isWeb(node.url)) found.push(node);
  else if ('children' in node) for (const child of node.children) nonWebLinks(child, found);
  return found;
}

/** `markdown` with every link to a non-web address replaced by its label, as written. */
export function unlinkNonWeb(markdown: string): string {
  // A link's `](` is the cheap sign; most answers have none and are not parsed at all.
  if (!markdown.includes('](')) return markdown;
  let text = markdown;
  // From the last link to the first, so that earlier offsets stay true.
  for (const link of nonWebLinks(fromMarkdown(markdown), []).reverse()) {
    const start = link.position?.start.offset;
    const end = link.position?.end.offset;
    const labelStart = link.children[0]?.position?.start.offset;
    const labelEnd = link.children.at(-1)?.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    const label =
      labelStart === undefined || labelEnd === undefined
        ? ''
        : markdown.slice(labelStart, labelEnd);
    text = `${text.slice(0, start)}${label}${text.slice(end)}`;
  }
  return text;
}
