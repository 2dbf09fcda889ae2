import { hostname } from 'node:os';
import { Cron } from 'croner';
import type { AnswerEngine, FoundAnswer } from '../core/types.js';
import type { Logger } from '../logging/create-logger.js';
import type { Platform, Store, Subscription } from '../store/store.js';
import { addDays, cachedFormatter, type LocalClock, localClock, zonedInstant } from './clock.js';
import { TERM_OF_DAY_USAGE, type TermOfDayCommand } from './parse-command.js';

/** Sends the day's card to a channel; implemented by each platform adapter. */
export interface TermOfDayPoster {
  /** Posts the card visibly; resolves to the platform's message id. Throws on failure. */
  post(channelId: string, card: FoundAnswer, date: string): Promise<string | null>;
}

/** Who asks, where, and whether they may change the channel's schedule (checked only if needed). */
export interface TermOfDayRequest {
  readonly platform: Platform;
  readonly channelId: string;
  readonly workspaceId: string | null;
  readonly userId: string;
  readonly command: TermOfDayCommand;
  readonly canManage: () => Promise<boolean>;
  /** Who may change a channel's schedule on this platform, for the refusal. */
  readonly managers: string;
}

/** What to show the user; adapters render it. */
export type TermOfDayReply =
  | { readonly kind: 'card'; readonly answer: FoundAnswer; readonly date: string }
  | {
      readonly kind: 'message';
      readonly markdown: string;
      /** False for refusals and errors. */
      readonly ok: boolean;
      /** `channel`: everyone in the channel should see it (a schedule change); else only the user. */
      readonly visibility: 'channel' | 'ephemeral';
    };

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

/** Minutes to wait before retrying after the n-th failure. */
const RETRY_AFTER_MINUTES = [1, 5, 15, 60];
const DEFAULT_MAX_FAILURES = 3;
/** Posts sent at once in one tick; the platforms rate-limit anyway. */
const CONCURRENCY = 4;

const INSTANT_FORMAT: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
};

/** "Sun, 29 Nov 2026, 09:00 CET" */
function describeInstant(instant: Date, timeZone: string): string {
  return cachedFormatter('en-GB', timeZone, INSTANT_FORMAT).format(instant);
}

/**
 * The term of the day: `/termofday` commands, finding the channels whose local post time has come,
 * and posting exactly once per channel and local date (claimed in the store before sending).
 */
export class TermOfDayService {
  private readonly posters = new Map<Platform, TermOfDayPoster>();
  private readonly maxFailures: number;
  private readonly instanceId: string;

  constructor(private readonly options: TermOfDayServiceOptions) {
    this.maxFailures = options.maxFailures ?? DEFAULT_MAX_FAILURES;
    this.instanceId = options.instanceId ?? `${hostname()}:${process.pid}`;
  }

  /** Adapters register how to post to their platform once they are connected. */
  registerPoster(platform: Platform, poster: TermOfDayPoster): void {
    this.posters.set(platform, poster);
  }

  async handle(request: TermOfDayRequest, now: Date): Promise<TermOfDayReply> {
    const { command, platform, channelId } = request;
    const ephemeral = (markdown: string, ok = true): TermOfDayReply => ({
      kind: 'message',
      markdown,
      ok,
      visibility: 'ephemeral',
    });
    switch (command.kind) {
      case 'now': {
        // The channel's own date when it has a schedule, else the default zone's.
        const sub = this.options.store.getSubscription(platform, channelId);
        const date = localClock(now, sub?.timeZone ?? this.options.defaultTimeZone).date;
        return { kind: 'card', answer: this.options.engine.termOfDay(date), date };
      }
      case 'help':
        return ephemeral(`**Term of the day**\n${TERM_OF_DAY_USAGE}`);
      case 'invalid':
        return ephemeral(command.message, false);
      case 'status':
        return ephemeral(this.status(platform, channelId, now));
      case 'subscribe':
      case 'unsubscribe': {
        if (!(await request.canManage())) {
          return ephemeral(
            `Sorry, only ${request.managers} can change this channel's term of the day. \`/termofday status\` and \`/termofday now\` are open to everyone.`,
            false,
          );
        }
        if (command.kind === 'unsubscribe') {
          const removed = this.options.store.removeSubscription(platform, channelId);
          return removed
            ? {
                kind: 'message',
                markdown: `<@${request.userId}> turned off the term of the day in this channel.`,
                ok: true,
                visibility: 'channel',
              }
            : ephemeral(
                'This channel is not subscribed to the term of the day, so there was nothing to turn off.',
              );
        }
        const sub = this.options.store.upsertSubscription(
          {
            platform,
            channelId,
            workspaceId: request.workspaceId,
            time: command.time,
            timeZone: command.timeZone,
            createdBy: request.userId,
          },
          now,
        );
        return {
          kind: 'message',
          markdown: `<@${request.userId}> subscribed this channel to the term of the day at **${sub.time}** (${sub.timeZone}). Next post: ${describeInstant(this.nextPost(sub, now), sub.timeZone)}.`,
          ok: true,
          visibility: 'channel',
        };
      }
    }
  }

