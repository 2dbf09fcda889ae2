import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/core/engine/create-engine.js';
import { loadKnowledgeOrThrow } from '../../../src/core/knowledge/load-knowledge.js';
import { HOSTILE } from '../../fixtures/discord/hostile.js';
import {
  BOT_USER,
  CHANNEL_ID,
  DM_CHANNEL_ID,
  GUILD_ID,
  messageCreate,
  OTHER_BOT,
  ROLE_ID,
  THREAD_ID,
} from '../../fixtures/discord/payloads.js';
import { DISCORD_ERRORS } from './fake-discord.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const mention = `<@${BOT_USER.id}>`;

interface Posted {
  content?: string;
  embeds: { title: string; description?: string }[];
  components: { components: { custom_id?: string }[] }[];
  allowed_mentions: unknown;
  message_reference?: unknown;
}

/** The message the bot posts in `channelId` after request number `from`. */
async function postedIn(channelId: string, from: number): Promise<Posted> {
  return (await h.fake.request(`/api/v10/channels/${channelId}/messages`, from)).body as Posted;
}

describe('mentions in a channel', () => {
  it('mention: replies to the message, pinging only the asker', async () => {
    const from = h.fake.requests.length;
    const message = h.message(messageCreate(`${mention} what is a pod?`, { mentionsBot: true }));
    const posted = await postedIn(CHANNEL_ID, from);
    expect(posted).toEqual({
      tts: false,
      enforce_nonce: false,
      embeds: [
        expect.objectContaining({
          title: 'Pod',
          description: expect.stringMatching(/^The smallest deployable unit in Kubernetes/),
        }),
      ],
      components: [
        {
          type: 1,
          components: [
            {
              type: 2,
              style: 5,
              label: '[1] Pods',
              url: 'https://kubernetes.io/docs/concepts/workloads/pods/',
            },
          ],
        },
        {
          type: 1,
          components: [
            expect.objectContaining({ custom_id: 'sd:fb:1:pod:what is a pod?' }),
            expect.objectContaining({ custom_id: 'sd:fb:0:pod:what is a pod?' }),
          ],
        },
      ],
      allowed_mentions: { parse: [], replied_user: true },
      message_reference: { message_id: message.id, fail_if_not_exists: false },
    });
  });

  it('mention: in a thread, the reply stays in the thread', async () => {
    const from = h.fake.requests.length;
    const message = h.message(
      messageCreate(`${mention} define krypton`, { mentionsBot: true, channelId: THREAD_ID }),
    );
    const posted = await postedIn(THREAD_ID, from);
    expect(posted.embeds[0]?.title).toBe('Krypton');
    expect(posted.message_reference).toEqual({ message_id: message.id, fail_if_not_exists: false });
  });

  it('mention: a bare mention gets the help', async () => {
    const from = h.fake.requests.length;
    h.message(messageCreate(mention, { mentionsBot: true }));
    expect((await postedIn(CHANNEL_ID, from)).embeds[0]?.title).toBe('Stevedore');
  });

  it('mention: "search" lists the best entries with buttons to define them', async () => {
    const from = h.fake.requests.length;
    h.message(messageCreate(`${mention} search pod`, { mentionsBot: true }));
    const posted = await postedIn(CHANNEL_ID, from);
    expect(posted.embeds[0]?.title).toBe('Search: pod');
    const hits = createEngine(loadKnowledgeOrThrow('tests/fixtures/knowledge/valid')).search(
      'pod',
      5,
    );
    expect(hits.map((hit) => hit.id)).toContain('pod');
    expect(posted.components[0]?.components.map((c) => c.custom_id)).toEqual(
      hits.map((hit) => `sd:def:${hit.id}`),
    );
  });

  it('mention: @everyone, @here, role and user mentions in the question ping nobody', async () => {
    for (const text of [HOSTILE.everyone, HOSTILE.roleAndUser]) {
      const from = h.fake.requests.length;
      h.message(
        messageCreate(`${mention} ${text}`, {
          mentionsBot: true,
          mentionEveryone: true,
          mentionRoles: [ROLE_ID],
        }),
      );
      const posted = await postedIn(CHANNEL_ID, from);
      expect(posted.allowed_mentions).toEqual({ parse: [], replied_user: true });
      expect(posted.content).toBeUndefined();
    }
  });

  it('mention: a 6000-character question is answered within Discord limits', async () => {
    const from = h.fake.requests.length;
    h.message(messageCreate(`${mention} ${HOSTILE.huge}`, { mentionsBot: true }));
    const request = await h.fake.request(`/api/v10/channels/${CHANNEL_ID}/messages`, from);
    expect(request.body).toMatchObject({ allowed_mentions: { parse: [], replied_user: true } });
    expect(JSON.stringify(request.body)).not.toMatch(/"custom_id":"[^"]{101,}"/);
  });

  it('ignores @everyone, role mentions and other bots: only a direct mention is a question', async () => {
    const from = h.fake.requests.length;
    h.message(messageCreate('@everyone what is a pod?', { mentionEveryone: true }));
    h.message(messageCreate(`<@&${ROLE_ID}> what is a pod?`, { mentionRoles: [ROLE_ID] }));
    h.message(messageCreate(`${mention} what is a pod?`, { mentionsBot: true, author: OTHER_BOT }));
    h.message(messageCreate('what is a pod?'));
    // A marker message the bot does answer: everything dispatched before it has been handled.
    const marker = h.message(messageCreate(`${mention} help`, { mentionsBot: true }));
    const reply = await h.fake.request(`/api/v10/channels/${CHANNEL_ID}/messages`, from);
    expect(reply.body).toMatchObject({ message_reference: { message_id: marker.id } });
    expect(h.fake.requests.slice(from).filter((r) => r.path.endsWith('/messages'))).toHaveLength(1);
  });
});

