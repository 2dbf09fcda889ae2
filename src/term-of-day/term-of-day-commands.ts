/**
 * `/termofday` commands on every platform: what to reply, as a structured value the adapters
 * render. Nothing here writes platform markup: who changed a schedule is a user id, and each
 * adapter renders it as its own mention.
 */
import type { AnswerEngine, FoundAnswer } from '../core/types.js';
import type { Platform, Store } from '../store/store.js';
import { TERM_OF_DAY_USAGE, type TermOfDayCommand } from './parse-command.js';
import { describeInstant, nextPost } from './schedule.js';
import { todaysTerm } from './todays-term.js';

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

/** A change of a channel's schedule, which everyone in the channel is told about. */
export type ScheduleChange =
  | {
      readonly kind: 'subscribed';
      readonly time: string;
      readonly timeZone: string;
      /** When the first post goes out, in the subscription's zone ("Sun, 29 Nov 2026, 09:00 CET"). */
      readonly nextPost: string;
    }
  | { readonly kind: 'unsubscribed' };

/** What to show; adapters render it. */
export type TermOfDayReply =
  /** Today's card, for the one who asked. */
  | { readonly kind: 'card'; readonly answer: FoundAnswer; readonly date: string }
  /** A schedule change, for the whole channel: "<actor> <what changed>". */
  | { readonly kind: 'schedule_changed'; readonly actorId: string; readonly change: ScheduleChange }
  /** Anything else, for the one who asked: Markdown; `ok` is false for refusals and bad input. */
  | { readonly kind: 'notice'; readonly markdown: string; readonly ok: boolean };

/** What the commands read and change. */
export interface TermOfDayCommandDeps {
  readonly store: Store;
  readonly engine: AnswerEngine;
  /** The zone of "today" in a channel without a schedule. */
  readonly defaultTimeZone: string;
  /** Failed attempts before a subscription is paused, for `status`. */
  readonly maxFailures: number;
}

/** The words after the actor's mention: "subscribed this channel to …", "turned off …". */
export function describeScheduleChange(change: ScheduleChange): string {
  return change.kind === 'subscribed'
    ? `subscribed this channel to the term of the day at **${change.time}** (${change.timeZone}). Next post: ${change.nextPost}.`
    : 'turned off the term of the day in this channel.';
}

/** The zone of "today" in a channel: its schedule's zone, else the default. */
export function channelTimeZone(
  deps: Pick<TermOfDayCommandDeps, 'store' | 'defaultTimeZone'>,
  platform: Platform,
  channelId: string,
): string {
  return deps.store.getSubscription(platform, channelId)?.timeZone ?? deps.defaultTimeZone;
}

/** `/termofday status` text for a channel. */
export function describeStatus(
  deps: TermOfDayCommandDeps,
  platform: Platform,
  channelId: string,
  now: Date,
): string {
  const sub = deps.store.getSubscription(platform, channelId);
  if (!sub) {
    return 'This channel is not subscribed to the term of the day. `/termofday subscribe 09:00 Europe/Berlin` subscribes it (any HH:MM and IANA time zone).';
  }
  if (sub.paused) {
    return `The term of the day is **paused** in this channel after ${sub.failureCount} failed attempts${sub.lastError ? ` (last error: ${sub.lastError})` : ''}. Check that Stevedore is still in the channel and may post, then \`/termofday subscribe\` again to resume.`;
  }
  const next = nextPost(deps.store, sub, now);
  const lines = [
    `This channel gets the term of the day at **${sub.time}** (${sub.timeZone}).`,
    next.getTime() === now.getTime()
      ? "Today's post is due and goes out within a minute."
      : `Next post: ${describeInstant(next, sub.timeZone)}.`,
  ];
  if (sub.failureCount > 0) {
    lines.push(
      `The last attempt failed (${sub.lastError ?? 'unknown error'}); it will be retried ${deps.maxFailures - sub.failureCount} more time(s).`,
    );
  }
  return lines.join('\n');
}

/** Runs one `/termofday` command: reads or changes the channel's subscription. */
export async function runTermOfDayCommand(
  request: TermOfDayRequest,
  now: Date,
  deps: TermOfDayCommandDeps,
): Promise<TermOfDayReply> {
  const { command, platform, channelId } = request;
  const notice = (markdown: string, ok = true): TermOfDayReply => ({
    kind: 'notice',
    markdown,
    ok,
  });
  switch (command.kind) {
    case 'now':
      return {
        kind: 'card',
        ...todaysTerm(deps.engine, now, channelTimeZone(deps, platform, channelId)),
      };
    case 'help':
      return notice(`**Term of the day**\n${TERM_OF_DAY_USAGE}`);
    case 'invalid':
      return notice(command.message, false);
    case 'status':
      return notice(describeStatus(deps, platform, channelId, now));
    case 'subscribe':
    case 'unsubscribe': {
      if (!(await request.canManage())) {
        return notice(
          `Sorry, only ${request.managers} can change this channel's term of the day. \`/termofday status\` and \`/termofday now\` are open to everyone.`,
          false,
        );
      }
      if (command.kind === 'unsubscribe') {
        return deps.store.removeSubscription(platform, channelId)
          ? { kind: 'schedule_changed', actorId: request.userId, change: { kind: 'unsubscribed' } }
          : notice(
              'This channel is not subscribed to the term of the day, so there was nothing to turn off.',
            );
      }
      const sub = deps.store.upsertSubscription(
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
        kind: 'schedule_changed',
        actorId: request.userId,
        change: {
          kind: 'subscribed',
          time: sub.time,
          timeZone: sub.timeZone,
          nextPost: describeInstant(nextPost(deps.store, sub, now), sub.timeZone),
        },
      };
    }
  }
}
