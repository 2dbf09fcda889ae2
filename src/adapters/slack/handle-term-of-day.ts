/**
 * `/termofday [subscribe [HH:MM] [Area/City] | unsubscribe | status | now | help]`. The core's
 * service does the work; this module reads the command, says who may manage the channel (via
 * `users.info` and the configured allowlist) and renders the reply.
 *
 * Acknowledgement: replies that need no Slack call are the acknowledgement itself. Subscribe and
 * unsubscribe may ask Slack who the user is, so they are acknowledged first (Slack wants an answer
 * within 3 seconds) and answered through the response URL.
 */
import type { App, SlashCommand } from '@slack/bolt';
import { MAX_MESSAGE_LENGTH } from '../../core/chat/limits.js';
import type { Logger } from '../../logging/create-logger.js';
import { parseTermOfDayCommand, type TermOfDayCommand } from '../../term-of-day/parse-command.js';
import type { TermOfDayRequest } from '../../term-of-day/term-of-day-commands.js';
import { COMMAND_TERM_OF_DAY } from './action-ids.js';
import { checkManager, type ManagerCheck, managerCheckFailedMessage } from './check-manager.js';
import { requestLogger, type SlackHandlerDeps } from './handler-deps.js';
import { stripControl } from './mrkdwn.js';
import { renderTermOfDayReply, type SlackCommandResponse } from './render-term-of-day.js';
import { callSlack } from './slack-errors.js';

/** Slack ids of channels (`C…`, `G…`, `D…`) and workspaces (`T…`), as far as they are trusted. */
const SLACK_ID = /^[A-Z0-9]{2,64}$/;

/**
 * The command's words as typed: bounded, control characters removed, Slack's `&lt;` `&gt;` `&amp;`
 * decoded. Mentions such as `<!channel>` stay as typed, so the parser names them as what is wrong
 * (and never shows the `<` `>` that would make them markup).
 */
export function readCommandArgs(text: string): string {
  return stripControl(text.slice(0, MAX_MESSAGE_LENGTH))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function refusal(markdown: string): SlackCommandResponse {
  return renderTermOfDayReply({ kind: 'notice', markdown, ok: false });
}

/** Runs one `/termofday` command through the service; never throws. */
async function answer(
  command: SlashCommand,
  parsed: TermOfDayCommand,
  log: Logger,
  deps: SlackHandlerDeps,
): Promise<SlackCommandResponse> {
  const userId = command.user_id;
  if (!SLACK_ID.test(command.channel_id ?? '')) {
    log.warn('a /termofday command without a usable channel id');
    return refusal(
      'Sorry, I cannot tell which channel this is. Try again from the channel itself.',
    );
  }
  let check: ManagerCheck | undefined;
  const request: TermOfDayRequest = {
    platform: 'slack',
    channelId: command.channel_id,
    workspaceId: SLACK_ID.test(command.team_id ?? '') ? command.team_id : null,
    userId,
    command: parsed,
    managers: 'workspace admins and owners (or people on the Stevedore managers list)',
    canManage: async () => {
      check = await checkManager(deps.strictClient, log, userId, deps.termOfDayManagers);
      return check.allowed;
    },
  };
  try {
    const reply = await deps.termOfDay.handle(request, deps.now());
    log.info(
      {
        user: userId,
        request: request.command.kind,
        ok: reply.kind !== 'notice' || reply.ok,
        manager: check?.reason,
      },
      'answered /termofday',
    );
    if (check?.reason === 'failed') return refusal(managerCheckFailedMessage(check.failure));
    return renderTermOfDayReply(reply);
  } catch (error) {
    log.error({ err: error, request: request.command.kind }, '/termofday failed');
    return refusal('Sorry, something went wrong with the term of the day. Please try again.');
  }
}

/** Registers `/termofday`. The catch-all of `handle-commands.ts` leaves this command alone. */
export function registerTermOfDay(app: App, deps: SlackHandlerDeps): void {
  app.command(COMMAND_TERM_OF_DAY, async ({ command, ack, respond }) => {
    const log = requestLogger(deps, command.channel_id, { command: COMMAND_TERM_OF_DAY });
    const parsed = parseTermOfDayCommand(readCommandArgs(command.text ?? ''), deps.defaultTimeZone);
    if (parsed.kind !== 'subscribe' && parsed.kind !== 'unsubscribe') {
      await ack(await answer(command, parsed, log, deps));
      return;
    }
    await ack();
    const reply = await answer(command, parsed, log, deps);
    await callSlack(log, 'response_url (termofday)', () => respond({ ...reply }));
  });
}
