import { DiscordAPIError, HTTPError, RESTJSONErrorCodes } from 'discord.js';
import type { Logger } from '../../logging/create-logger.js';

/** What an error from Discord means for the bot, and how loudly to log it. */
const EXPECTED: ReadonlyMap<number, string> = new Map([
  [
    RESTJSONErrorCodes.UnknownInteraction,
    'interaction expired or unknown (not answered within 3 s, or already gone)',
  ],
  [RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged, 'interaction was already answered'],
  [
    RESTJSONErrorCodes.MissingAccess,
    'missing access: the bot cannot see this channel (check the channel permissions)',
  ],
  [
    RESTJSONErrorCodes.MissingPermissions,
    'missing permissions: the bot needs View Channel, Send Messages, Send Messages in Threads, Embed Links and Read Message History here',
  ],
  [RESTJSONErrorCodes.UnknownChannel, 'the channel was deleted'],
  [RESTJSONErrorCodes.UnknownMessage, 'the message was deleted'],
  [
    RESTJSONErrorCodes.CannotSendMessagesToThisUser,
    'cannot send messages to this user (DMs closed)',
  ],
]);

/** What a Discord error code means for the bot, for the codes it expects in normal life. */
export function explainDiscordCode(code: number): string | undefined {
  return EXPECTED.get(code);
}

/**
 * Logs a failure while answering one event, with the event's context (the logger is the event's
 * child logger). Discord errors the bot expects in normal life — expired interactions, missing
 * permissions, deleted channels — are warnings; anything else is an error. Never rethrows.
 */
export function logDiscordError(logger: Logger, error: unknown, doing: string): void {
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : undefined;
    const meaning = code === undefined ? undefined : EXPECTED.get(code);
    // The URL of interaction callbacks and webhooks holds the interaction token: log the method
    // and status only, never the URL.
    const details = {
      code,
      status: error.status,
      method: error.method,
      discordMessage: error.message,
    };
    if (meaning) logger.warn(details, `${doing}: ${meaning}`);
    else logger.error(details, `${doing}: Discord refused the request`);
    return;
  }
  if (error instanceof HTTPError) {
    // Same reason as above: the URL may hold a token.
    logger.error(
      { status: error.status, method: error.method },
      `${doing}: HTTP error from Discord`,
    );
    return;
  }
  logger.error({ err: error }, `${doing}: failed`);
}
