/**
 * Slash commands: `/define <term>` and `/ask <question>` (`/termofday` has its own module). The
 * reply is the acknowledgement itself (the core answers in milliseconds), so Slack's 3-second limit
 * is always met, and it is ephemeral with a "Share in channel" button.
 */
import type { App } from '@slack/bolt';
import { type AnswerSource, COMMAND_TERM_OF_DAY } from './action-ids.js';
import { requestLogger, type SlackHandlerDeps } from './handler-deps.js';
import { escapeMrkdwn } from './mrkdwn.js';
import {
  renderAnswer,
  renderHelp,
  renderNotice,
  renderUsage,
  type SlackMessage,
} from './render-answer.js';
import { echoUserText, readUserText } from './user-text.js';

const COMMANDS: ReadonlyMap<string, AnswerSource> = new Map([
  ['/define', 'define'],
  ['/ask', 'ask'],
]);

/** The ephemeral reply to a slash command; pure, so it is tested without Slack. */
export function replyToCommand(
  command: string,
  text: string,
  deps: SlackHandlerDeps,
): SlackMessage {
  const source = COMMANDS.get(command);
  if (source === undefined) {
    return renderNotice(
      `I do not know the command ${escapeMrkdwn(command.slice(0, 50))}. Try \`/define &lt;term&gt;\` or \`/ask &lt;question&gt;\`.`,
    );
  }
  const plain = readUserText(text);
  if (plain === '') return renderUsage(source);
  if (source === 'ask' && /^help[.!?]*$/i.test(plain)) return renderHelp();
  const answer = source === 'define' ? deps.engine.define(plain) : deps.engine.ask(plain);
  return renderAnswer(answer, {
    share: source,
    context: [`/${source} ${echoUserText(plain)}`],
  });
}

/** Every command but `/termofday` (Bolt runs every matching listener, and each must ack once). */
const NOT_TERM_OF_DAY = new RegExp(`^(?!${COMMAND_TERM_OF_DAY}$)`);

/**
 * Registers one listener for every slash command except `/termofday` (see handle-term-of-day.ts),
 * so none is left unacknowledged.
 */
export function registerCommands(app: App, deps: SlackHandlerDeps): void {
  app.command(NOT_TERM_OF_DAY, async ({ command, ack }) => {
    const log = requestLogger(deps, command.channel_id, { command: command.command });
    let reply: SlackMessage;
    try {
      reply = replyToCommand(command.command, command.text ?? '', deps);
    } catch (error) {
      log.error({ err: error }, 'answering a slash command failed');
      reply = renderNotice('Sorry, something went wrong while answering that. Please try again.');
    }
    await ack({ response_type: 'ephemeral', text: reply.text, blocks: reply.blocks });
    log.info({ user: command.user_id }, 'answered a slash command');
  });
}