  /**
   * A subscription made or changed after today's post time starts tomorrow: only a post missed
   * while Stevedore was down is sent late.
   */
  private startsTomorrow(sub: Subscription, clock: LocalClock, now: Date): boolean {
    if (now.getTime() - sub.updatedAt.getTime() > 86_400_000) return false;
    return sub.updatedAt.getTime() > zonedInstant(clock.date, sub.time, sub.timeZone).getTime();
  }

  /** The next time a subscription will be posted (now, if it is due and not yet posted). */
  nextPost(sub: Subscription, now: Date): Date {
    const clock = localClock(now, sub.timeZone);
    const done =
      this.options.store.getPost(sub.platform, sub.channelId, clock.date) !== undefined ||
      (clock.time >= sub.time && this.startsTomorrow(sub, clock, now));
    if (!done && clock.time >= sub.time) return now;
    return zonedInstant(
      done || clock.time >= sub.time ? addDays(clock.date, 1) : clock.date,
      sub.time,
      sub.timeZone,
    );
  }

  /** `/termofday status` text for a channel. */
  status(platform: Platform, channelId: string, now: Date): string {
    const sub = this.options.store.getSubscription(platform, channelId);
    if (!sub) {
      return 'This channel is not subscribed to the term of the day. `/termofday subscribe 09:00 Europe/Berlin` subscribes it (any HH:MM and IANA time zone).';
    }
    if (sub.paused) {
      return `The term of the day is **paused** in this channel after ${sub.failureCount} failed attempts${sub.lastError ? ` (last error: ${sub.lastError})` : ''}. Check that Stevedore is still in the channel and may post, then \`/termofday subscribe\` again to resume.`;
    }
    const next = this.nextPost(sub, now);
    const lines = [
      `This channel gets the term of the day at **${sub.time}** (${sub.timeZone}).`,
      next.getTime() === now.getTime()
        ? "Today's post is due and goes out within a minute."
        : `Next post: ${describeInstant(next, sub.timeZone)}.`,
    ];
    if (sub.failureCount > 0) {
      lines.push(
        `The last attempt failed (${sub.lastError ?? 'unknown error'}); it will be retried ${this.maxFailures - sub.failureCount} more time(s).`,
      );
    }
    return lines.join('\n');
  }

  /** Subscriptions whose local post time has come today and that have no post for today yet. */
  findDue(now: Date): DuePost[] {
    const { store } = this.options;
    const due: DuePost[] = [];
    // One indexed query per time zone in use: only the pending rows are read.
    for (const timeZone of store.activeTimeZones()) {
      const clock = localClock(now, timeZone);
      for (const sub of store.pendingSubscriptions(timeZone, clock.date, clock.time)) {
        if (this.startsTomorrow(sub, clock, now) || this.backingOff(sub, now)) continue;
        due.push({ subscription: sub, clock });
      }
    }
    return due;
  }

  /** After a failure, a channel waits a little longer before each retry. */
  private backingOff(sub: Subscription, now: Date): boolean {
    if (sub.failureCount === 0 || !sub.lastAttemptAt) return false;
    const wait =
      RETRY_AFTER_MINUTES[Math.min(sub.failureCount, RETRY_AFTER_MINUTES.length) - 1] ?? 60;
    return now.getTime() - sub.lastAttemptAt.getTime() < wait * 60_000;
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
        this.maxFailures,
      );
      log.warn(
        { err: error, failures: after?.failureCount, paused: after?.paused },
        'term of the day: post failed',
      );
      return 'failed';
    }
  }

  /**
   * Runs a tick now (to catch up after downtime) and at the start of every minute, until the
   * returned function is called. Ticks never overlap.
   */
  start(clock: () => Date = () => new Date()): () => void {
    const run = () =>
      this.tick(clock()).catch((error: unknown) =>
        this.options.logger.error({ err: error }, 'term of the day: tick failed'),
      );
    const job = new Cron('* * * * *', { protect: true }, () => {
      void run();
    });
    void run();
    return () => job.stop();
  }
}
