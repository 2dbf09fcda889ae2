/**
 * `/termofday` replies of the core as Slack messages: the day's card, a schedule change that the
 * whole channel sees ("<@U…> subscribed this channel…"), or a notice only the user sees.
 */
import {
  describeScheduleChange,
  type TermOfDayReply,
} from '../../term-of-day/term-of-day-commands.js';
import { markdownToMrkdwn } from './mrkdwn.js';
import { renderNotice, renderTermOfDay, type SlackMessage } from './render-answer.js';
import { isSlackUserId } from './user-text.js';

/** A slash-command response: who sees it, and the message. */
export interface SlackCommandResponse {
  readonly response_type: 'in_channel' | 'ephemeral';
  readonly text: string;
  readonly blocks: SlackMessage['blocks'];
}

/**
 * The core's Markdown as safe mrkdwn: `&`, `<` and `>` escaped (so no `<!channel>`, `<@U…>` or
 * link can form from what a user typed), and the words @here, @channel and @everyone broken so
 * that nothing can turn them into broadcasts.
 */
export function termOfDayMrkdwn(markdown: string): string {
  return markdownToMrkdwn(markdown).replace(/@(here|channel|everyone)\b/gi, '@\u200b$1');
}

/** Who changed the schedule, as a Slack mention (it does not ping in a command response). */
function actorMention(actorId: string): string {
  return isSlackUserId(actorId) ? `<@${actorId}>` : 'Someone';
}

/** A `/termofday` reply as a slash-command response. */
export function renderTermOfDayReply(reply: TermOfDayReply): SlackCommandResponse {
  switch (reply.kind) {
    case 'card':
      return { response_type: 'ephemeral', ...renderTermOfDay(reply.answer, reply.date) };
    case 'schedule_changed':
      return {
        response_type: 'in_channel',
        ...renderNotice(
          `${actorMention(reply.actorId)} ${termOfDayMrkdwn(describeScheduleChange(reply.change))}`,
        ),
      };
    case 'notice':
      return { response_type: 'ephemeral', ...renderNotice(termOfDayMrkdwn(reply.markdown)) };
  }
}
