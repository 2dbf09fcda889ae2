import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

/** Longest term `/define` accepts; Discord enforces it in the client. */
export const MAX_TERM_LENGTH = 100;
/** Longest question `/ask` accepts; the core reads at most 500 characters anyway. */
export const MAX_QUESTION_LENGTH = 500;

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
 * command the bot handles must be listed (a later `/termofday` is added here too).
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
];