describe('direct messages', () => {
  it('DM: any message is a question, answered without pinging', async () => {
    const from = h.fake.requests.length;
    const message = h.message(messageCreate('what is k8s', { dm: true }));
    const posted = await postedIn(DM_CHANNEL_ID, from);
    expect(posted.embeds[0]?.title).toBe('Kubernetes');
    expect(posted.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(posted.message_reference).toEqual({ message_id: message.id, fail_if_not_exists: false });
  });

  it('DM: "define" with a misspelling still finds the term', async () => {
    const from = h.fake.requests.length;
    h.message(messageCreate('define kryptn', { dm: true }));
    expect((await postedIn(DM_CHANNEL_ID, from)).embeds[0]?.title).toBe('Krypton');
  });
});

describe('Discord refusals are logged with context, never crash', () => {
  it.each([
    ['missing permissions (50013)', DISCORD_ERRORS.missingPermissions, /missing permissions/],
    ['missing access (50001)', DISCORD_ERRORS.missingAccess, /missing access/],
    ['a deleted channel (10003)', DISCORD_ERRORS.unknownChannel, /the channel was deleted/],
  ])('%s', async (_, error, meaning) => {
    h.fake.channelErrors.set(CHANNEL_ID, error);
    try {
      const message = h.message(messageCreate(`${mention} what is a pod?`, { mentionsBot: true }));
      const line = await h.fake.until(
        () => h.logs.find((l) => l.requestId === message.id && l.code === error.code),
        `the ${error.code} warning`,
      );
      expect(line).toMatchObject({
        level: 40,
        platform: 'discord',
        channel: CHANNEL_ID,
        guild: GUILD_ID,
        status: error.status,
      });
      expect(line.msg).toMatch(meaning);
    } finally {
      h.fake.channelErrors.delete(CHANNEL_ID);
    }
    // Still answering afterwards.
    const from = h.fake.requests.length;
    h.message(messageCreate(`${mention} what is a pod?`, { mentionsBot: true }));
    expect((await postedIn(CHANNEL_ID, from)).embeds[0]?.title).toBe('Pod');
  });
});
