/**
 * The Slack adapter's entry point: builds the Bolt app (Socket Mode with an app-level token, else
 * HTTP mode with the signing secret), registers the handlers, checks the bot token and starts.
 */
import { App, HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { SlackConfig } from '../../config/read-config.js';
import type { PlatformDeps, RunningPlatform } from '../platform.js';
import { boltLogger } from './bolt-logger.js';
import { registerActions } from './handle-actions.js';
import { registerCommands } from './handle-commands.js';
import { registerEvents } from './handle-events.js';
import { registerTermOfDay } from './handle-term-of-day.js';
import { registerTypeahead } from './handle-typeahead.js';
import { createSlackState, type SlackHandlerDeps, type SlackState } from './handler-deps.js';
import { createTermOfDayPoster } from './post-term-of-day.js';
import { describeSlackError } from './slack-errors.js';

export interface SlackAdapterOptions {
  /**
   * HTTP mode: the address Bolt listens on.
   * @defaultValue every interface
   */
  readonly host?: string;
  /**
   * Retries of Web API calls (and, in Socket Mode, of `apps.connections.open`).
   * @defaultValue {@link SLACK_DEFAULTS}.retryConfig / .socketRetryConfig
   */
  readonly retryConfig?: webApi.RetryOptions;
  /**
   * How many event ids, answered messages, bot threads and feedback keys are remembered (each).
   * @defaultValue {@link SLACK_DEFAULTS}.memory
   */
  readonly memory?: number;
  /**
   * The current instant: "today" of a mention, and `/termofday` schedules.
   * @defaultValue `() => new Date()`
   */
  readonly now?: () => Date;
}

/** Every default of the Slack adapter. */
export const SLACK_DEFAULTS = {
  /** A chat answer is worth a few quick retries, not Bolt's default half hour of them. */
  retryConfig: { retries: 3, factor: 2, minTimeout: 1_000, maxTimeout: 10_000 },
  /** Socket Mode keeps reconnecting through `apps.connections.open` (the SDK's own default). */
  socketRetryConfig: { retries: 100, factor: 1.3 },
  /** Keys per kind kept in memory; at roughly 50 bytes each, well under a megabyte each. */
  memory: 10_000,
  /** The HTTP endpoint Slack posts events, commands and interactions to. */
  endpoint: '/slack/events',
  /** Milliseconds one attempt of a daily post or of the `/termofday` admin check may take. */
  strictCallTimeout: 10_000,
} as const satisfies {
  retryConfig: webApi.RetryOptions;
  socketRetryConfig: webApi.RetryOptions;
  memory: number;
  endpoint: string;
  strictCallTimeout: number;
};

/** The running adapter: a platform the bot stops on exit, plus what tests and logs want to know. */
export interface RunningSlack extends RunningPlatform {
  readonly mode: 'socket' | 'http';
  /** HTTP mode: the port actually listened on (useful with `PORT=0`). */
  readonly port?: number;
  readonly state: SlackState;
}

/** Builds the Bolt app with every handler registered; not yet initialised or started. */
export function createSlackApp(
  deps: PlatformDeps,
  slack: SlackConfig,
  options: SlackAdapterOptions = {},
): { app: App; state: SlackState; strictClient: webApi.WebClient } {
  const logger = deps.logger.child({ platform: 'slack' });
  const boltLog = boltLogger(logger);
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: slack.apiUrl,
    retryConfig: options.retryConfig ?? SLACK_DEFAULTS.retryConfig,
    logger: boltLog,
  };
  // On a rate limit the SDK's client pauses its whole queue and waits; this one reports it as an
  // error instead, for calls whose failure has a better answer than waiting: the daily posts (the
  // service retries them later) and the /termofday admin check (the user is asked to retry).
  const strictClient = new webApi.WebClient(slack.botToken, {
    ...clientOptions,
    rejectRateLimitedCalls: true,
    timeout: SLACK_DEFAULTS.strictCallTimeout,
  });
  const receiver = slack.appToken
    ? new SocketModeReceiver({
        appToken: slack.appToken,
        logger: boltLog,
        installerOptions: {
          clientOptions: {
            slackApiUrl: slack.apiUrl,
            retryConfig: options.retryConfig ?? SLACK_DEFAULTS.socketRetryConfig,
          },
        },
      })
    : new HTTPReceiver({
        // readConfig guarantees one of the two; an empty secret would reject every request.
        signingSecret: slack.signingSecret ?? '',
        endpoints: SLACK_DEFAULTS.endpoint,
        logger: boltLog,
      });
  const app = new App({
    token: slack.botToken,
    receiver,
    socketMode: slack.appToken !== undefined,
    logger: boltLog,
    clientOptions,
    deferInitialization: true,
    extendedErrorHandler: true,
  });
  const state = createSlackState(options.memory ?? SLACK_DEFAULTS.memory);
  const handlerDeps: SlackHandlerDeps = {
    engine: deps.engine,
    logger,
    recordFeedback: deps.recordFeedback,
    state,
    chat: { engine: deps.engine, timeZoneOf: (channel) => deps.termOfDay.timeZoneOf(channel) },
    termOfDay: deps.termOfDay,
    defaultTimeZone: deps.config.termOfDayDefaultTimeZone,
    termOfDayManagers: slack.termOfDayManagers,
    now: options.now ?? (() => new Date()),
    strictClient,
  };
  registerEvents(app, handlerDeps);
  registerCommands(app, handlerDeps);
  registerTermOfDay(app, handlerDeps);
  registerActions(app, handlerDeps);
  registerTypeahead(app, handlerDeps);
  // extendedErrorHandler: Bolt passes { error, body, context, logger }; only two are read.
  app.error(async ({ error, body }: { error: Error & { code?: string }; body: unknown }) => {
    // A failing handler is logged and forgotten: the next event is handled as usual.
    const type =
      typeof body === 'object' && body !== null && 'type' in body ? body.type : undefined;
    logger.error(
      { err: { code: error.code, message: error.message }, type },
      'Slack handler failed',
    );
  });
  return { app, state, strictClient };
}

