import { describe, expect, it } from 'vitest';
import { readCommandArgs } from '../../../../src/adapters/slack/handle-term-of-day.js';
import { renderTermOfDay } from '../../../../src/adapters/slack/render-answer.js';
import {
  renderTermOfDayReply,
  termOfDayMrkdwn,
} from '../../../../src/adapters/slack/render-term-of-day.js';
import type { FoundAnswer } from '../../../../src/core/types.js';
import { fixtureEngine } from '../../../helpers/fixture-engine.js';

const engine = fixtureEngine();

type AnyBlock = { type: string; text?: { type: string; text: string } };

function podmanPodCreate(): FoundAnswer {
  const answer = engine.define('podman pod create');
  if (answer.kind !== 'answer' || answer.commands.length < 2) {
    throw new Error('fixture knowledge has no podman-pod-create with two commands');
  }
  return answer;
}

describe('renderTermOfDay (the daily card)', () => {
  it('heads the card with the date, names the term in bold and has no buttons', () => {
    const message = renderTermOfDay(engine.termOfDay('2025-03-16'), '2025-03-16');
    expect(message.blocks.slice(0, 2)).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Term of the day — Sun, 16 Mar 2025' } },
      { type: 'section', text: { type: 'mrkdwn', text: '*Krypton*' } },
    ]);
    expect(message.text).toBe(
      'Term of the day — Sun, 16 Mar 2025 — Krypton: A Windows container that runs in its own lightweight Hyper-V virtual machine.',
    );
    expect(JSON.stringify(message.blocks)).not.toContain('"actions"');
  });

  it('shows one command of an entry that has several', () => {
    const answer = podmanPodCreate();
    const message = renderTermOfDay(answer, '2025-03-14');
    const code = message.blocks.filter((b) => (b as AnyBlock).text?.text.includes('```'));
    expect(code).toEqual([
      {
        type: 'section',
        text: { type: 'mrkdwn', text: '*Syntax*\n```podman pod create --name &lt;name&gt;```' },
      },
    ]);
  });

  it('keeps a huge card within Block Kit limits', () => {
    const answer: FoundAnswer = {
      ...podmanPodCreate(),
      title: `<!channel> ${'T'.repeat(400)}`,
      text: 'Pods. '.repeat(2_000),
      related: Array.from({ length: 60 }, (_, i) => ({
        id: `r${i}`,
        title: `Related ${i}`,
        kind: 'glossary' as const,
      })),
    };
    const message = renderTermOfDay(answer, '2025-03-14');
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    const [head, title] = message.blocks as AnyBlock[];
    expect(head?.text?.text.length).toBeLessThanOrEqual(150);
    expect(title?.text?.text.startsWith('*&lt;!channel&gt; TTT')).toBe(true);
    for (const block of message.blocks as AnyBlock[]) {
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    }
    expect(message.text.length).toBeLessThanOrEqual(400);
    expect(message.text).not.toContain('<!channel>');
  });
});

describe('termOfDayMrkdwn (the core’s Markdown)', () => {
  it('converts Markdown bold', () => {
    expect(termOfDayMrkdwn('Subscribed at **09:00** (UTC).')).toBe('Subscribed at *09:00* (UTC).');
  });

  it('escapes every token, so nothing can ping, broadcast or link', () => {
    expect(termOfDayMrkdwn('<@U0VICTIM1> <!channel> <https://evil.example|x> & @here')).toBe(
      '&lt;@U0VICTIM1&gt; &lt;!channel&gt; &lt;https://evil.example|x&gt; &amp; @\u200bhere',
    );
  });
});

describe('renderTermOfDayReply', () => {
  it('shows a schedule change to the channel, naming the actor with a Slack mention', () => {
    const reply = renderTermOfDayReply({
      kind: 'schedule_changed',
      actorId: 'U0ADMIN01',
      change: { kind: 'unsubscribed' },
    });
    expect(reply.response_type).toBe('in_channel');
    expect(reply.text).toBe('<@U0ADMIN01> turned off the term of the day in this channel.');
  });

  it('names no one when the actor id is not a Slack user id', () => {
    const reply = renderTermOfDayReply({
      kind: 'schedule_changed',
      actorId: '!channel',
      change: { kind: 'unsubscribed' },
    });
    expect(reply.text).toBe('Someone turned off the term of the day in this channel.');
  });

  it('shows notices and the card only to the user', () => {
    expect(
      renderTermOfDayReply({ kind: 'notice', markdown: 'Done.', ok: true }).response_type,
    ).toBe('ephemeral');
    const card = renderTermOfDayReply({
      kind: 'card',
      answer: engine.termOfDay('2025-03-14'),
      date: '2025-03-14',
    });
    expect(card.response_type).toBe('ephemeral');
    expect(card.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Term of the day — Fri, 14 Mar 2025' },
    });
  });
});

describe('readCommandArgs', () => {
  it('decodes Slack’s entities, removes control characters and keeps tokens as typed', () => {
    expect(readCommandArgs('subscribe\u0007 09:00 &lt;!channel&gt; &amp;')).toBe(
      'subscribe 09:00 <!channel> &',
    );
  });

  it('reads at most 2,000 characters', () => {
    expect(readCommandArgs('x'.repeat(10_240))).toHaveLength(2_000);
  });
});
