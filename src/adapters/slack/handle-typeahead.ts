/**
 * Typeahead: the "Define a term" shortcut opens a modal whose term picker is an external select;
 * Slack asks for its options as the user types, and the core's `suggest()` provides them.
 * Unknown shortcuts, option requests and view submissions are acknowledged and logged.
 */
import type { App } from '@slack/bolt';
import { suggestTerms } from '../../core/chat/reply-to-chat.js';
import { ACTION, SHORTCUT_DEFINE } from './action-ids.js';
import { requestLogger, type SlackHandlerDeps } from './handler-deps.js';
import { renderDefineModal, renderTermOptions } from './render-modal.js';
import { callSlack } from './slack-errors.js';
import { readUserText } from './user-text.js';

export function registerTypeahead(app: App, deps: SlackHandlerDeps): void {
  app.shortcut(/.*/, async ({ shortcut, ack, client }) => {
    await ack();
    const log = requestLogger(deps, undefined, { shortcut: shortcut.callback_id.slice(0, 100) });
    if (shortcut.callback_id !== SHORTCUT_DEFINE) {
      log.warn('ignoring a shortcut Stevedore does not know');
      return;
    }
    const opened = await callSlack(log, 'views.open', () =>
      client.views.open({ trigger_id: shortcut.trigger_id, view: renderDefineModal() }),
    );
    if (opened.ok) log.info({ user: shortcut.user.id }, 'opened the define modal');
  });

  app.options(/.*/, async ({ options, ack }) => {
    if (options.action_id !== ACTION.termPicker) {
      requestLogger(deps, undefined).warn(
        { actionId: String(options.action_id).slice(0, 100) },
        'answering an options request Stevedore does not know with no options',
      );
      await ack({ options: [] });
      return;
    }
    const typed = readUserText(options.value ?? '');
    await ack({ options: renderTermOptions(suggestTerms(typed, deps.engine)) });
  });

  // The modal has no submit button; anything submitted is acknowledged so Slack closes it.
  app.view({ callback_id: /.*/, type: 'view_submission' }, async ({ ack, view }) => {
    requestLogger(deps, undefined).info(
      { callbackId: view.callback_id.slice(0, 100) },
      'view submitted',
    );
    await ack();
  });
}
