import {
  type APIMessage,
  DiscordAPIError,
  HTTPError,
  RateLimitError,
  type REST,
  Routes,
} from 'discord.js';
import type { FoundAnswer } from '../../core/types.js';
import type { TermOfDayPoster } from '../../term-of-day/term-of-day-scheduler.js';
import { NO_PINGS } from './answer-interaction.js';
import { explainDiscordCode } from './log-discord-error.js';
import { renderTermOfDay } from './render-term-of-day.js';

const SNOWFLAKE = /^\d{15,25}$/;

/**
 * A failed post, described for the post log and `/termofday status`: Discord's code first
 * (`Discord 50013 Missing Permissions — …`), then what it means for the channel.
 */
export function describePostError(error: unknown): string {
  if (error instanceof DiscordAPIError) {
    const meaning = typeof error.code === 'number' ? explainDiscordCode(error.code) : undefined;
    return `Discord ${error.code} ${error.message}${meaning ? ` — ${meaning}` : ''}`;
  }
  if (error instanceof RateLimitError) {
    return `Discord 429 rate limited${error.global ? ' (global)' : ''}, retry after ${Math.round(error.timeToReset / 1000)} s`;
  }
  // A 5xx: discord.js keeps only the status and its text ("Internal Server Error").
  if (error instanceof HTTPError) return `Discord HTTP ${error.status} ${error.message}`;
  if (error instanceof Error) {
    // No answer from Discord: undici's socket errors (a reset or refused connection) carry a code.
    const code = (error as Error & { code?: unknown }).code;
    return `Discord request failed: ${error.message}${typeof code === 'string' ? ` (${code})` : ''}`;
  }
  return String(error);
}

/**
 * Posts the term-of-day card to a channel through the client's REST (its rate limits and
 * token): one `POST /channels/{id}/messages` with the card as an embed, its source link buttons,
 * and `allowed_mentions: { parse: [] }`. Resolves to the message id; throws an Error whose message
 * starts with Discord's code (50001, 50013, 10003, 429 …) so the service can log, count and show it.
 */
export function createTermOfDayPoster(rest: REST): TermOfDayPoster {
  return {
    async post(channelId: string, card: FoundAnswer, date: string): Promise<string | null> {
      // The id goes into the URL path: only a snowflake may.
      if (!SNOWFLAKE.test(channelId)) throw new Error(`not a Discord channel id: "${channelId}"`);
      const { embeds, components } = renderTermOfDay(card, date, { share: false, feedback: false });
      try {
        // discord.js documents the response of this route as the created message.
        const sent = (await rest.post(Routes.channelMessages(channelId), {
          body: { embeds, components, allowed_mentions: NO_PINGS },
        })) as APIMessage;
        return sent.id;
      } catch (error) {
        throw new Error(describePostError(error), { cause: error });
      }
    },
  };
}
