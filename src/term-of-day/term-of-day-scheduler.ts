/**
 * The daily posts: finds the channels whose local post time has come and posts each exactly once
 * per local date (claimed in the store before sending), through the poster each platform adapter
 * registers once it is connected.
 */
import { hostname } from 'node:os';
import { Cron } from 'croner';
import type { AnswerEngine, FoundAnswer } from '../core/types.js';
import type { Logger } from '../logging/create-logger.js';
import type { Platform, Store, Subscription } from '../store/store.js';
import { type LocalClock, localClock } from './clock.js';
import { backingOff, startsTomorrow } from './schedule.js';

/** Sends the day's card to a channel; implemented by each platform adapter. */
export interface TermOfDayPoster {
  /** Posts the card visibly; resolves to the platform's message id. Throws on failure. */
  post(channelId: string, card: FoundAnswer, date: string): Promise<string | null>;
}

/** A post that is due now. */
export interface DuePost {
  readonly subscription: Subscription;
  readonly clock: LocalClock;
}

export interface TickReport {
  readonly due: number;
  readonly posted: number;
  readonly failed: number;
}

/** A started scheduler. */
export interface RunningScheduler {
  /** Stops ticking; resolves once a tick in progress (and so any post it is sending) has ended. */
  stop(): Promise<void>;
}

export interface TermOfDaySchedulerOptions {
  readonly store: Store;
  readonly engine: AnswerEngine;
  readonly logger: Logger;
  /** Failed attempts before a channel's subscription is paused. */
  readonly maxFailures: number;
  /** Names this process in the post log. */
  readonly instanceId?: string;
}

/** Posts sent at once in one tick; the platforms rate-limit anyway. */
const CONCURRENCY = 4;

export class TermOfDayScheduler {
  private readonly posters = new Map<Platform, TermOfDayPoster>();
  private readonly instanceId: string;

  constructor(private readonly options: TermOfDaySchedulerOptions) {
    this.instanceId = options.instanceId ?? `${hostname()}:${process.pid}`;
  }

  /** Adapters register how to post to their platform once they are connected. */
  registerPoster(platform: Platform, poster: TermOfDayPoster): void {
    this.posters.set(platform, poster);
  }

  /** Subscriptions whose local post time has come today and that have no post for today yet. */
  findDue(now: Date): DuePost[] {
    const { store } = this.options;
    const due: DuePost[] = [];
    // One indexed query per time zone in use: only the pending rows are read.
    for (const timeZone of store.activeTimeZones()) {
      const clock = localClock(now, timeZone);
      for (const sub of store.pendingSubscriptions(timeZone, clock.date, clock.time)) {
        if (startsTomorrow(sub, clock, now) || backingOff(sub, now)) continue;
        due.push({ subscription: sub, clock });
      }
    }
    return due;
  }

  /** Posts every due subscription once; safe to run in several processes on one store. */
  async tick(now: Date): Promise<TickReport> {
    const due = this.findDue(now);
    let posted = 0;
    let failed = 0;
    for (let i = 0; i < due.length; i += CONCURRENCY) {
      const results = await Promise.all(
        due.slice(i, i + CONCURRENCY).map((d) => this.postOne(d, now)),
      );
      for (const result of results) {
        if (result === 'posted') posted += 1;
        if (result === 'failed') failed += 1;
      }
    }
    if (due.length > 0)
      this.options.logger.info({ due: due.length, posted, failed }, 'term of the day: tick');
    return { due: due.length, posted, failed };
  }

  private async postOne(
    { subscription: sub, clock }: DuePost,
    now: Date,
  ): Promise<'posted' | 'failed' | 'skipped'> {
    const { store, engine, logger } = this.options;
    const poster = this.posters.get(sub.platform);
    if (!poster) return 'skipped';
    const card = engine.termOfDay(clock.date);
    const claimed = store.claimPost({
      platform: sub.platform,
      channelId: sub.channelId,
      localDate: clock.date,
      termId: card.entry.id,
      claimedBy: this.instanceId,
      now,
    });
    if (!claimed) return 'skipped';
    const log = logger.child({ platform: sub.platform, channel: sub.channelId, date: clock.date });
    try {
      const messageId = await poster.post(sub.channelId, card, clock.date);
      store.markPosted(sub.platform, sub.channelId, clock.date, messageId, now);
      log.info({ term: card.entry.id, messageId }, 'term of the day posted');
      return 'posted';
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const after = store.markFailed(
        sub.platform,
        sub.channelId,
        clock.date,
        reason,
        now,
        this.options.maxFailures,
      );
      log.warn(
        { err: error, failures: after?.failureCount, paused: after?.paused },
        'term of the day: post failed',
      );
      return 'failed';
    }
  }

  /**
   * Runs a tick now (to catch up after downtime) and at the start of every minute until stopped.
   * Ticks never overlap. Stopping waits for a tick in progress, so a post that was claimed is
   * also marked posted (or failed) before the store is closed.
   */
  start(clock: () => Date = () => new Date()): RunningScheduler {
    let running: Promise<void> = Promise.resolve();
    let stopped = false;
    const run = (): Promise<void> => {
      if (stopped) return running;
      running = this.tick(clock()).then(
        () => undefined,
        (error: unknown) =>
          this.options.logger.error({ err: error }, 'term of the day: tick failed'),
      );
      return running;
    };
    // `protect` skips a minute whose tick would overlap the one still running.
    const job = new Cron('* * * * *', { protect: true }, run);
    void run();
    return {
      async stop() {
        stopped = true;
        job.stop();
        await running;
      },
    };
  }
}
