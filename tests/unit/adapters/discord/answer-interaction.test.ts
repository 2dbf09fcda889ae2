import type { ChatInputCommandInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { answerInteraction } from '../../../../src/adapters/discord/answer-interaction.js';
import type { DiscordMessage } from '../../../../src/adapters/discord/discord-message.js';

/**
 * The few methods of an interaction that answerInteraction calls, recording the calls. The real
 * client is exercised against the fake Discord in tests/integration/discord; this covers the
 * timing decision, which needs work slower than the synchronous engine.
 */
function recordingInteraction(createdTimestamp: number) {
  const calls: [string, unknown][] = [];
  const stub = {
    createdTimestamp,
    isButton: () => false,
    reply: async (options: unknown) => void calls.push(['reply', options]),
    deferReply: async (options: unknown) => void calls.push(['deferReply', options]),
    editReply: async (options: unknown) => void calls.push(['editReply', options]),
  };
  // A structural stand-in: only the members above are used by answerInteraction.
  return { interaction: stub as unknown as ChatInputCommandInteraction, calls };
}

const message: DiscordMessage = { embeds: [{ title: 'Pod' }], components: [] };
const later = (ms: number) =>
  new Promise<DiscordMessage>((resolve) => setTimeout(() => resolve(message), ms));

describe('answerInteraction', () => {
  it('replies directly when the work is done in time', async () => {
    const { interaction, calls } = recordingInteraction(Date.now());
    const outcome = await answerInteraction(interaction, () => message, {
      mode: 'reply',
      ephemeral: true,
    });
    expect(outcome).toBe('replied');
    expect(calls).toEqual([
      [
        'reply',
        { embeds: [{ title: 'Pod' }], components: [], allowedMentions: { parse: [] }, flags: 64 },
      ],
    ]);
  });

  it('defers, then edits, when the work outlasts the budget', async () => {
    const { interaction, calls } = recordingInteraction(Date.now());
    const outcome = await answerInteraction(interaction, () => later(200), {
      mode: 'reply',
      ephemeral: false,
      deferAfterMs: 20,
    });
    expect(outcome).toBe('deferred');
    expect(calls.map(([name]) => name)).toEqual(['deferReply', 'editReply']);
    expect(calls[0]?.[1]).toEqual({});
    expect(calls[1]?.[1]).toEqual({
      content: null,
      embeds: [{ title: 'Pod' }],
      components: [],
      allowedMentions: { parse: [] },
    });
  });

  it('a failing piece of work is reported to the caller', async () => {
    const { interaction } = recordingInteraction(Date.now());
    await expect(
      answerInteraction(
        interaction,
        () => {
          throw new Error('boom');
        },
        { mode: 'reply', ephemeral: true },
      ),
    ).rejects.toThrow('boom');
  });
});
