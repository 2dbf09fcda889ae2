import type { ChatInputCommandInteraction } from 'discord.js';
import type { ChatRequest } from '../../core/chat/interpret-message.js';
import { MAX_MESSAGE_LENGTH } from '../../core/chat/limits.js';
import { replyToChat } from '../../core/chat/reply-to-chat.js';
import type { Logger } from '../../logging/create-logger.js';
import { answerInteraction } from './answer-interaction.js';
import type { DiscordMessage } from './discord-message.js';
import { handleTermOfDay } from './handle-term-of-day.js';
import { type DiscordHandlerDeps, interactionOrigin } from './handler-deps.js';
import { renderNote } from './render-note.js';
import { renderChatReply } from './render-reply.js';

/** A string option's value, '' when it is missing or not a string (a hostile or stale client). */
function stringOption(interaction: ChatInputCommandInteraction, name: string): string {
  const value = interaction.options.data.find((option) => option.name === name)?.value;
  return typeof value === 'string' ? value.slice(0, MAX_MESSAGE_LENGTH) : '';
}

/** The core's request of a slash command; undefined for a command Stevedore does not have. */
function requestOf(interaction: ChatInputCommandInteraction): ChatRequest | undefined {
  switch (interaction.commandName) {
    case 'define':
      return { kind: 'define', term: stringOption(interaction, 'term') };
    case 'ask':
      return { kind: 'ask', question: stringOption(interaction, 'question') };
    case 'help':
      return { kind: 'help' };
    default:
      return undefined;
  }
}

/** The reply to a slash command: the core's, seen only by the asker. */
function commandReply(
  interaction: ChatInputCommandInteraction,
  deps: DiscordHandlerDeps,
  logger: Logger,
): DiscordMessage {
  const request = requestOf(interaction);
  if (request === undefined) {
    logger.warn({ command: interaction.commandName.slice(0, 32) }, 'unknown slash command');
    return renderNote(
      'I do not know this command (it may have been removed). Try /define, /ask, /help or /termofday.',
    );
  }
  const reply = replyToChat(request, interactionOrigin(interaction), deps.now(), deps.chat);
  return renderChatReply(reply, { privateToAsker: true });
}

/**
 * `/define`, `/ask` and `/help`: answered ephemerally (only the asker sees it) with a Share button
 * to post the answer for everyone; `/termofday` goes to its own handler. Discord errors propagate
 * to the caller, which logs them.
 */
export async function handleCommand(
  interaction: ChatInputCommandInteraction,
  deps: DiscordHandlerDeps,
  logger: Logger,
): Promise<void> {
  if (interaction.commandName === 'termofday') {
    await handleTermOfDay(interaction, deps, logger);
    return;
  }
  const outcome = await answerInteraction(
    interaction,
    () => commandReply(interaction, deps, logger),
    {
      mode: 'reply',
      ephemeral: true,
      ...(deps.deferAfterMs === undefined ? {} : { deferAfterMs: deps.deferAfterMs }),
    },
  );
  logger.debug({ command: interaction.commandName, outcome }, 'answered slash command');
}
