/**
 * The term of the day as the bot is given it: the `/termofday` commands and the daily scheduler
 * over one store, with one set of settings. The work is done in `term-of-day-commands.ts` and
 * `term-of-day-scheduler.ts`; this only wires them together.
 */
import type { ChatChannel } from '../core/chat/reply-to-chat.js';
import type { AnswerEngine } from '../core/types.js';
import type { Logger } from '../logging/create-logger.js';
import type { Platform, Store } from '../store/store.js';
import {
  channelTimeZone,
  describeStatus,
  runTermOfDayCommand,
  type TermOfDayCommandDeps,
  type TermOfDayReply,
  type TermOfDayRequest,
} from './term-of-day-commands.js';
import {
  type DuePost,
  type RunningScheduler,
  type TermOfDayPoster,
  TermOfDayScheduler,
  type TickReport,
} from './term-of-day-scheduler.js';

export interface TermOfDayServiceOptions {
  readonly store: Store;
  readonly engine: AnswerEngine;
  readonly logger: Logger;
  readonly defaultTimeZone: string;
  /** Failed attempts before a channel's subscription is paused. */
  readonly maxFailures?: number;
  /** Names this process in the post log. */
  readonly instanceId?: string;
}

const DEFAULT_MAX_FAILURES = 3;

export class TermOfDayService {
  private readonly commands: TermOfDayCommandDeps;
  private readonly scheduler: TermOfDayScheduler;

  constructor(options: TermOfDayServiceOptions) {
    const maxFailures = options.maxFailures ?? DEFAULT_MAX_FAILURES;
    this.commands = { ...options, maxFailures };
    this.scheduler = new TermOfDayScheduler({ ...options, maxFailures });
  }

  /** Adapters register how to post to their platform once they are connected. */
  registerPoster(platform: Platform, poster: TermOfDayPoster): void {
    this.scheduler.registerPoster(platform, poster);
  }

  /** Runs one `/termofday` command. */
  handle(request: TermOfDayRequest, now: Date): Promise<TermOfDayReply> {
    return runTermOfDayCommand(request, now, this.commands);
  }

  /** The zone of "today" in a channel (its schedule's, else the default); the default without one. */
  timeZoneOf(channel: ChatChannel | undefined): string {
    return channel
      ? channelTimeZone(this.commands, channel.platform, channel.id)
      : this.commands.defaultTimeZone;
  }

  /** `/termofday status` text for a channel. */
  status(platform: Platform, channelId: string, now: Date): string {
    return describeStatus(this.commands, platform, channelId, now);
  }

  findDue(now: Date): DuePost[] {
    return this.scheduler.findDue(now);
  }

  tick(now: Date): Promise<TickReport> {
    return this.scheduler.tick(now);
  }

  /** Starts the daily posts; `stop()` waits for a post in progress. */
  start(clock?: () => Date): RunningScheduler {
    return this.scheduler.start(clock);
  }
}
