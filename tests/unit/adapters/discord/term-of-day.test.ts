import {
  ApplicationCommandOptionType,
  ChannelType,
  type ChatInputCommandInteraction,
  DiscordAPIError,
  PermissionsBitField,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { timeZoneChoices } from '../../../../src/adapters/discord/handle-autocomplete.js';
import {
  mayManage,
  renderTermOfDayReply,
  termOfDayCommand,
} from '../../../../src/adapters/discord/handle-term-of-day.js';
import { LIMITS } from '../../../../src/adapters/discord/limits.js';
import { describePostError } from '../../../../src/adapters/discord/post-term-of-day.js';
import { longDate, renderTermOfDay } from '../../../../src/adapters/discord/render-term-of-day.js';
import type { FoundAnswer } from '../../../../src/core/types.js';
import { fixtureEngine } from '../../../helpers/fixture-engine.js';

const engine = fixtureEngine();
const card = engine.termOfDay('2026-11-28');

function sub(name: string, options: { name: string; value: unknown }[] = []) {
  return [
    {
      name,
      type: ApplicationCommandOptionType.Subcommand,
      options: options.map((o) => ({ ...o, type: ApplicationCommandOptionType.String })),
    },
    // The raw option data is all termOfDayCommand reads; the cast stands in for discord.js's type.
  ] as unknown as Parameters<typeof termOfDayCommand>[0];
}

describe('termOfDayCommand', () => {
  it('reads each subcommand; subscribe goes through parseSchedule with the default zone', () => {
    expect(termOfDayCommand(sub('subscribe'), 'Europe/Paris')).toEqual({
      kind: 'subscribe',
      time: '09:00',
      timeZone: 'Europe/Paris',
    });
    expect(
      termOfDayCommand(
        sub('subscribe', [
          { name: 'time', value: '7.05' },
          { name: 'timezone', value: 'asia/tokyo' },
        ]),
        'UTC',
      ),
    ).toEqual({ kind: 'subscribe', time: '07:05', timeZone: 'Asia/Tokyo' });
    expect(termOfDayCommand(sub('unsubscribe'), 'UTC')).toEqual({ kind: 'unsubscribe' });
    expect(termOfDayCommand(sub('status'), 'UTC')).toEqual({ kind: 'status' });
    expect(termOfDayCommand(sub('now'), 'UTC')).toEqual({ kind: 'now' });
  });

  it('an unknown or missing subcommand is help, not a crash', () => {
    expect(termOfDayCommand(sub('explode'), 'UTC')).toEqual({ kind: 'help' });
    expect(termOfDayCommand([], 'UTC')).toEqual({ kind: 'help' });
  });

  it('an overlong zone is cut before it is read, and refused', () => {
    const command = termOfDayCommand(
      sub('subscribe', [{ name: 'timezone', value: `Europe/${'x'.repeat(10_000)}` }]),
      'UTC',
    );
    expect(command.kind).toBe('invalid');
  });
});

describe('mayManage', () => {
  // Only the fields mayManage reads; the cast stands in for a full interaction.
  const interaction = (fields: object) => fields as unknown as ChatInputCommandInteraction;

  it('in a server: only with Manage Channels (or Administrator)', () => {
    const withPermissions = (bits: bigint) =>
      interaction({ guildId: '1', memberPermissions: new PermissionsBitField(bits) });
    expect(mayManage(withPermissions(PermissionsBitField.Flags.ManageChannels))).toBe(true);
    expect(mayManage(withPermissions(PermissionsBitField.Flags.Administrator))).toBe(true);
    expect(mayManage(withPermissions(PermissionsBitField.Flags.SendMessages))).toBe(false);
    expect(mayManage(interaction({ guildId: '1', memberPermissions: null }))).toBe(false);
  });

  it("in the user's DM with the bot: yes; in any other channel without a server: no", () => {
    expect(mayManage(interaction({ guildId: null, channel: { type: ChannelType.DM } }))).toBe(true);
    expect(mayManage(interaction({ guildId: null, channel: { type: ChannelType.GroupDM } }))).toBe(
      false,
    );
    expect(mayManage(interaction({ guildId: null, channel: null }))).toBe(false);
  });
});

describe('renderTermOfDayReply', () => {
  it('shows a schedule change to the channel, naming the actor with a Discord mention', () => {
    const { message, ephemeral } = renderTermOfDayReply({
      kind: 'schedule_changed',
      actorId: '123456789012345678',
      change: {
        kind: 'subscribed',
        time: '09:00',
        timeZone: 'UTC',
        nextPost: 'Sat, 28 Nov 2026, 09:00 UTC',
      },
    });
    expect(ephemeral).toBe(false);
    expect(message.content).toBe(
      '<@123456789012345678> subscribed this channel to the term of the day at **09:00** (UTC). Next post: Sat, 28 Nov 2026, 09:00 UTC.',
    );
  });

  it('names no one when the actor id is not a Discord user id', () => {
    const { message } = renderTermOfDayReply({
      kind: 'schedule_changed',
      actorId: '&9> @everyone',
      change: { kind: 'unsubscribed' },
    });
    expect(message.content).toBe('Someone turned off the term of the day in this channel.');
  });

  it('defuses every mention in a notice', () => {
    const { message, ephemeral } = renderTermOfDayReply({
      kind: 'notice',
      markdown: '"@everyone <@7> <@&9> @here" is not a /termofday command.',
      ok: false,
    });
    expect(ephemeral).toBe(true);
    expect(message.content).toBe(
      '"@\u200beveryone <\u200b@7> <\u200b@&9> @\u200bhere" is not a /termofday command.',
    );
  });

  it('keeps a message within 2000 characters', () => {
    const { message, ephemeral } = renderTermOfDayReply({
      kind: 'notice',
      markdown: 'x'.repeat(5000),
      ok: false,
    });
    expect(ephemeral).toBe(true);
    expect(message.content?.length).toBe(LIMITS.content);
  });

  it('shows the card only to the asker, with Share and without feedback buttons', () => {
    const { message, ephemeral } = renderTermOfDayReply({
      kind: 'card',
      answer: card,
      date: '2026-11-28',
    });
    expect(ephemeral).toBe(true);
    expect(JSON.stringify(message.components)).toContain('"custom_id":"sd:share"');
    expect(JSON.stringify(message.components)).not.toContain('sd:fb:');
  });
});

describe('renderTermOfDay', () => {
  it('heads the card with the date and keeps one example command', () => {
    const withCommands: FoundAnswer = {
      ...card,
      commands: [
        { command: 'podman pod create --name a', description: 'First' },
        { command: 'podman pod create --name b', description: 'Second' },
      ],
    };
    const [embed] = renderTermOfDay(withCommands, '2026-11-28', {
      share: false,
      feedback: false,
    }).embeds;
    expect(embed?.author).toEqual({ name: 'Term of the day — Saturday 28 November 2026' });
    expect(embed?.fields?.map((f) => f.name)).toEqual(['First', 'Related', 'Sources']);
  });

  it('stays within 6000 characters with the header counted', () => {
    const huge: FoundAnswer = { ...card, title: 't'.repeat(1000), text: 'x'.repeat(10_000) };
    const [embed] = renderTermOfDay(huge, '2026-11-28', { share: false, feedback: false }).embeds;
    const total =
      (embed?.author?.name.length ?? 0) +
      (embed?.title?.length ?? 0) +
      (embed?.description?.length ?? 0) +
      (embed?.footer?.text.length ?? 0) +
      (embed?.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
  });

  it('longDate: a calendar date in words; anything else as it is', () => {
    expect(longDate('2026-03-29')).toBe('Sunday 29 March 2026');
    expect(longDate('2024-02-29')).toBe('Thursday 29 February 2024');
    expect(longDate('tomorrow')).toBe('tomorrow');
  });
});

describe('timeZoneChoices', () => {
  it('prefix first, then city; case and spaces do not matter', () => {
    expect(timeZoneChoices('america/new y', 'UTC')).toEqual([
      { name: 'America/New_York', value: 'America/New_York' },
    ]);
    expect(timeZoneChoices('TOKY', 'UTC').map((c) => c.value)).toEqual(['Asia/Tokyo']);
  });

  it('with nothing typed, the configured default comes first; never more than 25', () => {
    const choices = timeZoneChoices('', 'Europe/Berlin');
    expect(choices[0]?.value).toBe('Europe/Berlin');
    expect(choices).toHaveLength(25);
    expect(new Set(choices.map((c) => c.value)).size).toBe(25);
  });
});

describe('describePostError', () => {
  it('starts with the Discord code and says what it means', () => {
    const error = new DiscordAPIError(
      { code: 10003, message: 'Unknown Channel' },
      10003,
      404,
      'POST',
      'https://discord.com/api/v10/channels/1/messages',
      { files: undefined, body: undefined },
    );
    expect(describePostError(error)).toBe(
      'Discord 10003 Unknown Channel — the channel was deleted',
    );
    expect(describePostError(new Error('socket hang up'))).toBe(
      'Discord request failed: socket hang up',
    );
  });
});
