import { describe, expect, it } from 'vitest';
import { markdownToTerminal } from '../../../../src/adapters/shell/render-terminal.js';

const plain = { color: false };
const colour = { color: true };

describe('Markdown in the terminal', () => {
  it('shows a fenced code block indented, without its fences', () => {
    const text = 'Then:\n\n```sh\npodman ps --all\npodman rm web\n```\n\nDone with `rm`.';
    expect(markdownToTerminal(text, plain)).toBe(
      'Then:\n\n  podman ps --all\n  podman rm web\n\nDone with rm.',
    );
  });

  it('never pairs backticks across lines as inline code', () => {
    expect(markdownToTerminal('a `b\nc` d', plain)).toBe('a `b\nc` d');
  });

  it('colours inline code and code blocks only on a terminal', () => {
    const rendered = markdownToTerminal('```\nls\n```', colour);
    expect(rendered).toBe('  \u001b[36mls\u001b[0m');
  });

  it('keeps a link readable with its address', () => {
    expect(markdownToTerminal('[docs](https://docs.podman.io/)', plain)).toBe(
      'docs <https://docs.podman.io/>',
    );
  });
});
