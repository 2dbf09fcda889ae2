/**
 * Button clicks: "Share in channel", 👍 / 👎, "did you mean" suggestions, and the modal's term
 * picker. One listener takes every block action, acknowledges it at once and dispatches by action
 * id, so a click on an unknown or outdated button is acknowledged and logged, never left hanging.
 */
import type { App, BlockAction, RespondFn, webApi } from '@slack/bolt';
import type { ChatRequest } from '../../core/chat/interpret-message.js';
import { type ChatReply, replyToChat } from '../../core/chat/reply-to-chat.js';
import type { Feedback } from '../../core/feedback.js';
import type { Answer } from '../../core/types.js';
import type { Logger } from '../../logging/create-logger.js';
import { ACTION, decodeFeedback, decodeShare } from './action-ids.js';
import { channelOrigin, requestLogger, type SlackHandlerDeps } from './handler-deps.js';
import { postReply } from './post-reply.js';
import { renderAnswer } from './render-answer.js';
import { renderDefineModal } from './render-modal.js';
import { renderChatReply } from './render-reply.js';
import { callSlack } from './slack-errors.js';
import { echoUserText, isSlackUserId, readUserText } from './user-text.js';

/** The clicked element, as far as Stevedore reads it. */
interface Clicked {
  readonly actionId: string;
  readonly value: string | undefined;
}

function clickedOf(body: BlockAction): Clicked | undefined {
  const action = body.actions[0];
  if (!action) return undefined;
  if (action.type === 'button') return { actionId: action.action_id, value: action.value };
  if (action.type === 'external_select') {
    return { actionId: action.action_id, value: action.selected_option?.value };
  }
  return { actionId: action.action_id, value: undefined };
}

interface ActionArgs {
  readonly body: BlockAction;
  readonly clicked: Clicked;
  readonly respond: RespondFn;
  readonly client: webApi.WebClient;
  readonly log: Logger;
  readonly deps: SlackHandlerDeps;
}

/** The container's fields Slack documents: `is_ephemeral`, `channel_id`, `message_ts`. */
function containerField(body: BlockAction, key: string): unknown {
  return body.container[key];
}

function channelOf(body: BlockAction): string | undefined {
  const fromContainer = containerField(body, 'channel_id');
  return body.channel?.id ?? (typeof fromContainer === 'string' ? fromContainer : undefined);
}

/** What the core replies to a button's request (a button is clicked where its message is). */
function replyToClick(body: BlockAction, request: ChatRequest, deps: SlackHandlerDeps): ChatReply {
  return replyToChat(request, channelOrigin(channelOf(body)), deps.now(), deps.chat);
}

/** The answer card of a button's request, or undefined when the core replies with something else. */
function answerOf(reply: ChatReply): Answer | undefined {
  return reply.kind === 'answer' ? reply.answer : undefined;
}

async function share({ body, clicked, respond, client, log, deps }: ActionArgs): Promise<void> {
  const value = decodeShare(clicked.value);
  if (!value) {
    log.warn('ignoring a Share button whose value Stevedore did not make');
    return;
  }
  const request: ChatRequest =
    value.source === 'define'
      ? { kind: 'define', term: value.query }
      : { kind: 'ask', question: value.query };
  const answer = answerOf(replyToClick(body, request, deps));
  if (!answer) {
    log.warn('ignoring a Share button whose question has no answer card');
    return;
  }
  const sharer = isSlackUserId(body.user.id) ? `<@${body.user.id}>` : 'Someone';
  const message = renderAnswer(answer, {
    context: [`Shared by ${sharer} · /${value.source} ${echoUserText(value.query)}`],
  });
  // The response URL posts where the command was used, even where the bot is not a member.
  const shared = await callSlack(log, 'response_url (share)', () =>
    respond({
      response_type: 'in_channel',
      replace_original: false,
      text: message.text,
      blocks: message.blocks,
    }),
  );
  if (shared.ok) {
    await callSlack(log, 'response_url (delete ephemeral)', () =>
      respond({ delete_original: true }),
    );
    log.info({ user: body.user.id }, 'shared an answer in the channel');
    return;
  }
  const channel = channelOf(body);
  if (channel) {
    await callSlack(log, 'chat.postEphemeral', () =>
      client.chat.postEphemeral({
        channel,
        user: body.user.id,
        text: 'Sorry, I could not share that answer: the button has expired. Run the command again to share a new one.',
      }),
    );
  }
}

