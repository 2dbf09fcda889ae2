/**
 * Slash commands: `/define <term>` and `/ask <question>` (`/termofday` has its own module). The
 * reply is the acknowledgement itself (the core answers in milliseconds), so Slack's 3-second limit
 * is always met, and it is ephemeral with a "Share in channel" button.
 */
import type { App } from '@slack/bolt';
import type { ChatRequest } from '../../core/chat/interpret-message.js';
import { replyToChat } from '../../core/chat/reply-to-chat.js';
import { COMMAND_TERM_OF_DAY } from './action-ids.js';
import { channelOrigin, requestLogger, type SlackHandlerDeps } from './handler-deps.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { renderNotice, type SlackMessage } from './render-answer.js';
import { renderChatReply } from './render-reply.js';
import { readUserText } from './user-text.js';

/** The core's request of a slash command; undefined for a command Stevedore does not have. */
function requestOf(command: string, text: string): ChatRequest | undefined {
  const plain = readUserText(text);
  if (command === '/define') return { kind: 'define', term: plain };
  if (command === '/ask') return { kind: 'ask', question: plain };
  return undefined;
}

/** The ephemeral reply to a slash command; pure, so it is tested without Slack. */
export function replyToCommand(
  command: string,
  text: string,
  channelId: string,
  deps: SlackHandlerDeps,
): SlackMessage {
  const request = requestOf(command, text);
  if (request === undefined) {
    return renderNotice(
      `I do not know the command ${escapeMrkdwn(command.slice(0, 50))}. Try \`/define &lt;term&gt;\` or \`/ask &lt;question&gt;\`.`,
    );
  }
  const reply = replyToChat(request, channelOrigin(channelId), deps.now(), deps.chat);
  return renderChatReply(reply, { privateToAsker: true });
}

/** Every command but `/termofday` (Bolt runs every matching listener, and each must ack once). */
const NOT_TERM_OF_DAY = new RegExp(`^(?!${COMMAND_TERM_OF_DAY}$)`);

/**
 * Registers one listener for every slash command except `/termofday` (see handle-term-of-day.ts),
 * so none is left unacknowledged.
 */
export function registerCommands(app: App, deps: SlackHandlerDeps): void {
  app.command(NOT_TERM_OF_DAY, async ({ command, ack }) => {
    const log = requestLogger(deps, command.channel_id, { command: command.command });
    let reply: SlackMessage;
    try {
      reply = replyToCommand(command.command, command.text ?? '', command.channel_id, deps);
    } catch (error) {
      log.error({ err: error }, 'answering a slash command failed');
      reply = renderNotice('Sorry, something went wrong while answering that. Please try again.');
    }
    await ack({ response_type: 'ephemeral', text: reply.text, blocks: reply.blocks });
    log.info({ user: command.user_id }, 'answered a slash command');
  });
}
