import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

/** Longest term `/define` accepts; Discord enforces it in the client. */
export const MAX_TERM_LENGTH = 100;
/** Longest question `/ask` accepts; the core reads at most 500 characters anyway. */
export const MAX_QUESTION_LENGTH = 500;
/** Longest `/termofday subscribe time:`; longer input gets Discord's own refusal in the client. */
export const MAX_TIME_LENGTH = 10;
/** Longest `/termofday subscribe timezone:`; IANA names are shorter. */
export const MAX_TIME_ZONE_LENGTH = 64;

/** Manage Channels, as Discord's `default_member_permissions` string (`"16"`). */
export const TERM_OF_DAY_PERMISSIONS = PermissionFlagsBits.ManageChannels.toString();

/** Usable in servers and in direct messages with the bot; installed to servers. */
function everywhere(): Pick<
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  'contexts' | 'integration_types'
> {
  return {
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
}

/**
 * Stevedore's application commands, exactly as `stevedore discord register` sends them. The
 * registration is a bulk overwrite: a command missing here is deleted from Discord, so every
 * command the bot handles must be listed.
 */
export const COMMANDS: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  {
    name: 'define',
    type: ApplicationCommandType.ChatInput,
    description: 'Show the definition card of a container term',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'term',
        description: 'The term, e.g. Krypton, pod or k8s',
        required: true,
        autocomplete: true,
        max_length: MAX_TERM_LENGTH,
      },
    ],
    ...everywhere(),
  },
  {
    name: 'ask',
    type: ApplicationCommandType.ChatInput,
    description: 'Ask a question about containers; the answer cites its sources',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'question',
        description: 'e.g. how do I create a pod with podman?',
        required: true,
        max_length: MAX_QUESTION_LENGTH,
      },
    ],
    ...everywhere(),
  },
  {
    name: 'help',
    type: ApplicationCommandType.ChatInput,
    description: 'What Stevedore can answer and how to ask',
    ...everywhere(),
  },
  {
    name: 'termofday',
    type: ApplicationCommandType.ChatInput,
    description: 'A container term every day in this channel',
    // Shown to members with Manage Channels by default (server admins can open it to everyone in
    // Server Settings → Integrations). The handler checks the permission again for changes.
    default_member_permissions: TERM_OF_DAY_PERMISSIONS,
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'subscribe',
        description: 'Post the term of the day here every day (needs Manage Channels)',
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'time',
            description: 'HH:MM, 24-hour (default 09:00)',
            max_length: MAX_TIME_LENGTH,
          },
          {
            type: ApplicationCommandOptionType.String,
            name: 'timezone',
            description: 'IANA zone like Europe/Berlin',
            autocomplete: true,
            max_length: MAX_TIME_ZONE_LENGTH,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'unsubscribe',
        description: 'Stop posting the term of the day here (needs Manage Channels)',
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'status',
        description: "This channel's schedule and next post",
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'now',
        description: "Today's term, just for you",
      },
    ],
    ...everywhere(),
  },
];
