/**
 * Events: `@Stevedore <question>` in a channel (answered in a thread under the question),
 * follow-ups in a thread the bot answered in (no mention needed), and direct messages. Retried
 * deliveries and the second event of one message are never answered twice.
 */
import type { App } from '@slack/bolt';
import * as v from 'valibot';
import { type ChatPlace, replyToChat } from '../../core/chat/reply-to-chat.js';
import { requestLogger, type SlackHandlerDeps } from './handler-deps.js';
import { postReply } from './post-reply.js';
import { renderChatReply } from './render-reply.js';
import { readUserText } from './user-text.js';

/** The fields of a `message` or `app_mention` event Stevedore reads; anything else is ignored. */
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const incomingSchema = v.object({
  channel: id,
  user: id,
  text: v.string(),
  ts: id,
  thread_ts: v.optional(id),
  channel_type: v.optional(v.string()),
  subtype: v.optional(v.string()),
  bot_id: v.optional(v.string()),
});

type Incoming = v.InferOutput<typeof incomingSchema>;

/** A message written by a person, or undefined (bots, edits, joins, malformed payloads). */
export function readIncoming(event: unknown): Incoming | undefined {
  const parsed = v.safeParse(incomingSchema, event);
  if (!parsed.success) return undefined;
  const message = parsed.output;
  // Subtypes are edits, deletions, joins, bot posts…; only plain (and thread-broadcast) posts count.
  if (message.subtype !== undefined && message.subtype !== 'thread_broadcast') return undefined;
  if (message.bot_id !== undefined) return undefined;
  return message;
}

/** Whether `text` mentions a user other than the bot (`<@U123>` or `<@U123|name>`). */
export function mentionsSomeoneElse(text: string, botUserId: string | undefined): boolean {
  for (const match of text.matchAll(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g)) {
    if (match[1] !== botUserId) return true;
  }
  return false;
}

function threadKey(channel: string, threadTs: string): string {
  return `${channel}:${threadTs}`;
}

/** Answers one message in its thread, once, and remembers the thread as the bot's. */
async function answer(
  deps: SlackHandlerDeps,
  client: Parameters<typeof postReply>[0],
  message: Incoming,
  threadTs: string | undefined,
  kind: string,
  place: ChatPlace,
): Promise<void> {
  const log = requestLogger(deps, message.channel, { kind });
  if (!deps.state.answeredMessages.add(`${message.channel}:${message.ts}`)) {
    log.debug('message already answered');
    return;
  }
  const reply = replyToChat(
    readUserText(message.text),
    { place, channel: { platform: 'slack', id: message.channel } },
    deps.now(),
    deps.chat,
  );
  const posted = await postReply(
    client,
    log,
    { channel: message.channel, user: message.user, ...(threadTs ? { threadTs } : {}) },
    renderChatReply(reply, { privateToAsker: false }),
  );
  if (!posted) return;
  if (threadTs) deps.state.botThreads.add(threadKey(message.channel, threadTs));
  log.info(
    {
      user: message.user,
      reply: reply.kind,
      entry:
        reply.kind === 'answer' && reply.answer.kind === 'answer' ? reply.answer.entry.id : null,
    },
    'answered a message',
  );
}

/** Registers the event listeners and the middleware that drops retried deliveries. */
export function registerEvents(app: App, deps: SlackHandlerDeps): void {
  app.use(async ({ body, context, next }) => {
    // Only Events API bodies carry an event_id; Slack resends one with x-slack-retry-num.
    const eventId =
      'event_id' in body && typeof body.event_id === 'string' ? body.event_id : undefined;
    if (eventId !== undefined && !deps.state.seenEvents.add(eventId)) {
      deps.logger.info(
        { eventId, retryNum: context.retryNum, retryReason: context.retryReason },
        'ignoring a retried event that was already handled',
      );
      return;
    }
    await next();
  });

  app.event('app_mention', async ({ event, client }) => {
    const message = readIncoming(event);
    if (!message) return;
    await answer(
      deps,
      client,
      message,
      message.thread_ts ?? message.ts,
      'app_mention',
      message.thread_ts ? 'thread' : 'channel',
    );
  });

  app.event('message', async ({ event, client, context }) => {
    const message = readIncoming(event);
    if (!message) return;
    if (message.channel_type === 'im') {
      // A direct message is always a question; it is answered where it was asked.
      await answer(deps, client, message, message.thread_ts, 'direct_message', 'direct');
      return;
    }
    // In channels only follow-ups in the bot's threads; mentions come as app_mention.
    if (
      !message.thread_ts ||
      !deps.state.botThreads.has(threadKey(message.channel, message.thread_ts))
    ) {
      return;
    }
    // A reply addressed to someone else in the thread is theirs to answer.
    if (mentionsSomeoneElse(message.text, context.botUserId)) return;
    await answer(deps, client, message, message.thread_ts, 'thread_follow_up', 'thread');
  });
}
