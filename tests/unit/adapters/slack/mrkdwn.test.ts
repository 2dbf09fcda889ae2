import { describe, expect, it } from 'vitest';
import {
  codeBlock,
  escapeMrkdwn,
  markdownToMrkdwn,
  markdownToPlain,
  truncateMrkdwn,
} from '../../../../src/adapters/slack/mrkdwn.js';

describe('escapeMrkdwn', () => {
  it('escapes the three characters Slack gives meaning to', () => {
    expect(escapeMrkdwn('a & b <!channel> <@U1> c > d')).toBe(
      'a &amp; b &lt;!channel&gt; &lt;@U1&gt; c &gt; d',
    );
  });
});

describe('markdownToMrkdwn: emphasis', () => {
  it('writes bold as *…* and italics as _…_', () => {
    expect(markdownToMrkdwn('**Pods** are *small* and __shared__, ~~never~~ _alone_.')).toBe(
      '*Pods* are _small_ and *shared*, ~never~ _alone_.',
    );
  });

  it('keeps bold that spans a line break in one piece, on one line', () => {
    // Slack ends a marker at a line break, so the break inside the bold becomes a space.
    expect(markdownToMrkdwn('the **Long-Term Servicing\nChannel** (a new release)')).toBe(
      'the *Long-Term Servicing Channel* (a new release)',
    );
  });

  it('keeps bold that holds inline code', () => {
    expect(markdownToMrkdwn('1. **Update the `FROM` line.** If it pins a build…')).toBe(
      '1. *Update the `FROM` line.* If it pins a build…',
    );
  });

  it('leaves asterisks that are not emphasis as written', () => {
    expect(markdownToMrkdwn('Globs such as *.yaml and *.json match every file.')).toBe(
      'Globs such as *.yaml and *.json match every file.',
    );
  });

  it('does not nest bold inside bold', () => {
    expect(markdownToMrkdwn('## A **bold** heading')).toBe('*A bold heading*');
  });
});

describe('markdownToMrkdwn: links', () => {
  it('writes a link as <url|label>, escaping & in the address', () => {
    expect(markdownToMrkdwn('see [the docs](https://k8s.io/a?b=1&c=2)')).toBe(
      'see <https://k8s.io/a?b=1&amp;c=2|the docs>',
    );
  });

  it('keeps parentheses inside the address', () => {
    expect(
      markdownToMrkdwn('[Namespaces](https://en.wikipedia.org/wiki/Linux_namespaces_(x)).'),
    ).toBe('<https://en.wikipedia.org/wiki/Linux_namespaces_(x)|Namespaces>.');
  });

  it('links a bare address as itself, without the sentence’s closing parenthesis', () => {
    expect(markdownToMrkdwn('(mirror: https://mirror.example/path)')).toBe(
      '(mirror: <https://mirror.example/path|https://mirror.example/path>)',
    );
  });

  it('shows the label of a link Slack cannot open, and the text of a reference link', () => {
    expect(markdownToMrkdwn('[local](./other.md) and [ref][r]\n\n[r]: https://r.example/x')).toBe(
      'local and <https://r.example/x|ref>',
    );
  });

  it('keeps formatting out of a link’s label', () => {
    expect(markdownToMrkdwn('[**the** `kubectl` docs](https://k8s.io/)')).toBe(
      '<https://k8s.io/|the kubectl docs>',
    );
  });
});

describe('markdownToMrkdwn: code', () => {
  it('keeps inline code as written, escaped', () => {
    expect(markdownToMrkdwn('run `kubectl get <pods> && echo **ok**`')).toBe(
      'run `kubectl get &lt;pods&gt; &amp;&amp; echo **ok**`',
    );
  });

  it('writes a fenced block without its language tag, escaped', () => {
    expect(markdownToMrkdwn('Then:\n\n```bash\npodman run <image> && echo ok\n```')).toBe(
      'Then:\n\n```podman run &lt;image&gt; &amp;&amp; echo ok```',
    );
  });

  it('keeps a backtick at the end of a block apart from the closing fence', () => {
    expect(markdownToMrkdwn('```\nfile x # if it has `file`\n```')).toBe(
      '```file x # if it has `file`\n```',
    );
  });

  it('never pairs a stray backtick into inline code', () => {
    expect(markdownToMrkdwn('a ` b')).toBe('a ˋ b');
  });
});

