import { describe, expect, it } from 'vitest';
import { unlinkNonWeb } from '../../../../src/adapters/discord/unlink-non-web.js';

describe('unlinkNonWeb (links Discord cannot open)', () => {
  it('writes a link to another entry, by id, as its label', () => {
    expect(unlinkNonWeb('behave as on [COPY](dockerfile-copy).')).toBe('behave as on COPY.');
  });

  it('keeps the label’s Markdown', () => {
    expect(unlinkNonWeb('see [**the** `COPY` entry](dockerfile-copy)')).toBe(
      'see **the** `COPY` entry',
    );
  });

  it('leaves web links, with parentheses in their address, as they are', () => {
    const text = '[Foo](https://en.wikipedia.org/wiki/Foo_(bar)) and [COPY](copy)';
    expect(unlinkNonWeb(text)).toBe('[Foo](https://en.wikipedia.org/wiki/Foo_(bar)) and COPY');
  });

  it('leaves link-like text inside code alone', () => {
    const text = '`[a](b)` and\n\n```\n[x](y)\n```';
    expect(unlinkNonWeb(text)).toBe(text);
  });
});
