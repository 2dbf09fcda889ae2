/**
 * The knowledge base's Markdown as prose and fenced code blocks, in order. Every renderer treats a
 * fence's backticks as a block, never as inline code, so the split is shared; each renders the two
 * kinds its own way.
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
