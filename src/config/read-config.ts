import path from 'node:path';
import * as v from 'valibot';
import { userCacheDir } from './cache-dir.js';
import { defaultKnowledgeDir } from './package-root.js';

/** The environment as a plain record, so configuration is a pure function of its input. */
export type Env = Readonly<Record<string, string | undefined>>;

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface SlackConfig {
  readonly botToken: string;
  /** Socket Mode when set; otherwise HTTP mode with the signing secret. */
  readonly appToken?: string;
  readonly signingSecret?: string;
  /** Web API base URL ending in `/`; Slack's own by default. */
  readonly apiUrl: string;
  /** HTTP mode only: the port Bolt listens on for `/slack/events`. */
  readonly port: number;
  /** Slack user ids who may manage term-of-day subscriptions besides workspace admins. */
  readonly termOfDayManagers: readonly string[];
}

export interface DiscordConfig {
  readonly token: string;
  readonly applicationId: string;
  /** When set, commands are registered in this server only (instant updates while developing). */
  readonly guildId?: string;
  /** REST base URL (discord.js `rest.api`); Discord's own by default. */
  readonly apiUrl: string;
}

export interface Config {
  readonly logLevel: LogLevel;
  readonly knowledgeDir: string;
  /** Present only when Slack credentials are set. */
  readonly slack?: SlackConfig;
  /** Present only when a Discord token is set. */
  readonly discord?: DiscordConfig;
  /** Path of the SQLite database file. */
  readonly databasePath: string;
  /** IANA time zone used when a subscription names none. */
  readonly termOfDayDefaultTimeZone: string;
  /** The port of /healthz, /readyz and /metrics; unset: no ops server. */
  readonly opsPort?: number;
  /** Where the CLI caches validated knowledge (`userCacheDir`); unset: no cache. */
  readonly cacheDir?: string;
}

/** Every default in one place. */
export const DEFAULTS = {
  logLevel: 'info',
  slackApiUrl: 'https://slack.com/api/',
  discordApiUrl: 'https://discord.com/api',
  port: 3000,
  databaseUrl: 'sqlite:./data/stevedore.db',
  termOfDayDefaultTimeZone: 'UTC',
} as const;

