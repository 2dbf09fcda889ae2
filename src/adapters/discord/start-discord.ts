import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  MessageFlags,
  Partials,
} from 'discord.js';
import type { DiscordConfig } from '../../config/read-config.js';
import type { PlatformDeps, RunningPlatform } from '../platform.js';
import { NO_PINGS } from './answer-interaction.js';
import { handleAutocomplete } from './handle-autocomplete.js';
import { handleButton } from './handle-button.js';
import { handleCommand } from './handle-command.js';
import { handleMessage, isForBot } from './handle-message.js';
import type { DiscordHandlerDeps } from './handler-deps.js';
import { logDiscordError } from './log-discord-error.js';
import { createTermOfDayPoster } from './post-term-of-day.js';

/**
 * Only what Stevedore needs: slash commands need no intent at all; mentions in channels and DMs
 * need these three. Messages that mention the bot, and DMs, carry their content without the
 * privileged Message Content intent, which is deliberately not requested.
 */
export const INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
] as const;

/** How long the gateway may take from login to READY and the servers' GUILD_CREATE. */
const READY_TIMEOUT_MS = 60_000;

/**
 * The longest rate limit discord.js waits out before sending; a longer one fails the request
 * (`RateLimitError`). No Stevedore request is worth more: an interaction expires in 3 s, and a
 * term-of-day post is retried by the scheduler, which must not stall on one channel.
 */
export const MAX_RATE_LIMIT_WAIT_MS = 10_000;

/** What tests may change; everything else comes from the bot's `PlatformDeps`. */
export interface DiscordAdapterOptions {
  /** Overrides when an interaction is deferred rather than answered directly (tests). */
  readonly deferAfterMs?: number;
  /**
   * The current instant: "today" of a mention, and `/termofday` schedules.
   * @defaultValue `() => new Date()`
   */
  readonly now?: () => Date;
}

/** The discord.js client as Stevedore uses it. */
export function createDiscordClient(config: DiscordConfig): Client {
  return new Client({
    intents: [...INTENTS],
    // DM channels are not announced by the gateway: without this partial, DMs are dropped.
    partials: [Partials.Channel],
    // Belt and braces: every send passes its own allowedMentions too.
    allowedMentions: NO_PINGS,
    // Replying to a message deleted meanwhile sends a plain message instead of failing.
    failIfNotExists: false,
    rest: {
      api: config.apiUrl,
      rejectOnRateLimit: (limit) => limit.timeToReset > MAX_RATE_LIMIT_WAIT_MS,
    },
  });
}

function onInteraction(interaction: Interaction, deps: DiscordHandlerDeps): void {
  const logger = deps.logger.child({
    channel: interaction.channelId ?? undefined,
    guild: interaction.guildId ?? undefined,
    requestId: interaction.id,
  });
  const handled = interaction.isAutocomplete()
    ? handleAutocomplete(interaction, deps.engine, deps.timeZone)
    : interaction.isChatInputCommand()
      ? handleCommand(interaction, deps, logger)
      : interaction.isButton()
        ? handleButton(interaction, deps, logger)
        : undefined;
  if (!handled) {
    logger.debug({ type: interaction.type }, 'ignored interaction');
    return;
  }
  handled.catch(async (error: unknown) => {
    logDiscordError(logger, error, 'answering an interaction');
    // A bug (not a Discord refusal) must still not leave the user with "interaction failed".
    if (
      !(error instanceof DiscordAPIError) &&
      interaction.isRepliable() &&
      !interaction.replied &&
      !interaction.deferred
    ) {
      await interaction
        .reply({
          content: 'Sorry, something went wrong while answering. Please try again.',
          allowedMentions: NO_PINGS,
          flags: MessageFlags.Ephemeral,
        })
        .catch((second: unknown) => logDiscordError(logger, second, 'reporting a failure'));
    }
  });
}

function onMessage(message: Message, deps: DiscordHandlerDeps): void {
  if (!isForBot(message)) return;
  const logger = deps.logger.child({
    channel: message.channelId,
    guild: message.guildId ?? undefined,
    requestId: message.id,
  });
  handleMessage(message, deps).catch((error: unknown) =>
    logDiscordError(logger, error, message.guildId ? 'answering a mention' : 'answering a DM'),
  );
}

/**
 * Connects Stevedore to Discord and answers slash commands, autocomplete, buttons, mentions and
 * DMs until stopped. Resolves once the gateway session is ready; rejects when Discord refuses the
 * token.
 */
export async function startDiscord(
  deps: PlatformDeps,
  options: DiscordAdapterOptions = {},
): Promise<RunningPlatform> {
  const discord = deps.config.discord;
  if (!discord) {
    throw new Error('startDiscord: the configuration has no Discord section (DISCORD_TOKEN)');
  }
  const logger = deps.logger.child({ platform: 'discord' });
  const handlerDeps: DiscordHandlerDeps = {
    engine: deps.engine,
    chat: { engine: deps.engine, timeZoneOf: (channel) => deps.termOfDay.timeZoneOf(channel) },
    logger,
    recordFeedback: deps.recordFeedback,
    termOfDay: deps.termOfDay,
    // The zone of subscriptions that name none.
    timeZone: deps.config.termOfDayDefaultTimeZone,
    now: options.now ?? (() => new Date()),
    ...(options.deferAfterMs === undefined ? {} : { deferAfterMs: options.deferAfterMs }),
  };
  const client = createDiscordClient(discord);

  client.on(Events.InteractionCreate, (interaction) => onInteraction(interaction, handlerDeps));
  client.on(Events.MessageCreate, (message) => onMessage(message, handlerDeps));
  // Without an 'error' listener an emitted error would crash the process.
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord.js client error'));
  client.on(Events.Warn, (warning) => logger.warn({ warning }, 'discord.js warning'));
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn({ shard, code: event.code }, 'gateway disconnected'),
  );
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) =>
    logger.info({ shard, replayed }, 'gateway session resumed'),
  );
  client.rest.on('rateLimited', (info) =>
    logger.warn(
      { route: info.route, method: info.method, retryAfter: info.retryAfter, global: info.global },
      'rate limited by Discord',
    ),
  );

  let readyTimer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    client.once(Events.ClientReady, () => resolve());
    readyTimer = setTimeout(
      () =>
        reject(
          new Error(
            `Discord did not complete the gateway handshake within ${READY_TIMEOUT_MS / 1000} s; check the network and Discord's status`,
          ),
        ),
      READY_TIMEOUT_MS,
    );
  });
  try {
    await client.login(discord.token);
    await ready;
  } catch (error) {
    await client.destroy();
    // discord.js reports a refused token as a DiscordjsError with the code 'TokenInvalid'.
    const refused =
      (error instanceof DiscordAPIError && error.status === 401) ||
      (error instanceof Error && 'code' in error && error.code === 'TokenInvalid');
    if (refused) {
      throw new Error(
        'Discord refused DISCORD_TOKEN (401 Unauthorized): copy the bot token again from the Developer Portal → Bot → Reset Token',
      );
    }
    throw error;
  } finally {
    clearTimeout(readyTimer);
  }
  // Posts go through the client's REST: its token, its rate-limit buckets.
  deps.termOfDay.registerPoster('discord', createTermOfDayPoster(client.rest));
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'connected to Discord');
  return {
    name: 'discord',
    stop: async () => {
      await client.destroy();
    },
  };
}