describe('markdownToMrkdwn: blocks', () => {
  it('turns headings into bold lines', () => {
    expect(markdownToMrkdwn('## Flags\n\nText.')).toBe('*Flags*\n\nText.');
  });

  it('writes bullets, nested lists indented with Slack’s own bullets, and numbered lists', () => {
    expect(markdownToMrkdwn('- one\n  - two\n    - three\n- four\n\n3. c\n4. d')).toBe(
      '• one\n    ◦ two\n        ▪ three\n• four\n\n3. c\n4. d',
    );
  });

  it('keeps a label directly above its list on the line above, as written', () => {
    expect(markdownToMrkdwn('**Flags that matter**\n- `--all` — every container')).toBe(
      '*Flags that matter*\n• `--all` — every container',
    );
  });

  it('keeps line breaks outside markers and blank lines between paragraphs', () => {
    expect(markdownToMrkdwn('Next post: 09:00.\nThen daily.\n\nDone.')).toBe(
      'Next post: 09:00.\nThen daily.\n\nDone.',
    );
  });

  it('writes a table as one bullet per row, labelling cells by header beyond two columns', () => {
    expect(markdownToMrkdwn('| Flag | Effect |\n| --- | --- |\n| `--rm` | removes it |')).toBe(
      '• `--rm` — removes it',
    );
    expect(markdownToMrkdwn('| | shell | exec |\n| - | - | - |\n| CMD | `sh -c` | `e` |')).toBe(
      '• CMD — shell: `sh -c`; exec: `e`',
    );
  });

  it('writes a quote with Slack’s quote marker', () => {
    expect(markdownToMrkdwn('> quoted\n> text')).toBe('> quoted\n> text');
  });
});

describe('markdownToMrkdwn: safety', () => {
  it('never lets text form a Slack token', () => {
    const out = markdownToMrkdwn(
      'Ping <!here> and <@U123> & <!channel> via [x|y](https://a.b/c|d)',
    );
    expect(out).toBe(
      'Ping &lt;!here&gt; and &lt;@U123&gt; &amp; &lt;!channel&gt; via <https://a.b/c%7Cd|x¦y>',
    );
  });

  it('shows Slack’s own link syntax as written rather than as a link', () => {
    expect(markdownToMrkdwn('<https://evil.example|click>')).toBe(
      '&lt;https://evil.example|click&gt;',
    );
  });

  it('removes control characters', () => {
    expect(markdownToMrkdwn('a\u0000b\u0007c\u0001d')).toBe('abcd');
  });
});

describe('markdownToPlain', () => {
  it('gives the words without markers or addresses, on one line', () => {
    expect(
      markdownToPlain('**Bold** `code` and [a (b)](https://x.example/a_(b))\nnext\n\n- item'),
    ).toBe('Bold code and a (b) next item');
  });
});

describe('codeBlock', () => {
  it('escapes the command and cannot be closed early by backticks inside it', () => {
    expect(codeBlock('echo ```<x>```')).toBe('```echo ʼʼʼ&lt;x&gt;ʼʼʼ```');
  });
});

describe('truncateMrkdwn', () => {
  it('leaves short text alone', () => {
    expect(truncateMrkdwn('short', 10)).toBe('short');
  });

  it('cuts within the limit without breaking a link or an entity, and closes an open code block', () => {
    const link = '<https://example.com/a/very/long/path|a link>';
    const text = `${'word '.repeat(10)}${link} &amp; \`\`\`code ${'x '.repeat(50)}\`\`\``;
    for (const max of [40, 55, 60, 70, 100]) {
      const cut = truncateMrkdwn(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.endsWith('…')).toBe(true);
      const opens = (cut.match(/</g) ?? []).length;
      const closes = (cut.match(/>/g) ?? []).length;
      expect(opens).toBe(closes);
      expect(cut).not.toMatch(/&[a-z]*…$/);
      expect((cut.split('```').length - 1) % 2).toBe(0);
    }
  });
});
