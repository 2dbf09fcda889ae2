import type { ChatContext, ChatOrigin } from '../../core/chat/reply-to-chat.js';
import type { RecordFeedback } from '../../core/feedback.js';
import type { AnswerEngine } from '../../core/types.js';
import type { Logger } from '../../logging/create-logger.js';
import type { TermOfDayService } from '../../term-of-day/term-of-day-service.js';

/**
 * What every Discord handler is given (Slack's handlers get a `SlackHandlerDeps`): the core, a
 * logger, the feedback sink and a few settings.
 */
export interface DiscordHandlerDeps {
  readonly engine: AnswerEngine;
  /** What the conversation core answers with (the engine, the zone of "today"). */
  readonly chat: ChatContext;
  /** The adapter's logger; handlers make a child per event. */
  readonly logger: Logger;
  readonly recordFeedback: RecordFeedback;
  /** `/termofday` subscriptions and status. */
  readonly termOfDay: TermOfDayService;
  /** Time zone of a `/termofday subscribe` without a `timezone:` option. */
  readonly timeZone: string;
  /** The current instant: "today" of a mention, and `/termofday` schedules. */
  readonly now: () => Date;
  /** Overrides when an interaction is deferred rather than answered directly (tests). */
  readonly deferAfterMs?: number;
}

/** Where an interaction (a slash command, a click) was made, for the core. */
export function interactionOrigin(interaction: {
  readonly guildId: string | null;
  readonly channelId: string;
}): ChatOrigin {
  return {
    place: interaction.guildId === null ? 'direct' : 'channel',
    channel: { platform: 'discord', id: interaction.channelId },
  };
}
