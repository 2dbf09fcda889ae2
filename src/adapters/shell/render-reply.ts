import { HELP_MARKDOWN } from '../../core/chat/interpret-message.js';
import type { ChatReply } from '../../core/chat/reply-to-chat.js';
import {
  markdownToTerminal,
  renderAnswer,
  renderSearch,
  type TerminalStyle,
} from './render-terminal.js';

/** What the shell adds to the help: its own commands. */
const SHELL_HELP = 'In this shell you can also type /search <words>, /today and /quit.';

/** The conversation core's replies as the local shell prints them. */
export function renderChatReply(reply: ChatReply, style: TerminalStyle): string {
  switch (reply.kind) {
    case 'answer':
      return renderAnswer(reply.answer, style);
    case 'search':
      return renderSearch(reply.query, reply.hits, style);
    case 'help':
      return `${markdownToTerminal(HELP_MARKDOWN, style)}\n\n${SHELL_HELP}`;
    case 'usage':
    case 'notice':
      return markdownToTerminal(reply.markdown, style);
    case 'term_of_day':
      return `Term of the day (${reply.date})\n\n${renderAnswer(reply.answer, style)}`;
  }
}
