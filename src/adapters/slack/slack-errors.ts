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

/**
 * The rate limit the ordinary client gave up on: after waiting out a 429's Retry-After it throws
 * a plain Error, which it then wraps as a request error (@slack/web-api 7 and 8, `makeRequest`);
 * the wording is the SDK's, checked by tests/integration/slack/web-api-errors.test.ts.
 */
const RATE_LIMIT_GIVEN_UP = /^A rate limit was exceeded \(url: [^,]*, retry-after: (\d+)\)/;

/** Why a request never got an answer: the code of the socket error behind `fetch failed`. */
function requestFailureDetail(original: unknown): string | undefined {
  const cause = field(original, 'cause');
  const code = field(cause, 'code') ?? field(original, 'code');
  return typeof code === 'string' ? code : undefined;
}

/** Reads an error thrown by `@slack/web-api` or by Bolt's `respond()`. */
export function describeSlackError(error: unknown): SlackFailure {
  const sdkCode = field(error, 'code');
  const apiError = field(field(error, 'data'), 'error');
  const original = field(error, 'original');
  const originalMessage = original instanceof Error ? original.message : '';
  const givenUp = RATE_LIMIT_GIVEN_UP.exec(originalMessage);
  let retryAfter = field(error, 'retryAfter');
  let message = error instanceof Error ? error.message : String(error);
  let code = 'unknown';
  if (typeof apiError === 'string') code = apiError;
  else if (sdkCode === 'slack_webapi_rate_limited_error') code = 'ratelimited';
  else if (sdkCode === 'slack_webapi_request_error' && givenUp) {
    code = 'ratelimited';
    retryAfter = Number(givenUp[1]);
  } else if (sdkCode === 'slack_webapi_http_error') {
    // Slack's Web API answers 200 or 429 when it works; any other status is trouble on its side.
    const status = field(error, 'statusCode');
    code = typeof status === 'number' ? `http_${status}` : 'http_error';
  } else if (sdkCode === 'slack_webapi_request_error') {
    // No answer at all: a reset connection, a DNS failure, a timeout.
    code = 'request_failed';
    const detail = requestFailureDetail(original);
    if (detail) message = `${message} (${detail})`;
  } else if (typeof sdkCode === 'string') code = sdkCode;
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
    case 'request_failed':
      return 'Sorry, my answer did not reach Slack (the connection failed). Please try again in a minute.';
    default:
      // 5xx: Slack's own trouble, which usually passes.
      return failure.code.startsWith('http_5')
        ? 'Sorry, Slack had a problem taking my answer. Please try again in a minute.'
        : undefined;
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
