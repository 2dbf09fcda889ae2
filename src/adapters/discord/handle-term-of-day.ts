import {
  ApplicationCommandOptionType,
  ChannelType,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  PermissionFlagsBits,
} from 'discord.js';
import type { Logger } from '../../logging/create-logger.js';
import { parseSchedule, type TermOfDayCommand } from '../../term-of-day/parse-command.js';
import {
  describeScheduleChange,
  type TermOfDayReply,
} from '../../term-of-day/term-of-day-commands.js';
import { replyOptions } from './answer-interaction.js';
import { MAX_TIME_ZONE_LENGTH } from './command-definitions.js';
import type { DiscordMessage } from './discord-message.js';
import type { DiscordHandlerDeps } from './handler-deps.js';
import { LIMITS, truncate } from './limits.js';
import { neutraliseMentions } from './neutralise.js';
import { renderNote } from './render-note.js';
import { renderTermOfDay } from './render-term-of-day.js';

/** The subcommand a `/termofday` interaction carries, if any. */
function subcommandOf(
  data: readonly CommandInteractionOption[],
): CommandInteractionOption | undefined {
  return data.find((option) => option.type === ApplicationCommandOptionType.Subcommand);
}

/**
 * Reads `/termofday <subcommand>` into the platform-neutral command. Options are read from the raw
 * data, not with discord.js's typed getters, which throw on a value of the wrong type (a stale or
 * hostile client): a missing or non-string option counts as not given, so the default applies.
 */
export function termOfDayCommand(
  data: readonly CommandInteractionOption[],
  defaultTimeZone: string,
): TermOfDayCommand {
  const sub = subcommandOf(data);
  const text = (name: string): string | undefined => {
    const value = sub?.options?.find((option) => option.name === name)?.value;
    return typeof value === 'string' ? value.slice(0, MAX_TIME_ZONE_LENGTH + 1) : undefined;
  };
  switch (sub?.name) {
    case 'subscribe':
      return parseSchedule(text('time'), text('timezone'), defaultTimeZone);
    case 'unsubscribe':
      return { kind: 'unsubscribe' };
    case 'status':
      return { kind: 'status' };
    case 'now':
      return { kind: 'now' };
    default:
      return { kind: 'help' };
  }
}

/**
 * Whether the user may change this channel's term of the day: in a server, when their permissions
 * in the channel (as Discord computed them for the interaction) include Manage Channels —
 * Administrator included. In a direct message with the bot: yes, it is the user's own channel.
 * Anywhere else (no server, not a DM): no.
 */
export function mayManage(interaction: ChatInputCommandInteraction): boolean {
  if (interaction.guildId !== null) {
    return interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false;
  }
  return interaction.channel?.type === ChannelType.DM;
}

const SNOWFLAKE = /^\d{15,25}$/;

/**
 * The core's Markdown as Discord content, every mention in it defused, after an optional mention
 * of the actor written here. Replies go out with `allowed_mentions: { parse: [] }`, so even that
 * mention renders as a name and never pings.
 */
function contentOf(markdown: string, actorMention = ''): DiscordMessage {
  return {
    content: truncate(`${actorMention}${neutraliseMentions(markdown)}`, LIMITS.content),
    embeds: [],
    components: [],
  };
}

/**
 * How a term-of-day reply is shown: the card (only to the user, with Share), a schedule change
 * ("@Ada subscribed this channel…", to the channel), or a notice only the user sees.
 */
export function renderTermOfDayReply(reply: TermOfDayReply): {
  readonly message: DiscordMessage;
  readonly ephemeral: boolean;
} {
  switch (reply.kind) {
    case 'card':
      return {
        message: renderTermOfDay(reply.answer, reply.date, { share: true, feedback: false }),
        ephemeral: true,
      };
    case 'schedule_changed': {
      const actor = SNOWFLAKE.test(reply.actorId) ? `<@${reply.actorId}>` : 'Someone';
      return {
        message: contentOf(describeScheduleChange(reply.change), `${actor} `),
        ephemeral: false,
      };
    }
    case 'notice':
      return { message: contentOf(reply.markdown), ephemeral: true };
  }
}

/**
 * `/termofday subscribe|unsubscribe|status|now`, handed to the term-of-day service. Its work is
 * local (a SQLite read or write; the permission comes with the interaction), so the reply is sent
 * directly rather than deferred — which also lets the service decide whether everyone sees it.
 * Discord errors propagate to the caller, which logs them.
 */
export async function handleTermOfDay(
  interaction: ChatInputCommandInteraction,
  deps: DiscordHandlerDeps,
  logger: Logger,
): Promise<void> {
  const channelId = interaction.channelId;
  if (!channelId) {
    await interaction.reply(
      replyOptions(renderNote('The term of the day needs a channel to work in.'), true),
    );
    return;
  }
  const command = termOfDayCommand(interaction.options.data, deps.timeZone);
  const reply = await deps.termOfDay.handle(
    {
      platform: 'discord',
      channelId,
      workspaceId: interaction.guildId,
      userId: interaction.user.id,
      command,
      canManage: async () => mayManage(interaction),
      managers: 'members with the Manage Channels permission',
    },
    deps.now(),
  );
  const { message, ephemeral } = renderTermOfDayReply(reply);
  await interaction.reply(replyOptions(message, ephemeral));
  logger.info(
    { command: command.kind, ok: reply.kind !== 'notice' || reply.ok, ephemeral },
    'term of the day command',
  );
}
