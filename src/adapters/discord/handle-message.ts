import type { Message } from 'discord.js';
import { MAX_MESSAGE_LENGTH } from '../../core/chat/limits.js';
import { type ChatOrigin, replyToChat } from '../../core/chat/reply-to-chat.js';
import { NO_PINGS } from './answer-interaction.js';
import type { DiscordHandlerDeps } from './handler-deps.js';
import { renderChatReply } from './render-reply.js';

/** The question in a message: its text without the bot's own mentions, bounded. */
export function questionOf(content: string, botId: string): string {
  return content
    .slice(0, MAX_MESSAGE_LENGTH)
    .replace(new RegExp(`<@!?${botId}>`, 'g'), ' ')
    .trim();
}

/** Where a message was written, for the core. */
function originOf(message: Message): ChatOrigin {
  const place =
    message.guildId === null ? 'direct' : message.channel.isThread() ? 'thread' : 'channel';
  return { place, channel: { platform: 'discord', id: message.channelId } };
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
export async function handleMessage(message: Message, deps: DiscordHandlerDeps): Promise<void> {
  const reply = renderChatReply(
    replyToChat(
      questionOf(message.content, message.client.user.id),
      originOf(message),
      deps.now(),
      deps.chat,
    ),
    { privateToAsker: false },
  );
  await message.reply({
    ...(reply.content === undefined ? {} : { content: reply.content }),
    embeds: reply.embeds,
    components: reply.components,
    allowedMentions: { ...NO_PINGS, repliedUser: message.guildId !== null },
  });
}
