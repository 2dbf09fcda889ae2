/**
 * Who may subscribe a channel to the term of the day: workspace admins and owners (asked of Slack
 * with `users.info` at every request, so a change of role counts at once), and the user ids listed
 * in `SLACK_TERM_OF_DAY_MANAGERS`.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../logging/create-logger.js';
import { callSlack, type SlackFailure } from './slack-errors.js';
import { isSlackUserId } from './user-text.js';

/** The answer, and why; `failed` when Slack could not be asked (then the answer is no). */
export type ManagerCheck =
  | { readonly allowed: true; readonly reason: 'listed' | 'admin' | 'owner' }
  | { readonly allowed: false; readonly reason: 'not-manager' }
  | { readonly allowed: false; readonly reason: 'failed'; readonly failure: SlackFailure };

/** Whether `userId` may change the channel's term-of-day schedule. Never throws. */
export async function checkManager(
  client: webApi.WebClient,
  log: Logger,
  userId: string,
  managers: readonly string[],
): Promise<ManagerCheck> {
  if (!isSlackUserId(userId)) return { allowed: false, reason: 'not-manager' };
  if (managers.includes(userId)) return { allowed: true, reason: 'listed' };
  const result = await callSlack(log, 'users.info', () => client.users.info({ user: userId }));
  if (!result.ok) return { allowed: false, reason: 'failed', failure: result.failure };
  const user = result.value.user;
  // A deleted account keeps its flags in users.info; it must not keep its rights.
  if (!user || user.id !== userId || user.deleted === true) {
    return { allowed: false, reason: 'not-manager' };
  }
  if (user.is_owner === true) return { allowed: true, reason: 'owner' };
  if (user.is_admin === true) return { allowed: true, reason: 'admin' };
  return { allowed: false, reason: 'not-manager' };
}

/** What the user is told when Slack could not say whether they are an admin. */
export function managerCheckFailedMessage(failure: SlackFailure): string {
  const hint =
    failure.code === 'missing_scope'
      ? ' Stevedore needs the `users:read` scope for this: ask whoever runs it to reinstall the app from its manifest.'
      : ' Please try again in a minute.';
  const code = failure.code.replace(/[^\w.-]/g, '').slice(0, 60) || 'unknown';
  return `Sorry, I could not check with Slack whether you may change this channel's term of the day (Slack said \`${code}\`), so nothing was changed.${hint}`;
}
