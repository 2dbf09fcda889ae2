import type { ChatReply } from '../../core/chat/reply-to-chat.js';
import type { DiscordMessage } from './discord-message.js';
import { renderAnswer } from './render-answer.js';
import { renderHelp } from './render-help.js';
import { renderNote } from './render-note.js';
import { renderSearch } from './render-search.js';
import { renderTermOfDay } from './render-term-of-day.js';

export interface ReplyStyle {
  /** Only the asker sees the reply (a slash command, a button's answer): add Share. */
  readonly privateToAsker: boolean;
}

/**
 * The conversation core's replies as Discord messages. Answers carry 👍 / 👎, and Share when only
 * the asker sees them; the term-of-day card carries no feedback, as the daily post does not.
 */
export function renderChatReply(reply: ChatReply, style: ReplyStyle): DiscordMessage {
  switch (reply.kind) {
    case 'answer':
      return renderAnswer(reply.answer, { share: style.privateToAsker, feedback: true });
    case 'search':
      return renderSearch(reply.query, reply.hits);
    case 'help':
      return renderHelp();
    case 'usage':
    case 'notice':
      return renderNote(reply.markdown);
    case 'term_of_day':
      return renderTermOfDay(reply.answer, reply.date, {
        share: style.privateToAsker,
        feedback: false,
      });
  }
}
