import { describe, expect, it } from 'vitest';
import {
  neutraliseMentions,
  plainLabel,
  userText,
} from '../../../../src/adapters/discord/neutralise.js';
import { HOSTILE } from '../../../fixtures/discord/hostile.js';

const ZWSP = '\u200b';

describe('neutraliseMentions', () => {
  it('defuses @everyone and @here in any case', () => {
    expect(neutraliseMentions('@everyone @HERE')).toBe(`@${ZWSP}everyone @${ZWSP}HERE`);
  });

  it('defuses user, nickname, role, channel and command mentions', () => {
    expect(neutraliseMentions('<@1> <@!2> <@&3> <#4> </ask:5>')).toBe(
      `<${ZWSP}@1> <${ZWSP}@!2> <${ZWSP}@&3> <${ZWSP}#4> <${ZWSP}/ask:5>`,
    );
  });

  it('leaves ordinary text alone', () => {
    expect(neutraliseMentions('a <b> c@example.org')).toBe('a <b> c@example.org');
  });
});

describe('userText', () => {
  it('escapes Markdown so a question cannot inject links, bold or code', () => {
    expect(userText(HOSTILE.markup)).toBe(
      '\\*\\*bold\\*\\* \\[click\\](https://evil.example) \\`code\\` \\|\\|spoiler\\|\\| # heading',
    );
  });

  it('defuses mentions too', () => {
    expect(userText(HOSTILE.everyone)).not.toMatch(/@everyone|@here/);
  });
});

describe('plainLabel', () => {
  it('replaces control characters with spaces', () => {
    expect(plainLabel('a\u0000b\nc')).toBe('a b c');
  });
});
