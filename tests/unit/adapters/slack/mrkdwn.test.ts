import { describe, expect, it } from 'vitest';
import {
  codeBlock,
  escapeMrkdwn,
  markdownToMrkdwn,
  truncateMrkdwn,
} from '../../../../src/adapters/slack/mrkdwn.js';

describe('escapeMrkdwn', () => {
  it('escapes the three characters Slack gives meaning to', () => {
    expect(escapeMrkdwn('a & b <!channel> <@U1> c > d')).toBe(
      'a &amp; b &lt;!channel&gt; &lt;@U1&gt; c &gt; d',
    );
  });
});

describe('markdownToMrkdwn', () => {
  it('converts bold, italics, links, inline code and bullets', () => {
    expect(
      markdownToMrkdwn(
        '**Pods** are *small*.\n- see [the docs](https://k8s.io/a?b=1&c=2)\n- `kubectl get <pods>`',
      ),
    ).toBe(
      '*Pods* are _small_.\n• see <https://k8s.io/a?b=1&amp;c=2|the docs>\n• `kubectl get &lt;pods&gt;`',
    );
  });

  it('turns headings into bold lines and keeps fenced code without its language tag', () => {
    expect(markdownToMrkdwn('## Flags\n```bash\npodman run <image> && echo ok\n```')).toBe(
      '*Flags*\n```podman run &lt;image&gt; &amp;&amp; echo ok```',
    );
  });

  it('never lets knowledge text form a Slack token', () => {
    const out = markdownToMrkdwn('Ping <!here> and <@U123> via [x|y](https://a.b/c|d)');
    expect(out).not.toMatch(/<!|<@/);
    expect(out).toContain('<https://a.b/c%7Cd|x¦y>');
  });

  it('removes control characters', () => {
    expect(markdownToMrkdwn('a\u0000b\u0007c\u0001d')).toBe('abcd');
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