/**
 * Starts the Slack adapter: checks the bot token with `auth.test`, then connects (Socket Mode) or
 * listens on `slack.port` at `/slack/events` (HTTP mode). Throws with a clear message when Slack
 * refuses the token.
 */
export async function startSlack(
  deps: PlatformDeps,
  options: SlackAdapterOptions = {},
): Promise<RunningSlack> {
  const slack = deps.config.slack;
  if (!slack)
    throw new Error('startSlack: the configuration has no Slack section (SLACK_BOT_TOKEN)');
  const logger = deps.logger.child({ platform: 'slack' });
  const { app, state, strictClient } = createSlackApp(deps, slack, options);
  try {
    await app.init();
  } catch (error) {
    const failure = describeSlackError(error);
    throw new Error(
      `Slack refused SLACK_BOT_TOKEN when checking it with auth.test (${failure.code}). Check the token under OAuth & Permissions in the Slack app settings, and SLACK_API_URL if you set it.`,
    );
  }
  // The daily posts go out with the bot token, which auth.test has just accepted.
  deps.termOfDay.registerPoster('slack', createTermOfDayPoster(strictClient));
  if (slack.appToken) {
    await app.start();
    logger.info({ mode: 'socket' }, 'Slack adapter connected (Socket Mode)');
    return { name: 'slack', mode: 'socket', state, stop: () => stopApp(app) };
  }
  const server = await app.start({
    port: slack.port,
    ...(options.host !== undefined ? { host: options.host } : {}),
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : slack.port;
  logger.info({ mode: 'http', port, endpoint: SLACK_DEFAULTS.endpoint }, 'Slack adapter listening');
  return { name: 'slack', mode: 'http', port, state, stop: () => stopApp(app) };
}

async function stopApp(app: App): Promise<void> {
  await app.stop();
}
