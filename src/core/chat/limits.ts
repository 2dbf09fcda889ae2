/**
 * The bounds of what Stevedore reads from a chat, the same on every platform and in the shell.
 * Adapters import them; no adapter keeps a limit of its own for the same thing.
 */

/**
 * The most of one message, slash-command text or shell line that is read: 2,000 characters, the
 * longest message Discord lets a member send without Nitro, and so the longest question any of
 * our platforms commonly delivers (Slack allows 40,000 and a terminal line has no limit: both are
 * cut to this too, so a pasted log costs the same everywhere). The engine scores only the first
 * 500 characters of a query (`MAX_QUERY_LENGTH`); the rest of this room is for the verb, mentions
 * and markup the adapters strip before the engine sees the text.
 */
export const MAX_MESSAGE_LENGTH = 2_000;

/**
 * Results listed for `search <words>`: 10 one-line hits fit every platform's message (a Slack
 * section holds 3,000 characters, a Discord embed description 4,096) and one screen of a terminal.
 */
export const SEARCH_HITS = 10;

/** The longest typed prefix the typeahead looks up; no term name in the knowledge is longer. */
export const MAX_TERM_PREFIX = 100;
