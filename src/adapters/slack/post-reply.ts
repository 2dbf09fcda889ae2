/**
 * Posting a reply with `chat.postMessage`, and what happens when Slack refuses: the failure is
 * logged with its context and, where Slack lets us, the user is told why in a message only they see.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../logging/create-logger.js';
import type { SlackMessage } from './render-answer.js';
import { callSlack, userMessageFor } from './slack-errors.js';

export interface ReplyTarget {
  readonly channel: string;
  /** Thread to answer in; absent for a top-level reply (a direct message). */
  readonly threadTs?: string;
  /** Who asked: told about a failure with an ephemeral message when possible. */
  readonly user?: string;
}

/** Posts `message`; returns whether Slack accepted it. Never throws. */
export async function postReply(
  client: webApi.WebClient,
  log: Logger,
  target: ReplyTarget,
  message: SlackMessage,
): Promise<boolean> {
  const posted = await callSlack(log, 'chat.postMessage', () =>
    client.chat.postMessage({
      channel: target.channel,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    }),
  );
  if (posted.ok) return true;
  const explanation = userMessageFor(posted.failure);
  if (explanation && target.user) {
    // Often refused for the same reason; tried once, and only logged if it fails too.
    await callSlack(log, 'chat.postEphemeral', () =>
      client.chat.postEphemeral({
        channel: target.channel,
        user: target.user ?? '',
        text: explanation,
        ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      }),
    );
  }
  return false;
}
