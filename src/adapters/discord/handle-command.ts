import type { ChatInputCommandInteraction } from 'discord.js';
import type { Logger } from '../../logging/create-logger.js';
import { answerInteraction } from './answer-interaction.js';
import type { DiscordContext } from './context.js';
import { MAX_INPUT_LENGTH } from './context.js';
import { handleTermOfDay } from './handle-term-of-day.js';
import { type DiscordMessage, renderAnswer, renderHelp, renderNote } from './render-answer.js';

/** A string option's value, '' when it is missing or not a string (a hostile or stale client). */
function stringOption(interaction: ChatInputCommandInteraction, name: string): string {
  const value = interaction.options.data.find((option) => option.name === name)?.value;
  return typeof value === 'string' ? value.slice(0, MAX_INPUT_LENGTH) : '';
}

/** The reply to a slash command, built from the core's answer. */
function commandReply(
  interaction: ChatInputCommandInteraction,
  context: DiscordContext,
  logger: Logger,
): DiscordMessage {
  const withButtons = { share: true, feedback: true };
  switch (interaction.commandName) {
    case 'define':
      return renderAnswer(context.engine.define(stringOption(interaction, 'term')), withButtons);
    case 'ask':
      return renderAnswer(context.engine.ask(stringOption(interaction, 'question')), withButtons);
    case 'help':
      return renderHelp();
    default:
      logger.warn({ command: interaction.commandName.slice(0, 32) }, 'unknown slash command');
      return renderNote(
        'I do not know this command (it may have been removed). Try /define, /ask, /help or /termofday.',
      );
  }
}

/**
 * `/define`, `/ask` and `/help`: answered ephemerally (only the asker sees it) with a Share button
 * to post the answer for everyone; `/termofday` goes to its own handler. Discord errors propagate
 * to the caller, which logs them.
 */
export async function handleCommand(
  interaction: ChatInputCommandInteraction,
  context: DiscordContext,
  logger: Logger,
): Promise<void> {
  if (interaction.commandName === 'termofday') {
    await handleTermOfDay(interaction, context, logger);
    return;
  }
  const outcome = await answerInteraction(
    interaction,
    () => commandReply(interaction, context, logger),
    {
      mode: 'reply',
      ephemeral: true,
      ...(context.deferAfterMs === undefined ? {} : { deferAfterMs: context.deferAfterMs }),
    },
  );
  logger.debug({ command: interaction.commandName, outcome }, 'answered slash command');
}
