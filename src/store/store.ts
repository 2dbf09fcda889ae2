import type { Feedback } from '../core/feedback.js';
import type { Platform } from '../core/platform.js';

/** The chat platforms a channel can be on (the core's list). */
export type { Platform };

/** What subscribing says: which channel, when, and who asked. */
export interface SubscriptionInput {
  readonly platform: Platform;
  readonly channelId: string;
  /** Slack team or Discord guild; null for direct-message channels. */
  readonly workspaceId: string | null;
  /** Local time of day, 24-hour `HH:MM`. */
  readonly time: string;
  /** IANA time zone the time is in. */
  readonly timeZone: string;
  readonly createdBy: string;
}

/** A channel's daily term-of-day schedule, as stored. */
export interface Subscription extends SubscriptionInput {
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** Set after repeated failures; a paused subscription is not posted until subscribed again. */
  readonly paused: boolean;
  /** Failed attempts since the last successful post. */
  readonly failureCount: number;
  /** The platform's last error, for `/termofday status`. */
  readonly lastError: string | null;
  readonly lastAttemptAt: Date | null;
}

/** One post of the term of the day to one channel on one local date. */
export interface PostRecord {
  readonly platform: Platform;
  readonly channelId: string;
  /** The channel's local calendar date, `YYYY-MM-DD`. */
  readonly localDate: string;
  readonly termId: string;
  /** `claimed` while being sent, `posted` once the platform accepted it. */
  readonly status: 'claimed' | 'posted';
  readonly claimedBy: string;
  readonly claimedAt: Date;
  readonly postedAt: Date | null;
  readonly messageId: string | null;
}

export interface ClaimInput {
  readonly platform: Platform;
  readonly channelId: string;
  readonly localDate: string;
  readonly termId: string;
  /** Which process claims it (host and pid), for diagnosis. */
  readonly claimedBy: string;
  readonly now: Date;
}

/**
 * Everything Stevedore persists, behind one small interface: subscriptions, the post log and
 * feedback. The embedded SQLite store implements it; a shared-database store for several replicas
 * can implement it too, as long as `claimPost` is atomic across processes.
 */
export interface Store {
  /** Creates a subscription, or changes its time and zone (and un-pauses it). */
  upsertSubscription(input: SubscriptionInput, now: Date): Subscription;
  /** Removes a subscription; false when there was none. */
  removeSubscription(platform: Platform, channelId: string): boolean;
  getSubscription(platform: Platform, channelId: string): Subscription | undefined;
  /** Every subscription that is not paused. */
  listActiveSubscriptions(): Subscription[];
  /** The time zones of the subscriptions that are not paused. */
  activeTimeZones(): string[];
  /**
   * The subscriptions in `timeZone` that are not paused, whose time is at or before `localTime`,
   * and that have no post (claimed or sent) for `localDate`.
   */
  pendingSubscriptions(timeZone: string, localDate: string, localTime: string): Subscription[];
  /**
   * Claims the post for a channel and local date. True for exactly one caller, across processes
   * sharing the store; false when it was claimed or posted before.
   */
  claimPost(claim: ClaimInput): boolean;
  /** Marks a claimed post as sent and clears the channel's failures. */
  markPosted(
    platform: Platform,
    channelId: string,
    localDate: string,
    messageId: string | null,
    now: Date,
  ): void;
  /**
   * Records a failed attempt: releases the claim so it can be retried, counts the failure and
   * pauses the subscription once `maxFailures` is reached. Returns the subscription after it.
   */
  markFailed(
    platform: Platform,
    channelId: string,
    localDate: string,
    error: string,
    now: Date,
    maxFailures: number,
  ): Subscription | undefined;
  getPost(platform: Platform, channelId: string, localDate: string): PostRecord | undefined;
  recordFeedback(feedback: Feedback): void;
  /** Number of feedback records, by helpfulness (for status and tests). */
  feedbackCounts(): { helpful: number; unhelpful: number };
  close(): void;
}
