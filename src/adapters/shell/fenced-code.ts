/**
 * The knowledge base's Markdown as prose and fenced code blocks, in order, for the terminal: a
 * fence's backticks are a block, never inline code. (Slack's renderer reads a full syntax tree
 * instead; the terminal's light rendering needs only this split, and the CLI's cold start stays
 * free of a Markdown parser.)
 */
export type MarkdownPart = { readonly prose: string } | { readonly code: string };

/** Splits on ```fences```; a block's code is without its language tag and final newline. */
export function splitFencedCode(markdown: string): MarkdownPart[] {
  return markdown.split(/(```[\s\S]*?```)/g).map((part, i) =>
    i % 2 === 1
      ? {
          code: part
            .slice(3, -3)
            .replace(/^[\w+-]*\n/, '')
            .replace(/\n$/, ''),
        }
      : { prose: part },
  );
}
