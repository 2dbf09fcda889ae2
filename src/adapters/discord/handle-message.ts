import type { Message } from 'discord.js';
import { interpretMessage } from '../../core/chat/interpret-message.js';
import { localClock } from '../../term-of-day/clock.js';
import { NO_PINGS } from './answer-interaction.js';
import { type DiscordContext, MAX_INPUT_LENGTH } from './context.js';
import { type DiscordMessage, renderAnswer, renderHelp, renderSearch } from './render-answer.js';

const SEARCH_HITS = 5;

/** The question in a message: its text without the bot's own mentions, bounded. */
export function questionOf(content: string, botId: string): string {
  return content
    .slice(0, MAX_INPUT_LENGTH)
    .replace(new RegExp(`<@!?${botId}>`, 'g'), ' ')
    .trim();
}

/** The answer to a chat message, the same requests as on every platform. */
export function messageReply(text: string, context: DiscordContext, now: Date): DiscordMessage {
  const request = interpretMessage(text);
  const buttons = { share: false, feedback: true };
  switch (request.kind) {
    case 'help':
      return renderHelp();
    case 'define':
      return renderAnswer(context.engine.define(request.term), buttons);
    case 'ask':
      return renderAnswer(context.engine.ask(request.question), buttons);
    case 'search':
      return renderSearch(request.query, context.engine.search(request.query, SEARCH_HITS));
    case 'today':
      return renderAnswer(
        context.engine.termOfDay(localClock(now, context.timeZone).date),
        buttons,
      );
    case 'termofday':
      // Subscriptions are managed by the /termofday command, not by messages.
      return renderHelp();
  }
}

/** Whether the bot should answer this message: a DM, or a message that mentions the bot itself. */
export function isForBot(message: Message): boolean {
  if (message.author.bot || message.system || message.webhookId) return false;
  if (message.guildId === null) return true;
  const botId = message.client.user.id;
  // Only a direct mention of the bot: @everyone, @here and role mentions are not questions.
  return message.mentions.users.has(botId);
}

/**
 * A mention in a channel or any DM: answered as a reply to the message (in a thread, the reply
 * stays in the thread). Only the asker is notified, and only in a server channel. Discord errors
 * propagate to the caller, which logs them.
 */
export async function handleMessage(message: Message, context: DiscordContext): Promise<void> {
  const reply = messageReply(
    questionOf(message.content, message.client.user.id),
    context,
    new Date(),
  );
  await message.reply({
    ...(reply.content === undefined ? {} : { content: reply.content }),
    embeds: reply.embeds,
    components: reply.components,
    allowedMentions: { ...NO_PINGS, repliedUser: message.guildId !== null },
  });
}
