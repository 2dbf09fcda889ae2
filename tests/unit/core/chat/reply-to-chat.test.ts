import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH, SEARCH_HITS } from '../../../../src/core/chat/limits.js';
import {
  type ChatContext,
  type ChatOrigin,
  replyToChat,
  suggestTerms,
} from '../../../../src/core/chat/reply-to-chat.js';
import type { AnswerEngine } from '../../../../src/core/types.js';
import { fixtureEngine } from '../../../helpers/fixture-engine.js';

const engine = fixtureEngine();
const context: ChatContext = { engine, timeZoneOf: () => 'UTC' };
const channel: ChatOrigin = { place: 'channel', channel: { platform: 'slack', id: 'C1' } };
const NOW = new Date('2026-11-28T23:30:00Z');

const reply = (input: Parameters<typeof replyToChat>[0], origin = channel, ctx = context) =>
  replyToChat(input, origin, NOW, ctx);

describe('replyToChat: what a message is answered with', () => {
  it.each([
    ['', 'help'],
    ['help', 'help'],
    ['ask help', 'help'],
    ['/ask help?', 'help'],
    ['define krypton', 'answer'],
    ['what is a pod?', 'answer'],
    ['define kryptn', 'answer'],
    ['search pod', 'search'],
    ['today', 'term_of_day'],
    ['termofday now', 'term_of_day'],
    ['termofday subscribe 09:00', 'notice'],
    ['define', 'usage'],
    ['ask', 'usage'],
    ['search', 'usage'],
  ])('%j → %s', (text, kind) => {
    expect(reply(text).kind).toBe(kind);
  });

  it('answers define and ask with the engine’s cards, naming the command for Share', () => {
    expect(reply('define Krypton')).toEqual({
      kind: 'answer',
      command: 'define',
      answer: engine.define('Krypton'),
    });
    expect(reply('how do I create a pod with podman')).toEqual({
      kind: 'answer',
      command: 'ask',
      answer: engine.ask('how do I create a pod with podman'),
    });
  });

  it('takes a request an adapter already read (a slash command, a button) as a message', () => {
    expect(reply({ kind: 'define', term: 'krypton' })).toEqual(reply('define krypton'));
    expect(reply({ kind: 'ask', question: '' })).toEqual(reply('ask'));
  });

  it('an empty define, ask or search shows how to use it, with an example', () => {
    expect(reply('define')).toEqual({
      kind: 'usage',
      command: 'define',
      markdown: 'Usage: `/define <term>` — for example `/define Krypton` or `/define k8s`.',
    });
    expect(reply('search   ')).toMatchObject({ kind: 'usage', command: 'search' });
  });

  it(`search lists at most ${SEARCH_HITS} hits`, () => {
    const many: AnswerEngine = {
      ...engine,
      search: (_query, limit = 100) =>
        Array.from({ length: limit }, (_, i) => ({
          id: `e${i}`,
          title: `E${i}`,
          kind: 'glossary' as const,
          summary: '',
          score: 1,
        })),
    };
    const result = reply('search pod', channel, { ...context, engine: many });
    expect(result.kind === 'search' && result.hits.length).toBe(SEARCH_HITS);
  });

  it('"today" is the clock’s date in the zone of the channel it was asked in', () => {
    const zones: string[] = [];
    const tokyo: ChatContext = {
      engine,
      timeZoneOf: (where) => {
        zones.push(where?.id ?? 'none');
        return 'Asia/Tokyo';
      },
    };
    // 23:30 UTC on the 28th is 08:30 on the 29th in Tokyo.
    expect(reply('today', channel, tokyo)).toEqual({
      kind: 'term_of_day',
      answer: engine.termOfDay('2026-11-29'),
      date: '2026-11-29',
    });
    expect(reply('today', { place: 'local' })).toMatchObject({ date: '2026-11-28' });
    expect(zones).toEqual(['C1']);
  });

  it('a term-of-day command in a message says where subscriptions are managed, from there', () => {
    const notice = (origin: ChatOrigin) => {
      const result = reply('termofday subscribe 09:00 UTC', origin);
      return result.kind === 'notice' ? result.markdown : '';
    };
    expect(notice(channel)).toMatch(/^The term of the day is managed with the slash command:\n/);
    expect(notice(channel)).toMatch(/Mention me with `termofday now` or `today`/);
    expect(notice({ ...channel, place: 'direct' })).toMatch(/Write `termofday now` or `today`/);
    expect(notice({ place: 'local' })).toMatch(/slash command in a Slack or Discord channel/);
    expect(notice({ place: 'local' })).toMatch(/Here, `\/termofday now` or `\/today`/);
  });

  it(`reads at most ${MAX_MESSAGE_LENGTH} characters of a message`, () => {
    const asked: string[] = [];
    const recording: AnswerEngine = {
      ...engine,
      define: (term) => {
        asked.push(term);
        return engine.define(term);
      },
    };
    reply(`define ${'k'.repeat(10_000)}`, channel, { ...context, engine: recording });
    expect(asked[0]?.length).toBe(MAX_MESSAGE_LENGTH - 'define '.length);
  });
});

describe('suggestTerms: the typeahead', () => {
  it('suggests terms by prefix, from a bounded prefix', () => {
    expect(suggestTerms('kry', engine).map((ref) => ref.id)).toContain('krypton');
    const prefixes: string[] = [];
    suggestTerms('x'.repeat(5_000), {
      ...engine,
      suggest: (prefix) => {
        prefixes.push(prefix);
        return [];
      },
    });
    expect(prefixes[0]?.length).toBe(100);
  });
});
