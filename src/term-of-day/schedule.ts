/**
 * When a channel's term of the day is next posted, and when a failed channel may be retried:
 * pure rules over a subscription, its post log and the clock, shared by the commands (which tell
 * users) and the scheduler (which posts).
 */
import type { Store, Subscription } from '../store/store.js';
import { addDays, cachedFormatter, type LocalClock, localClock, zonedInstant } from './clock.js';

/**
 * Minutes to wait before retrying after the n-th failure. With the default of three failures
 * before a pause only 1 and 5 are used; 15 and 60 serve a larger `maxFailures`.
 */
const RETRY_AFTER_MINUTES = [1, 5, 15, 60];

const DAY_MS = 86_400_000;

/**
 * A subscription made or changed after today's post time starts tomorrow: only a post missed
 * while Stevedore was down is sent late.
 */
export function startsTomorrow(sub: Subscription, clock: LocalClock, now: Date): boolean {
  if (now.getTime() - sub.updatedAt.getTime() > DAY_MS) return false;
  return sub.updatedAt.getTime() > zonedInstant(clock.date, sub.time, sub.timeZone).getTime();
}

/** The next time a subscription will be posted (`now`, if it is due and not yet posted). */
export function nextPost(store: Store, sub: Subscription, now: Date): Date {
  const clock = localClock(now, sub.timeZone);
  const done =
    store.getPost(sub.platform, sub.channelId, clock.date) !== undefined ||
    (clock.time >= sub.time && startsTomorrow(sub, clock, now));
  if (!done && clock.time >= sub.time) return now;
  return zonedInstant(
    done || clock.time >= sub.time ? addDays(clock.date, 1) : clock.date,
    sub.time,
    sub.timeZone,
  );
}

/** After a failure, a channel waits a little longer before each retry. */
export function backingOff(sub: Subscription, now: Date): boolean {
  if (sub.failureCount === 0 || !sub.lastAttemptAt) return false;
  const wait =
    RETRY_AFTER_MINUTES[Math.min(sub.failureCount, RETRY_AFTER_MINUTES.length) - 1] ?? 60;
  return now.getTime() - sub.lastAttemptAt.getTime() < wait * 60_000;
}

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
export function describeInstant(instant: Date, timeZone: string): string {
  return cachedFormatter('en-GB', timeZone, INSTANT_FORMAT).format(instant);
}