async function feedback(
  { body, clicked, respond, log, deps }: ActionArgs,
  helpful: boolean,
): Promise<void> {
  const value = decodeFeedback(clicked.value);
  const channelId = channelOf(body);
  if (!value || !channelId) {
    log.warn('ignoring a feedback button without a valid value or channel');
    return;
  }
  const messageTs = containerField(body, 'message_ts');
  const key = `${channelId}:${typeof messageTs === 'string' ? messageTs : ''}:${body.user.id}`;
  if (!deps.state.feedbackGiven.add(key)) {
    await callSlack(log, 'response_url (feedback again)', () =>
      respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'You already rated this answer — thank you.',
      }),
    );
    return;
  }
  const record: Feedback = {
    platform: 'slack',
    channelId,
    userId: body.user.id,
    entryId: value.entryId,
    query: value.query,
    helpful,
    at: new Date(),
    ...(body.team?.id ? { workspaceId: body.team.id } : {}),
  };
  try {
    deps.recordFeedback(record);
  } catch (error) {
    log.error({ err: error }, 'recording feedback failed');
  }
  await callSlack(log, 'response_url (feedback thanks)', () =>
    respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: helpful
        ? 'Thanks for the 👍 — noted.'
        : 'Thanks for the 👎 — noted; it helps improve the answers.',
    }),
  );
}

async function suggestion({
  body,
  clicked,
  respond,
  client,
  log,
  deps,
}: ActionArgs): Promise<void> {
  const term = readUserText(clicked.value ?? '').slice(0, 200);
  if (term === '') {
    log.warn('ignoring a suggestion button without a term');
    return;
  }
  const reply = replyToClick(body, { kind: 'define', term }, deps);
  if (containerField(body, 'is_ephemeral') === true) {
    // The asker's private "did you mean" becomes the card, still private and shareable.
    const message = renderChatReply(reply, { privateToAsker: true });
    await callSlack(log, 'response_url (suggestion)', () =>
      respond({
        response_type: 'ephemeral',
        replace_original: true,
        text: message.text,
        blocks: message.blocks,
      }),
    );
    return;
  }
  const channel = channelOf(body);
  if (!channel || !body.message) {
    log.warn('ignoring a suggestion button outside a message');
    return;
  }
  const threadTs =
    typeof body.message.thread_ts === 'string' ? body.message.thread_ts : body.message.ts;
  if (
    await postReply(
      client,
      log,
      { channel, threadTs, user: body.user.id },
      renderChatReply(reply, { privateToAsker: false }),
    )
  ) {
    deps.state.botThreads.add(`${channel}:${threadTs}`);
  }
}

async function termPicked({ body, clicked, client, log, deps }: ActionArgs): Promise<void> {
  const term = readUserText(clicked.value ?? '').slice(0, 200);
  if (!body.view || term === '') {
    log.warn('ignoring a term picker action without a view or a term');
    return;
  }
  const view = renderDefineModal(answerOf(replyToClick(body, { kind: 'define', term }, deps)));
  await callSlack(log, 'views.update', () =>
    client.views.update({ view_id: body.view?.id ?? '', hash: body.view?.hash ?? '', view }),
  );
}

/** Registers the single block-action listener. */
export function registerActions(app: App, deps: SlackHandlerDeps): void {
  app.action<BlockAction>({ type: 'block_actions' }, async ({ ack, body, respond, client }) => {
    await ack();
    const clicked = clickedOf(body);
    const log = requestLogger(deps, channelOf(body), { actionId: clicked?.actionId.slice(0, 100) });
    if (!clicked) {
      log.warn('ignoring a block action without actions');
      return;
    }
    const args: ActionArgs = { body, clicked, respond, client, log, deps };
    const id = clicked.actionId;
    if (id === ACTION.share) await share(args);
    else if (id === ACTION.feedbackUp) await feedback(args, true);
    else if (id === ACTION.feedbackDown) await feedback(args, false);
    else if (/^stevedore_define_\d{1,2}$/.test(id)) await suggestion(args);
    else if (id === ACTION.termPicker) await termPicked(args);
    else log.warn('ignoring a click on an action Stevedore does not know');
  });
}
