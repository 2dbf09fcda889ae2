/**
 * The conversation core's replies as Slack messages. A reply to a slash command (or to a click on
 * one of its private "did you mean" buttons) is seen only by the asker: it names the command and
 * has "Share in channel". A reply in a channel, thread or DM is already public.
 */
import type { ChatReply } from '../../core/chat/reply-to-chat.js';
import { markdownToMrkdwn } from './mrkdwn.js';
import {
  renderAnswer,
  renderHelp,
  renderNotice,
  renderSearch,
  renderTermOfDay,
  renderUsage,
  type SlackMessage,
} from './render-answer.js';
import { echoUserText } from './user-text.js';

export interface ReplyStyle {
  /** Only the asker sees the reply (a slash command): add the command line and Share. */
  readonly privateToAsker: boolean;
}

export function renderChatReply(reply: ChatReply, style: ReplyStyle): SlackMessage {
  switch (reply.kind) {
    case 'answer':
      return style.privateToAsker
        ? renderAnswer(reply.answer, {
            share: reply.command,
            context: [`/${reply.command} ${echoUserText(reply.answer.query)}`],
          })
        : renderAnswer(reply.answer);
    case 'search':
      return renderSearch(echoUserText(reply.query), reply.hits);
    case 'help':
      return renderHelp();
    case 'usage':
      return renderUsage(reply.markdown);
    case 'term_of_day':
      return renderTermOfDay(reply.answer, reply.date);
    case 'notice':
      return renderNotice(markdownToMrkdwn(reply.markdown));
  }
}
