/**
 * Failures of Slack's Web API and of `response_url` posts, described for logs and for users.
 * A failed call is logged with its context and never thrown past a handler.
 */
import type { Logger } from '../../logging/create-logger.js';

/** What a failed Slack call amounts to, read from the SDK's coded errors without trusting them. */
export interface SlackFailure {
  /** Slack's error code (`not_in_channel`, `channel_not_found`, `ratelimited`…) or the SDK's. */
  readonly code: string;
  readonly message: string;
  /** Seconds to wait before retrying, for rate limits. */
  readonly retryAfter?: number;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** Reads an error thrown by `@slack/web-api` or by Bolt's `respond()`. */
export function describeSlackError(error: unknown): SlackFailure {
  const sdkCode = field(error, 'code');
  const apiError = field(field(error, 'data'), 'error');
  const retryAfter = field(error, 'retryAfter');
  const message = error instanceof Error ? error.message : String(error);
  let code = 'unknown';
  if (typeof apiError === 'string') code = apiError;
  else if (sdkCode === 'slack_webapi_rate_limited_error') code = 'ratelimited';
  else if (typeof sdkCode === 'string') code = sdkCode;
  return {
    code,
    // Messages of the SDK never contain the token, but cut them: they can quote whole bodies.
    message: message.slice(0, 300),
    ...(typeof retryAfter === 'number' ? { retryAfter } : {}),
  };
}

/** What to tell a user when Stevedore could not post where it wanted to; undefined: say nothing. */
export function userMessageFor(failure: SlackFailure): string | undefined {
  switch (failure.code) {
    case 'not_in_channel':
      return 'I am not a member of that channel, so I cannot post there. Invite me with `/invite @Stevedore`, or ask me in a direct message.';
    case 'channel_not_found':
      return 'I cannot see that channel. Invite me to it with `/invite @Stevedore`, or ask me in a direct message.';
    case 'is_archived':
      return 'That channel is archived, so I cannot post there.';
    case 'ratelimited':
    case 'rate_limited':
      return 'Slack is asking me to slow down; please try again in a minute.';
    default:
      return undefined;
  }
}

/**
 * Runs one Slack call; on failure logs it (method, context, Slack's code) and returns undefined.
 * Never throws, so one failed post cannot crash a handler, let alone the process.
 */
export async function callSlack<T>(
  logger: Logger,
  method: string,
  call: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; failure: SlackFailure }> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    const failure = describeSlackError(error);
    logger.warn(
      { method, slackError: failure.code, retryAfter: failure.retryAfter, err: failure.message },
      `Slack call ${method} failed: ${failure.code}`,
    );
    return { ok: false, failure };
  }
}
