import { type APIEmbed, embedLength } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../src/adapters/discord/limits.js';
import { renderAnswer } from '../../../../src/adapters/discord/render-answer.js';
import { renderHelp } from '../../../../src/adapters/discord/render-help.js';
import { renderNote } from '../../../../src/adapters/discord/render-note.js';
import { renderSearch } from '../../../../src/adapters/discord/render-search.js';
import { createEngine } from '../../../../src/core/engine/create-engine.js';
import { loadKnowledgeOrThrow } from '../../../../src/core/knowledge/load-knowledge.js';
import type { FoundAnswer, NoAnswer } from '../../../../src/core/types.js';
import { nearMiss } from '../../../fixtures/discord/near-miss.js';

const engine = createEngine(loadKnowledgeOrThrow('tests/fixtures/knowledge/valid'));
const buttons = { share: true, feedback: true };

function found(overrides: Partial<FoundAnswer>): FoundAnswer {
  const base = engine.define('pod');
  if (base.kind !== 'answer') throw new Error('the fixture knowledge has no pod');
  return { ...base, ...overrides };
}

describe('renderAnswer: Discord limits', () => {
  it('cuts a long answer to the description limit and links to the source for the rest', () => {
    const { embeds } = renderAnswer(found({ text: 'x'.repeat(10_000) }), buttons);
    const description = embeds[0]?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(description).toMatch(
      /x…\n\n\[Read more at the source\]\(https:\/\/kubernetes\.io\/docs\/concepts\/workloads\/pods\/\)$/,
    );
  });

  it('keeps the whole embed within 6000 characters when every part is long', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      n: i + 1,
      title: `Source ${i} ${'t'.repeat(300)}`,
      publisher: 'p'.repeat(200),
      url: `https://example.org/${i}`,
    }));
    const answer = found({
      title: 'T'.repeat(1000),
      text: 'x'.repeat(10_000),
      citations: many,
      commands: Array.from({ length: 30 }, () => ({
        command: `run ${'c'.repeat(2000)}`,
        description: 'd'.repeat(300),
      })),
      related: Array.from({ length: 300 }, (_, i) => ({
        id: `r${i}`,
        title: `Related ${i}`,
        kind: 'glossary' as const,
      })),
    });
    const { embeds, components } = renderAnswer(answer, buttons);
    const embed = embeds[0] as APIEmbed;
    expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(embed.title?.length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(embed.fields?.length).toBeLessThanOrEqual(LIMITS.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.embedFieldName);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.embedFieldValue);
    }
    expect(embed.fields?.find((f) => f.name === 'Sources')?.value).toMatch(/…and \d+ more$/);
    expect(embed.fields?.find((f) => f.name === 'Related')?.value).toMatch(/…and \d+ more$/);
    expect(components.length).toBeLessThanOrEqual(LIMITS.rows);
    // Three source links at most, labels within 80 characters.
    const links = components[0]?.components ?? [];
    expect(links).toHaveLength(3);
    for (const link of links) {
      expect('label' in link && link.label.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
    }
  });

  it('closes a command code block even when the command contains ```', () => {
    const answer = found({ commands: [{ command: 'echo ``` @everyone', description: 'Odd' }] });
    expect(renderAnswer(answer, buttons).embeds[0]?.fields?.[0]).toEqual({
      name: 'Odd',
      value: '```sh\necho `\u200b`` @\u200beveryone\n```',
    });
  });

  it('does not link a citation whose address is not http(s)', () => {
    const answer = found({
      citations: [{ n: 1, title: 'Evil', publisher: 'X', url: 'javascript:alert(1)' }],
    });
    const { embeds, components } = renderAnswer(answer, buttons);
    expect(embeds[0]?.url).toBeUndefined();
    expect(embeds[0]?.fields?.at(-1)?.value).toBe('[1] Evil — X (no link)');
    expect(components.flatMap((row) => row.components).some((b) => 'url' in b)).toBe(false);
  });

  it('keeps a link from breaking out of its Markdown: brackets and parentheses are escaped', () => {
    const answer = found({
      citations: [{ n: 1, title: 'a] [b', publisher: 'P', url: 'https://example.org/a_(b)' }],
    });
    expect(renderAnswer(answer, buttons).embeds[0]?.fields?.at(-1)?.value).toBe(
      '[1] [a\\] \\[b](https://example.org/a_%28b%29) — P',
    );
  });
});

describe('renderAnswer: buttons', () => {
  it('a mention reply has feedback but no Share button', () => {
    const { components } = renderAnswer(found({}), { share: false, feedback: true });
    expect(
      components.at(-1)?.components.map((b) => ('custom_id' in b ? b.custom_id : 'not an action')),
    ).toEqual(['sd:fb:1:pod:pod', 'sd:fb:0:pod:pod']);
  });

  it('an empty query: no feedback, no suggestions, just the hint', () => {
    const answer = engine.define('') as NoAnswer;
    expect(renderAnswer(answer, buttons)).toEqual({
      embeds: [{ title: 'Nothing to look up', color: 0x8a8f98, description: answer.text }],
      components: [],
    });
  });

  it('at most five "did you mean" buttons, one row', () => {
    const answer: NoAnswer = {
      ...nearMiss(engine).answer,
      suggestions: Array.from({ length: 9 }, (_, i) => ({
        id: `term-${i}`,
        title: `Term ${i}`,
        kind: 'glossary' as const,
      })),
    };
    const { components } = renderAnswer(answer, buttons);
    expect(components[0]?.components.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual([
      'sd:def:term-0',
      'sd:def:term-1',
      'sd:def:term-2',
      'sd:def:term-3',
      'sd:def:term-4',
    ]);
  });
});

describe('renderSearch, renderHelp and renderNote', () => {
  it('escapes markup and defuses mentions in the echoed query', () => {
    const { embeds } = renderSearch('**x** @everyone <@&1>', []);
    expect(embeds[0]?.title).toBe('Search: \\*\\*x\\*\\* @\u200beveryone <\u200b@&1>');
  });

  it('help fits one embed description', () => {
    const { embeds } = renderHelp();
    expect(embeds[0]?.description?.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embeds[0]?.description).toContain('/ask');
  });

  it('a note never exceeds 2000 characters of content', () => {
    expect(renderNote('n'.repeat(5000)).content?.length).toBe(LIMITS.content);
  });
});
