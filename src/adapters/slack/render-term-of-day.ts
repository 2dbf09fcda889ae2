/**
 * `/termofday` replies of the core as Slack messages: the day's card, or a short message that the
 * whole channel sees (a schedule change) or only the user (everything else).
 */
import type { TermOfDayReply } from '../../term-of-day/term-of-day-service.js';
import { markdownToMrkdwn } from './mrkdwn.js';
import { renderNotice, renderTermOfDay, type SlackMessage } from './render-answer.js';
import { isSlackUserId } from './user-text.js';

/** A slash-command response: who sees it, and the message. */
export interface SlackCommandResponse {
  readonly response_type: 'in_channel' | 'ephemeral';
  readonly text: string;
  readonly blocks: SlackMessage['blocks'];
}

/** Stands in for the requester's mention during conversion; removed from the text beforehand. */
const MENTION = '\uE000';

/** Breaks the words @here, @channel and @everyone so that nothing can turn them into broadcasts. */
function breakBroadcastWords(mrkdwn: string): string {
  return mrkdwn.replace(/@(here|channel|everyone)\b/gi, '@\u200b$1');
}

/**
 * The core's Markdown as safe mrkdwn. Everything is escaped (so no `<!channel>`, `<@U…>` or link
 * can form from what a user typed) except mentions of `requester`, which the core writes as
 * `<@U…>` to say who changed the schedule.
 */
export function termOfDayMrkdwn(markdown: string, requester: string | undefined): string {
  const text = markdown.replaceAll(MENTION, '');
  if (!isSlackUserId(requester)) return breakBroadcastWords(markdownToMrkdwn(text));
  const mention = `<@${requester}>`;
  // The mention stands aside as one character while the rest is converted, so that the Markdown
  // around it is read as one text (a sentence split at the mention would lose its spaces).
  const converted = markdownToMrkdwn(text.replaceAll(mention, MENTION));
  return breakBroadcastWords(converted).replaceAll(MENTION, mention);
}

/** A `/termofday` reply as a slash-command response. */
export function renderTermOfDayReply(
  reply: TermOfDayReply,
  requester: string | undefined,
): SlackCommandResponse {
  const message =
    reply.kind === 'card'
      ? renderTermOfDay(reply.answer, reply.date)
      : renderNotice(termOfDayMrkdwn(reply.markdown, requester));
  const visible = reply.kind === 'message' && reply.visibility === 'channel';
  return {
    response_type: visible ? 'in_channel' : 'ephemeral',
    text: message.text,
    blocks: message.blocks,
  };
}
