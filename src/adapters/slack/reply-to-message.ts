/**
 * A chat message (a mention, a DM, a follow-up in a thread) read as a request of the core and
 * answered as a Slack message. No answer logic: `interpretMessage` and the engine decide.
 */
import { interpretMessage } from '../../core/chat/interpret-message.js';
import type { Answer } from '../../core/types.js';
import { TERM_OF_DAY_USAGE } from '../../term-of-day/parse-command.js';
import type { SlackHandlerDeps } from './handler-deps.js';
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

/** The reply, and the answer it shows when it shows one. */
export interface MessageReply {
  readonly message: SlackMessage;
  readonly answer?: Answer;
}

/** Answers the plain text of a message (already read with `readUserText`). */
export function replyToMessage(plain: string, deps: SlackHandlerDeps): MessageReply {
  const request = interpretMessage(plain);
  const { engine } = deps;
  switch (request.kind) {
    case 'help':
      return { message: renderHelp() };
    case 'define': {
      if (request.term === '') return { message: renderUsage('define') };
      const answer = engine.define(request.term);
      return { message: renderAnswer(answer), answer };
    }
    case 'ask': {
      const answer = engine.ask(request.question);
      return { message: renderAnswer(answer), answer };
    }
    case 'search':
      return {
        message: renderSearch(echoUserText(request.query), engine.search(request.query, 10)),
      };
    case 'today': {
      const date = deps.today();
      const answer = engine.termOfDay(date);
      return { message: renderTermOfDay(answer, date), answer };
    }
    case 'termofday':
      // Subscriptions need to know who asks and where, which only the slash command tells.
      return {
        message: renderNotice(
          `${markdownToMrkdwn(`The term of the day is managed with the slash command:\n${TERM_OF_DAY_USAGE}`)}\nMention me with \`termofday now\` or \`today\` to see today’s term here.`,
        ),
      };
  }
}
