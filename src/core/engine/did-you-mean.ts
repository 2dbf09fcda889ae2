import type { Entry } from '../types.js';
import { isEnglishWord } from './dictionary.js';
import type { SearchIndex } from './search-index.js';
import { fitsTools, type NamedTools } from './tool-detection.js';

/**
 * A word counts as meaningful for "did you mean" when its rarity weight is at least this share
 * of the rarest possible word's (a word in one entry). 0.35 keeps words in up to ~10% of the
 * shipped entries ("volume", "pod") and drops ones in most of them ("container").
 */
const MEANINGFUL_WEIGHT_SHARE = 0.35;
/**
 * A meaningful word also finds the names it starts only from this many letters: a shorter one
 * ("pod") starts too many names ("podman…"). Chosen by hand with the suggestions (499f516).
 */
const MIN_SUGGESTION_PREFIX_LENGTH = 5;
const NAME_FIELDS = ['title', 'aliases', 'tasks', 'command'];
/** Fragments are looked up in what an entry is called, not in the jobs it is for. */
const FRAGMENT_FIELDS = ['title', 'aliases', 'command'];

/**
 * "Did you mean": entries whose names or task phrases share a meaningful word with the
 * question's (already corrected) terms, or a close spelling of one, best first. A word found in
 * most entries ("container") or an English word the knowledge never uses ("weather") is not
 * meaningful, so an off-topic question gets no suggestions.
 */
export function didYouMean(
  index: SearchIndex,
  terms: readonly string[],
  tools: NamedTools,
  limit: number,
  exclude?: string,
): Entry[] {
  const knows = (term: string) => index.vocabulary.has(term);
  const ceiling = Math.log(1 + index.size);
  const meaningful = terms.filter(
    (term) => knows(term) && index.weightOf(term) >= ceiling * MEANINGFUL_WEIGHT_SHARE,
  );
  // A fragment of a name ("kry", "kubel") is a close spelling too: it finds names it starts.
  const fragments = terms.filter((term) => !knows(term) && !isEnglishWord(term));
  if (meaningful.length === 0 && fragments.length === 0) return [];
  const found = [
    ...(meaningful.length > 0
      ? index.fullText.search(meaningful.join(' '), {
          fields: NAME_FIELDS,
          prefix: (term) => term.length >= MIN_SUGGESTION_PREFIX_LENGTH,
          fuzzy: false,
        })
      : []),
    ...(fragments.length > 0
      ? index.fullText.search(fragments.join(' '), {
          fields: FRAGMENT_FIELDS,
          prefix: true,
          fuzzy: false,
        })
      : []),
  ];
  const seen = new Set<string>();
  const out: Entry[] = [];
  for (const result of found) {
    const entry = index.entriesById.get(result.id as string);
    if (!entry || entry.id === exclude || seen.has(entry.id) || !fitsTools(entry, tools)) continue;
    seen.add(entry.id);
    out.push(entry);
    if (out.length >= limit) break;
  }
  return out;
}
