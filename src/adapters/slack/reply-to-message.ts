/**
 * A chat message (a mention, a DM, a follow-up in a thread) read as a request of the core and
 * answered as a Slack message. No answer logic: `interpretMessage` and the engine decide.
 */
import { interpretMessage } from '../../core/chat/interpret-message.js';
import type { Answer } from '../../core/types.js';
import type { SlackHandlerDeps } from './handler-deps.js';
import { escapeMrkdwn } from './mrkdwn.js';
import {
  renderAnswer,
  renderHelp,
  renderNotice,
  renderSearch,
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
      const context = [`Term of the day, ${escapeMrkdwn(date)}`];
      return { message: renderAnswer(answer, { context }), answer };
    }
    case 'termofday':
      return {
        message: renderNotice(
          'Subscribing a channel to the term of the day is not available yet. Mention me with `today` to see today’s term.',
        ),
      };
  }
}
