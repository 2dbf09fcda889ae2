/**
 * The conversation core: every decision about what to answer to a chat message, made once for
 * Slack, Discord and the local shell. Adapters read their platform's event into text (or, for a
 * slash command or a button, straight into a {@link ChatRequest}), call {@link replyToChat}, and
 * render the {@link ChatReply} it returns; they decide nothing else.
 */
import { TERM_OF_DAY_USAGE } from '../../term-of-day/parse-command.js';
import { todaysTerm } from '../../term-of-day/todays-term.js';
import type { Platform } from '../platform.js';
import type { Answer, AnswerEngine, EntryRef, FoundAnswer, SearchHit } from '../types.js';
import { type ChatRequest, interpretMessage } from './interpret-message.js';
import { MAX_MESSAGE_LENGTH, MAX_TERM_PREFIX, SEARCH_HITS } from './limits.js';

/** A channel on a chat platform (a DM is a channel too). */
export interface ChatChannel {
  readonly platform: Platform;
  readonly id: string;
}

/**
 * Where a message came from, as far as the reply depends on it: `channel` (a post in a channel),
 * `thread` (a reply in a thread), `direct` (a direct message with the bot) or `local` (the shell).
 */
export type ChatPlace = 'channel' | 'thread' | 'direct' | 'local';

export interface ChatOrigin {
  readonly place: ChatPlace;
  /** The platform's channel; absent in the local shell, which has none. */
  readonly channel?: ChatChannel;
}

/** What the core answers with, besides the message. */
export interface ChatContext {
  readonly engine: AnswerEngine;
  /**
   * The time zone whose calendar says what "today" is for a channel (its term-of-day schedule's
   * zone, else the configured default); called with no channel in the shell.
   */
  readonly timeZoneOf: (channel: ChatChannel | undefined) => string;
}

/** The commands that answer with an answer card; a Share button asks the same command again. */
export type AnswerCommand = 'define' | 'ask';
/** The commands that show their usage when given nothing to work on. */
export type UsageCommand = AnswerCommand | 'search';

/** What to show, platform-neutral: each adapter renders every variant. */
export type ChatReply =
  /** An answer card, or the engine's "no answer" with its nearest terms. */
  | { readonly kind: 'answer'; readonly command: AnswerCommand; readonly answer: Answer }
  | { readonly kind: 'search'; readonly query: string; readonly hits: readonly SearchHit[] }
  /** The help text (`HELP_MARKDOWN`). */
  | { readonly kind: 'help' }
  /** A command was given no text: how to use it (Markdown). */
  | { readonly kind: 'usage'; readonly command: UsageCommand; readonly markdown: string }
  | { readonly kind: 'term_of_day'; readonly answer: FoundAnswer; readonly date: string }
  /** A short message in Markdown, e.g. where subscriptions are managed. */
  | { readonly kind: 'notice'; readonly markdown: string };

const USAGE: Readonly<Record<UsageCommand, string>> = {
  define: 'Usage: `/define <term>` — for example `/define Krypton` or `/define k8s`.',
  ask: 'Usage: `/ask <question>` — for example `/ask how do I create a pod with podman?` — or `/ask help`.',
  search: 'Usage: `search <words>` — for example `search cgroups`: the best matching entries.',
};

/** `/ask help` (and `ask help?`) is a request for the help text, not a question about "help". */
const HELP_QUESTION = /^help[.!?]*$/i;

/**
 * A term-of-day command in a message: subscriptions are managed with the slash command (only it
 * says who asks with the permissions to check), so the message is told where, and how to see
 * today's term from where it was written.
 */
function termOfDayElsewhere(place: ChatPlace): string {
  const here: Record<ChatPlace, string> = {
    channel: 'Mention me with `termofday now` or `today` to see today’s term here.',
    thread: 'Mention me with `termofday now` or `today` to see today’s term here.',
    direct: 'Write `termofday now` or `today` to see today’s term here.',
    local: 'Here, `/termofday now` or `/today` shows today’s term.',
  };
  const where = place === 'local' ? ' in a Slack or Discord channel' : '';
  return `The term of the day is managed with the slash command${where}:\n${TERM_OF_DAY_USAGE}\n${here[place]}`;
}

/**
 * The reply to a chat message (its text, read with {@link interpretMessage} after cutting it to
 * {@link MAX_MESSAGE_LENGTH}) or to a request an adapter already knows (a slash command, a
 * button). `now` is the clock: "today" is its date in the channel's zone.
 */
export function replyToChat(
  input: string | ChatRequest,
  origin: ChatOrigin,
  now: Date,
  context: ChatContext,
): ChatReply {
  const request =
    typeof input === 'string' ? interpretMessage(input.slice(0, MAX_MESSAGE_LENGTH)) : input;
  const { engine } = context;
  switch (request.kind) {
    case 'help':
      return { kind: 'help' };
    case 'define':
      if (request.term.trim() === '') return usage('define');
      return { kind: 'answer', command: 'define', answer: engine.define(request.term) };
    case 'ask':
      if (request.question.trim() === '') return usage('ask');
      if (HELP_QUESTION.test(request.question.trim())) return { kind: 'help' };
      return { kind: 'answer', command: 'ask', answer: engine.ask(request.question) };
    case 'search':
      if (request.query.trim() === '') return usage('search');
      return {
        kind: 'search',
        query: request.query,
        hits: engine.search(request.query, SEARCH_HITS),
      };
    case 'today':
      return {
        kind: 'term_of_day',
        ...todaysTerm(engine, now, context.timeZoneOf(origin.channel)),
      };
    case 'termofday':
      return { kind: 'notice', markdown: termOfDayElsewhere(origin.place) };
  }
}

function usage(command: UsageCommand): ChatReply {
  return { kind: 'usage', command, markdown: USAGE[command] };
}

/** The typeahead of a term (Slack's term picker, Discord's `/define term:`): the core's suggestions. */
export function suggestTerms(typed: string, engine: AnswerEngine): readonly EntryRef[] {
  return engine.suggest(typed.slice(0, MAX_TERM_PREFIX));
}
