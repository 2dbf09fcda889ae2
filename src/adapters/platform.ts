import type { Config } from '../config/read-config.js';
import type { RecordFeedback } from '../core/feedback.js';
import type { AnswerEngine } from '../core/types.js';
import type { Logger } from '../logging/create-logger.js';
import type { TermOfDayService } from '../term-of-day/term-of-day-service.js';

// The contract between the bot and its platform adapters. It lives beside the adapters, which
// implement it, so that src/app (which starts them) depends on src/adapters and never the other
// way round — as bolt keeps its `Receiver` interface in a module of its own.

/** A platform connection the bot runs until it is stopped. */
export interface RunningPlatform {
  readonly name: string;
  stop(): Promise<void>;
}

/** What every platform adapter is started with. */
export interface PlatformDeps {
  readonly config: Config;
  readonly engine: AnswerEngine;
  readonly logger: Logger;
  readonly recordFeedback: RecordFeedback;
  /** `/termofday` commands; adapters also register how to post to their platform. */
  readonly termOfDay: TermOfDayService;
}