/** Thrown when the environment is invalid; lists every problem with the variable to fix. */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(
      `Stevedore's configuration is invalid:\n${problems.map((p) => `  ${p}`).join('\n')}\nSet these in the environment or in a .env file (see .env.example).`,
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Empty values count as unset, as in most `.env` conventions. */
const optionalText = v.optional(
  v.pipe(
    v.string(),
    v.trim(),
    v.transform((value) => (value === '' ? undefined : value)),
  ),
);

/** An optional value that, when set, must pass `check`. */
const optionalChecked = (check: (value: string) => boolean, message: string) =>
  v.pipe(
    optionalText,
    v.check((value) => value === undefined || check(value), message),
  );

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

// valibot, the project's one schema library: the configuration is read on every CLI start, and
// valibot's import costs 9 ms where zod's costs 58 ms (see docs/design.md).
const envSchema = v.object({
  LOG_LEVEL: v.optional(
    v.picklist(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`),
    DEFAULTS.logLevel,
  ),
  KNOWLEDGE_DIR: optionalText,
  SLACK_BOT_TOKEN: optionalChecked(
    (value) => value.startsWith('xoxb-'),
    'must be a bot token starting with "xoxb-" (Slack app settings → OAuth & Permissions)',
  ),
  SLACK_APP_TOKEN: optionalChecked(
    (value) => value.startsWith('xapp-'),
    'must be an app-level token starting with "xapp-" (Slack app settings → Basic Information → App-Level Tokens)',
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_API_URL: optionalChecked(isHttpUrl, 'must be an absolute http(s) URL of the Slack Web API'),
  SLACK_TERM_OF_DAY_MANAGERS: optionalText,
  PORT: optionalChecked(
    (value) => /^\d{1,5}$/.test(value) && Number(value) <= 65535,
    'must be a port number between 0 and 65535',
  ),
  OPS_PORT: optionalChecked(
    (value) => /^\d{1,5}$/.test(value) && Number(value) <= 65535,
    'must be a port number between 0 and 65535 (for /healthz, /readyz and /metrics)',
  ),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalChecked(
    (value) => /^\d{15,25}$/.test(value),
    'must be the numeric application id (Discord Developer Portal → General Information)',
  ),
  DISCORD_GUILD_ID: optionalChecked(
    (value) => /^\d{15,25}$/.test(value),
    'must be a numeric server (guild) id',
  ),
  DISCORD_API_URL: optionalChecked(
    isHttpUrl,
    'must be an absolute http(s) URL of the Discord REST API',
  ),
  DATABASE_URL: optionalText,
  TERM_OF_DAY_DEFAULT_TZ: optionalChecked(
    isTimeZone,
    'must be an IANA time zone such as "Europe/Berlin" or "UTC"',
  ),
});

/** `sqlite:<path>` or a plain path; relative paths are taken from the working directory. */
export function databasePathOf(url: string, cwd: string): string {
  const file = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
  return file === ':memory:' ? file : path.resolve(cwd, file);
}

/**
 * Reads Stevedore's configuration from an environment record. Pure: the caller passes
 * `process.env` (with `.env` values, see `loadEnv`) or a test's own record. Throws `ConfigError` listing every problem.
 */
export function readConfig(env: Env, cwd: string = process.cwd()): Config {
  const parsed = v.safeParse(envSchema, env, { abortPipeEarly: true });
  if (!parsed.success) {
    throw new ConfigError(
      parsed.issues.map((issue) => `${v.getDotPath(issue) ?? 'environment'}: ${issue.message}`),
    );
  }
  const e = parsed.output;
  const problems: string[] = [];

  let slack: SlackConfig | undefined;
  if (e.SLACK_BOT_TOKEN) {
    if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
      problems.push(
        'SLACK_APP_TOKEN or SLACK_SIGNING_SECRET: Slack needs one of them — an app-level token for Socket Mode (recommended), or the signing secret for HTTP mode',
      );
    }
    slack = {
      botToken: e.SLACK_BOT_TOKEN,
      apiUrl: withTrailingSlash(e.SLACK_API_URL ?? DEFAULTS.slackApiUrl),
      port: e.PORT === undefined ? DEFAULTS.port : Number(e.PORT),
      termOfDayManagers: (e.SLACK_TERM_OF_DAY_MANAGERS ?? '').split(/[\s,]+/).filter(Boolean),
      ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
      ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
    };
  } else if (e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET) {
    problems.push('SLACK_BOT_TOKEN: is required when other SLACK_ variables are set (xoxb-…)');
  }

  let discord: DiscordConfig | undefined;
  if (e.DISCORD_TOKEN) {
    if (!e.DISCORD_APPLICATION_ID) {
      problems.push(
        'DISCORD_APPLICATION_ID: is required with DISCORD_TOKEN (Discord Developer Portal → General Information)',
      );
    }
    discord = {
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID ?? '',
      apiUrl: (e.DISCORD_API_URL ?? DEFAULTS.discordApiUrl).replace(/\/+$/, ''),
      ...(e.DISCORD_GUILD_ID ? { guildId: e.DISCORD_GUILD_ID } : {}),
    };
  }

  if (problems.length > 0) throw new ConfigError(problems);
  const cacheDir = userCacheDir(env);
  return {
    logLevel: e.LOG_LEVEL,
    knowledgeDir: e.KNOWLEDGE_DIR ? path.resolve(cwd, e.KNOWLEDGE_DIR) : defaultKnowledgeDir(),
    databasePath: databasePathOf(e.DATABASE_URL ?? DEFAULTS.databaseUrl, cwd),
    termOfDayDefaultTimeZone: e.TERM_OF_DAY_DEFAULT_TZ ?? DEFAULTS.termOfDayDefaultTimeZone,
    ...(e.OPS_PORT === undefined ? {} : { opsPort: Number(e.OPS_PORT) }),
    ...(cacheDir ? { cacheDir } : {}),
    ...(slack ? { slack } : {}),
    ...(discord ? { discord } : {}),
  };
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
