import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/core/engine/create-engine.js';
import { loadKnowledgeOrThrow } from '../../../src/core/knowledge/load-knowledge.js';
import { nearMiss } from '../../fixtures/discord/near-miss.js';
import {
  botMessage,
  buttonClick,
  CHANNEL_ID,
  chatInput,
  GUILD_ID,
  USER,
} from '../../fixtures/discord/payloads.js';
import { type Harness, startHarness } from './harness.js';

const engine = createEngine(loadKnowledgeOrThrow('tests/fixtures/knowledge/valid'));

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

interface MessageData {
  content?: string;
  embeds: { title: string }[];
  components: { type: number; components: { custom_id?: string; url?: string }[] }[];
  allowed_mentions: unknown;
  flags?: number;
}

async function callbackOf(interaction: {
  id: string;
  token: string;
}): Promise<{ type: number; data: MessageData }> {
  return (await h.fake.request(h.fake.callbackPath(interaction))).body as {
    type: number;
    data: MessageData;
  };
}

/** The ephemeral answer to `/define <term>`, as the message its buttons sit on. */
async function ephemeralAnswer(term: string) {
  const { data } = await callbackOf(
    h.interact(chatInput('define', [{ name: 'term', value: term }])),
  );
  return botMessage({ embeds: data.embeds, components: data.components }, true);
}

describe('Share', () => {
  it('share: posts the ephemeral answer publicly, saying who shared it, without pinging them', async () => {
    const message = await ephemeralAnswer('k8s');
    const { type, data } = await callbackOf(h.interact(buttonClick('sd:share', message)));
    expect(type).toBe(4);
    expect(data.content).toBe(`Shared by <@${USER.id}>`);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.flags).toBeUndefined();
    expect(data.embeds).toEqual(message.embeds);
    // The copy keeps the source links and feedback, not the Share button.
    expect(data.components).toEqual([
      message.components[0],
      {
        type: 1,
        components: [
          expect.objectContaining({ custom_id: 'sd:fb:1:kubernetes:k8s' }),
          expect.objectContaining({ custom_id: 'sd:fb:0:kubernetes:k8s' }),
        ],
      },
    ]);
  });

  it('share: a message without an embed gets a note instead of an empty post', async () => {
    const { data } = await callbackOf(
      h.interact(buttonClick('sd:share', botMessage({ content: 'hello' }, true))),
    );
    expect(data).toMatchObject({
      content: 'There is nothing to share in this message.',
      flags: 64,
      embeds: [],
    });
  });
});

describe('"did you mean" buttons', () => {
  it('suggestion: on an ephemeral "no answer", a click replaces it with the answer', async () => {
    const { query, answer } = nearMiss(engine);
    const suggestion = answer.suggestions[0]?.id ?? '';
    const noAnswer = await ephemeralAnswer(query);
    const firstRow = noAnswer.components[0] as MessageData['components'][number] | undefined;
    expect(firstRow?.components[0]?.custom_id).toBe(`sd:def:${suggestion}`);
    const { type, data } = await callbackOf(
      h.interact(buttonClick(`sd:def:${suggestion}`, noAnswer)),
    );
    expect(type).toBe(7);
    expect(data.embeds[0]?.title).toBe(answer.suggestions[0]?.title);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.components.at(-1)?.components.map((c) => c.custom_id)).toEqual([
      `sd:fb:1:${suggestion}:${suggestion}`,
      `sd:fb:0:${suggestion}:${suggestion}`,
      'sd:share',
    ]);
  });

  it('suggestion: under a public message, the clicker gets the answer ephemerally', async () => {
    const publicNoAnswer = botMessage({ embeds: [{ title: 'No answer' }], components: [] }, false);
    const { type, data } = await callbackOf(
      h.interact(buttonClick('sd:def:kubernetes', publicNoAnswer)),
    );
    expect(type).toBe(4);
    expect(data.flags).toBe(64);
    expect(data.embeds[0]?.title).toBe('Kubernetes');
  });
});

describe('feedback', () => {
  it('feedback: 👍 is recorded with the server, channel, user, entry and query', async () => {
    const before = h.feedback.length;
    const message = await ephemeralAnswer('k8s');
    const { data } = await callbackOf(h.interact(buttonClick('sd:fb:1:kubernetes:k8s', message)));
    expect(data).toMatchObject({ content: 'Thanks for the feedback!', flags: 64 });
    expect(h.feedback.slice(before)).toEqual([
      {
        platform: 'discord',
        workspaceId: GUILD_ID,
        channelId: CHANNEL_ID,
        userId: USER.id,
        entryId: 'kubernetes',
        query: 'k8s',
        helpful: true,
        at: expect.any(Date),
      },
    ]);
  });

  it('feedback: 👎 on a "no answer" in a DM is recorded without an entry or a server', async () => {
    const before = h.feedback.length;
    await callbackOf(
      h.interact(
        buttonClick('sd:fb:0::what is: xenon?', botMessage({ embeds: [] }, false), { dm: true }),
      ),
    );
    expect(h.feedback.slice(before)).toEqual([
      expect.objectContaining({
        entryId: null,
        query: 'what is: xenon?',
        helpful: false,
        channelId: expect.any(String),
      }),
    ]);
    expect(h.feedback.at(-1)).not.toHaveProperty('workspaceId');
  });
});

describe('unknown and forged buttons', () => {
  it.each(['sd:unknown', 'old-version-button', 'sd:def:../../etc/passwd', 'sd:fb:2:pod:x', ''])(
    'button %j: a polite ephemeral note and a warning in the log',
    async (customId) => {
      const before = h.feedback.length;
      const interaction = h.interact(buttonClick(customId, botMessage({ content: 'x' }, false)));
      const { type, data } = await callbackOf(interaction);
      expect(type).toBe(4);
      expect(data).toMatchObject({
        content: 'This button no longer works. Ask again with /define or /ask.',
        flags: 64,
        allowed_mentions: { parse: [] },
      });
      expect(h.feedback.length).toBe(before);
      expect(h.logs).toContainEqual(
        expect.objectContaining({ requestId: interaction.id, msg: 'unknown button', level: 40 }),
      );
    },
  );
});
