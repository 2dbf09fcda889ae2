/**
 * The "Define a term" modal: a term picker (an external select fed by the core's `suggest()`),
 * and, once a term is chosen, its card below the picker.
 */
import type { types } from '@slack/bolt';
import type { Answer, EntryRef } from '../../core/types.js';
import { ACTION, BLOCK_TERM_PICKER, MODAL_DEFINE } from './action-ids.js';
import { LIMITS } from './limits.js';
import { stripControl, truncatePlain } from './mrkdwn.js';
import { renderAnswer } from './render-answer.js';

/** The modal view; with `answer`, the chosen term's card is shown under the picker. */
export function renderDefineModal(answer?: Answer): types.ModalView {
  const blocks: types.KnownBlock[] = [
    {
      type: 'actions',
      block_id: BLOCK_TERM_PICKER,
      elements: [
        {
          type: 'external_select',
          action_id: ACTION.termPicker,
          placeholder: { type: 'plain_text', text: 'Start typing a term…' },
          min_query_length: 1,
        },
      ],
    },
  ];
  if (answer) {
    blocks.push({ type: 'divider' });
    const card = renderAnswer(answer, {
      interactive: false,
      maxBlocks: LIMITS.modalBlocks - blocks.length,
    });
    blocks.push(...card.blocks);
  } else {
    blocks.push({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: 'Type a few letters: close spellings are suggested too.' },
      ],
    });
  }
  return {
    type: 'modal',
    callback_id: MODAL_DEFINE,
    title: { type: 'plain_text', text: 'Define a term' },
    close: { type: 'plain_text', text: 'Close' },
    blocks,
  };
}

/** Suggestions of the core as options of the external select (label: title, value: title). */
export function renderTermOptions(refs: readonly EntryRef[]): types.PlainTextOption[] {
  return refs.slice(0, LIMITS.options).map((ref) => {
    const title = stripControl(ref.title);
    return {
      text: { type: 'plain_text', text: truncatePlain(title, LIMITS.optionText) },
      value: title.slice(0, LIMITS.optionValue),
    };
  });
}
