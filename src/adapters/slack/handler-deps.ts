/**
 * What every Slack handler is given: the core, a logger, where feedback goes, and the adapter's
 * bounded in-memory state (seen events, answered messages, threads the bot answered in).
 */
import { randomUUID } from 'node:crypto';
import type { webApi } from '@slack/bolt';
import type { ChatContext, ChatOrigin } from '../../core/chat/reply-to-chat.js';
import type { RecordFeedback } from '../../core/feedback.js';
import type { AnswerEngine } from '../../core/types.js';
import type { Logger } from '../../logging/create-logger.js';
import type { TermOfDayService } from '../../term-of-day/term-of-day-service.js';
import { BoundedSet } from './bounded-set.js';

/** Memory that keeps the bot from answering twice; every set forgets its oldest keys. */
export interface SlackState {
  /** `event_id`s already handled: a retried delivery is not answered again. */
  readonly seenEvents: BoundedSet;
  /** `channel:ts` of messages answered: an `app_mention` and a `message` of one post answer once. */
  readonly answeredMessages: BoundedSet;
  /** `channel:thread_ts` of threads the bot answered in: follow-ups there need no mention. */
  readonly botThreads: BoundedSet;
  /** `channel:message_ts:user` of feedback given: one 👍 / 👎 per person and answer. */
  readonly feedbackGiven: BoundedSet;
}

/** A fresh state remembering at most `capacity` keys of each kind. */
export function createSlackState(capacity: number): SlackState {
  return {
    seenEvents: new BoundedSet(capacity),
    answeredMessages: new BoundedSet(capacity),
    botThreads: new BoundedSet(capacity),
    feedbackGiven: new BoundedSet(capacity),
  };
}

/** What every Slack handler is given (Discord's handlers get a `DiscordHandlerDeps`). */
export interface SlackHandlerDeps {
  readonly engine: AnswerEngine;
  /** The adapter's logger (already carrying `platform: "slack"`). */
  readonly logger: Logger;
  readonly recordFeedback: RecordFeedback;
  readonly state: SlackState;
  /** What the conversation core answers with (the engine, the zone of "today"). */
  readonly chat: ChatContext;
  /** `/termofday`: subscriptions, status and today's card. */
  readonly termOfDay: TermOfDayService;
  /** Time zone of a subscription that names none (`TERM_OF_DAY_DEFAULT_TZ`). */
  readonly defaultTimeZone: string;
  /** User ids who may manage subscriptions besides admins and owners (`SLACK_TERM_OF_DAY_MANAGERS`). */
  readonly termOfDayManagers: readonly string[];
  /** The current instant: "today" and `/termofday` schedules. */
  readonly now: () => Date;
  /** The bot token's Web API client that fails on a rate limit instead of waiting it out. */
  readonly strictClient: webApi.WebClient;
}

/** A child logger for one incoming request: its channel and a fresh request id. */
export function requestLogger(
  deps: SlackHandlerDeps,
  channel: string | undefined,
  fields: Record<string, unknown> = {},
): Logger {
  return deps.logger.child({ channel, requestId: randomUUID().slice(0, 8), ...fields });
}

/**
 * Where a slash command or a click was made, for the core: Slack gives direct messages channel
 * ids starting with `D`. (Events say so themselves, with `channel_type` and `thread_ts`.)
 */
export function channelOrigin(channelId: string | undefined): ChatOrigin {
  if (channelId === undefined) return { place: 'channel' };
  return {
    place: channelId.startsWith('D') ? 'direct' : 'channel',
    channel: { platform: 'slack', id: channelId },
  };
}
