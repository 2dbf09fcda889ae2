/**
 * The daily post: the term-of-day card sent to a subscribed channel with `chat.postMessage`.
 * Failures are thrown with Slack's error code so the service can log, count and pause them.
 */
import type { webApi } from '@slack/bolt';
import type { FoundAnswer } from '../../core/types.js';
import type { TermOfDayPoster } from '../../term-of-day/term-of-day-scheduler.js';
import { renderTermOfDay } from './render-answer.js';
import { describeSlackError, type SlackFailure } from './slack-errors.js';

/** Slack refused the daily post; `code` is Slack's (`not_in_channel`, `is_archived`…). */
export class SlackPostError extends Error {
  readonly code: string;
  readonly retryAfter: number | undefined;

  constructor(channelId: string, failure: SlackFailure) {
    // The message is what `/termofday status` shows as the last error: short, code first.
    super(`${failure.code} (Slack refused chat.postMessage to ${channelId})`);
    this.name = 'SlackPostError';
    this.code = failure.code;
    this.retryAfter = failure.retryAfter;
  }
}

/** Posts the day's card with `client` (the bot token's Web API client). */
export function createTermOfDayPoster(client: webApi.WebClient): TermOfDayPoster {
  return {
    async post(channelId: string, card: FoundAnswer, date: string): Promise<string | null> {
      const message = renderTermOfDay(card, date);
      try {
        const result = await client.chat.postMessage({
          channel: channelId,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
        });
        return result.ts ?? null;
      } catch (error) {
        throw new SlackPostError(channelId, describeSlackError(error));
      }
    },
  };
}
