import type { RecordFeedback } from '../../core/feedback.js';
import type { AnswerEngine } from '../../core/types.js';
import type { Logger } from '../../logging/create-logger.js';
import type { TermOfDayService } from '../../term-of-day/term-of-day-service.js';

/** What the Discord handlers need: the core, a logger, the feedback sink and a few settings. */
export interface DiscordContext {
  readonly engine: AnswerEngine;
  /** The adapter's logger; handlers make a child per event. */
  readonly logger: Logger;
  readonly recordFeedback: RecordFeedback;
  /** `/termofday` subscriptions and status. */
  readonly termOfDay: TermOfDayService;
  /**
   * Time zone of "today" for `@Stevedore today`, and of a `/termofday subscribe` without a
   * `timezone:` option.
   */
  readonly timeZone: string;
  /** The clock of `/termofday` (tests); the real one by default. */
  readonly now?: () => Date;
  /** Overrides when an interaction is deferred rather than answered directly (tests). */
  readonly deferAfterMs?: number;
}

/** Longest text read from a message or an option; the core reads at most 500 characters. */
export const MAX_INPUT_LENGTH = 2000;
