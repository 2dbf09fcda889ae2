import { type APIButtonComponent, ButtonStyle, ComponentType } from 'discord.js';
import type { Answer, Citation, EntryRef } from '../../core/types.js';
import { defineId, feedbackId, SHARE_ID } from './custom-ids.js';
import type { ButtonRow } from './discord-message.js';
import { isLinkable } from './embed-text.js';
import { LIMITS, truncate } from './limits.js';
import { plainLabel } from './neutralise.js';

/** Link buttons to the top sources, under the answer. */
const SOURCE_BUTTONS = 3;
/** "Did you mean" buttons (one row). */
const SUGGESTION_BUTTONS = LIMITS.buttonsPerRow;

/** Which buttons to put under an answer besides its sources. */
export interface ActionButtonOptions {
  /** A Share button: for ephemeral replies, so the asker can post the answer for everyone. */
  readonly share: boolean;
  /** 👍 / 👎 buttons. */
  readonly feedback: boolean;
}

/** Buttons in action rows of five, at most five rows (Discord's limits). */
export function buttonRows(buttons: readonly APIButtonComponent[]): ButtonRow[] {
  const rows: ButtonRow[] = [];
  for (let i = 0; i < buttons.length && rows.length < LIMITS.rows; i += LIMITS.buttonsPerRow) {
    rows.push({
      type: ComponentType.ActionRow,
      components: buttons.slice(i, i + LIMITS.buttonsPerRow),
    });
  }
  return rows;
}

/** One button per entry (at most one row) that answers `define <entry>` on click. */
export function defineButtons(refs: readonly EntryRef[]): APIButtonComponent[] {
  return refs
    .filter((ref) => defineId(ref.id).length <= LIMITS.customId)
    .slice(0, SUGGESTION_BUTTONS)
    .map((ref) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: truncate(plainLabel(ref.title), LIMITS.buttonLabel) || ref.id,
      custom_id: defineId(ref.id),
    }));
}

/** Link buttons to the first few distinct sources Discord can open. */
export function sourceButtons(citations: readonly Citation[]): APIButtonComponent[] {
  return citations
    .filter((c): c is Citation & { url: string } => isLinkable(c.url))
    .filter((c, i, all) => all.findIndex((other) => other.url === c.url) === i)
    .slice(0, SOURCE_BUTTONS)
    .map((c) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Link,
      label: truncate(plainLabel(`[${c.n}] ${c.title}`), LIMITS.buttonLabel),
      url: c.url,
    }));
}

/** 👍 / 👎 and Share, as asked for. */
export function actionButtons(answer: Answer, options: ActionButtonOptions): APIButtonComponent[] {
  const buttons: APIButtonComponent[] = [];
  if (options.feedback) {
    const entryId = answer.kind === 'answer' ? answer.entry.id : null;
    buttons.push(
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        emoji: { name: '👍' },
        label: 'Helpful',
        custom_id: feedbackId(true, entryId, answer.query),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        emoji: { name: '👎' },
        label: 'Not helpful',
        custom_id: feedbackId(false, entryId, answer.query),
      },
    );
  }
  if (options.share) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: 'Share',
      custom_id: SHARE_ID,
    });
  }
  return buttons;
}
