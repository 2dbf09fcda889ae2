import { LIMITS } from './limits.js';

/**
 * The custom ids of Stevedore's buttons. Discord stores no state for us, so a button carries what
 * its click needs, within Discord's 100 characters: `sd:share`, `sd:def:<entryId>`,
 * `sd:fb:<1|0>:<entryId>:<query>` (the query is cut to fit).
 */
export type ButtonAction =
  | { readonly kind: 'share' }
  | { readonly kind: 'define'; readonly entryId: string }
  | {
      readonly kind: 'feedback';
      readonly helpful: boolean;
      readonly entryId: string | null;
      readonly query: string;
    };

const PREFIX = 'sd:';
const ENTRY_ID = /^[a-z0-9][a-z0-9-]{0,89}$/;

export const SHARE_ID = `${PREFIX}share`;

/** The id of a button that answers `define <entryId>` on click. */
export function defineId(entryId: string): string {
  return `${PREFIX}def:${entryId}`;
}

/** The id of a 👍 or 👎 button on an answer built from `entryId` (null: no answer). */
export function feedbackId(helpful: boolean, entryId: string | null, query: string): string {
  const head = `${PREFIX}fb:${helpful ? 1 : 0}:${entryId ?? ''}:`;
  return head + query.slice(0, Math.max(0, LIMITS.customId - head.length));
}

/** Reads a custom id; `undefined` for anything Stevedore did not make (or no longer makes). */
export function parseCustomId(customId: string): ButtonAction | undefined {
  if (customId === SHARE_ID) return { kind: 'share' };
  if (customId.startsWith(`${PREFIX}def:`)) {
    const entryId = customId.slice(`${PREFIX}def:`.length);
    return ENTRY_ID.test(entryId) ? { kind: 'define', entryId } : undefined;
  }
  const feedback = /^sd:fb:([01]):([^:]*):(.*)$/s.exec(customId);
  if (feedback) {
    const [, helpful, entryId = '', query = ''] = feedback;
    if (entryId !== '' && !ENTRY_ID.test(entryId)) return undefined;
    return {
      kind: 'feedback',
      helpful: helpful === '1',
      entryId: entryId === '' ? null : entryId,
      query,
    };
  }
  return undefined;
}
