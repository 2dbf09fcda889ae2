/**
 * The ids Stevedore puts on its Block Kit elements, and the values its buttons carry. Values come
 * back from Slack in signed payloads, but are still parsed as untrusted input.
 */
import * as v from 'valibot';
import { MAX_MESSAGE_LENGTH } from '../../core/chat/limits.js';
import type { AnswerCommand } from '../../core/chat/reply-to-chat.js';

export const ACTION = {
  /** "Share in channel" on an ephemeral slash-command reply. */
  share: 'stevedore_share',
  feedbackUp: 'stevedore_feedback_up',
  feedbackDown: 'stevedore_feedback_down',
  /** A "did you mean" button; a numeric suffix keeps ids unique within their block. */
  definePrefix: 'stevedore_define_',
  /** The external select of the "Define a term" modal. */
  termPicker: 'stevedore_term_picker',
} as const;

/** The term-of-day slash command declared in `slack/manifest.yaml`. */
export const COMMAND_TERM_OF_DAY = '/termofday';

/** Callback id of the global shortcut declared in `slack/manifest.yaml`. */
export const SHORTCUT_DEFINE = 'stevedore_define_term';
/** Callback id of the "Define a term" modal. */
export const MODAL_DEFINE = 'stevedore_define_modal';
/** Block id of the actions block holding the modal's term picker. */
export const BLOCK_TERM_PICKER = 'stevedore_term_picker_block';

/** Slack's limit for a button's value. */
const MAX_VALUE = 2_000;
/** Queries carried by buttons are cut to this; the core reads at most 500 characters anyway. */
const MAX_CARRIED_QUERY = 500;

/** What the Share button carries: the question, asked again when the answer is shared. */
export interface ShareValue {
  /** Which command produced the answer, so the click asks the core the same question again. */
  readonly source: AnswerCommand;
  readonly query: string;
}

/** What 👍 / 👎 carry: the entry answered (null for "no answer") and the question. */
export interface FeedbackValue {
  readonly entryId: string | null;
  readonly query: string;
}

const shareSchema = v.object({
  s: v.picklist(['define', 'ask']),
  q: v.pipe(v.string(), v.maxLength(MAX_MESSAGE_LENGTH)),
});

const feedbackSchema = v.object({
  e: v.nullable(v.pipe(v.string(), v.maxLength(200))),
  q: v.pipe(v.string(), v.maxLength(MAX_MESSAGE_LENGTH)),
});

export function encodeShare(value: ShareValue): string {
  return JSON.stringify({ s: value.source, q: value.query.slice(0, MAX_CARRIED_QUERY) });
}

export function encodeFeedback(value: FeedbackValue): string {
  const encoded = JSON.stringify({ e: value.entryId, q: value.query.slice(0, MAX_CARRIED_QUERY) });
  // JSON escapes can lengthen a query; never produce a value Slack would refuse.
  return encoded.length <= MAX_VALUE
    ? encoded
    : JSON.stringify({ e: value.entryId, q: value.query.slice(0, 100) });
}

function parseJson(value: string | undefined): unknown {
  if (value === undefined || value.length > MAX_VALUE) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** The Share button's value, or undefined when it is not one Stevedore made. */
export function decodeShare(value: string | undefined): ShareValue | undefined {
  const parsed = v.safeParse(shareSchema, parseJson(value));
  return parsed.success ? { source: parsed.output.s, query: parsed.output.q } : undefined;
}

/** A feedback button's value, or undefined when it is not one Stevedore made. */
export function decodeFeedback(value: string | undefined): FeedbackValue | undefined {
  const parsed = v.safeParse(feedbackSchema, parseJson(value));
  return parsed.success ? { entryId: parsed.output.e, query: parsed.output.q } : undefined;
}
