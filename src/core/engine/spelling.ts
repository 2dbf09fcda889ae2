import { isEnglishWord } from './dictionary.js';
import { MAX_SPELLING_TYPOS, type SearchIndex } from './search-index.js';

/** Words shorter than this are never spelling-corrected: too many real words are that short. */
const MIN_CORRECTABLE_LENGTH = 4;
/**
 * Words up to this long may carry one typo, longer ones two: at five letters or fewer a second
 * edit reaches too many other words. Set with the spelling correction (commit 499f516).
 */
const ONE_TYPO_UP_TO_LENGTH = 5;
/**
 * How many of the spelling index's fuzzy hits are measured exactly: its hits come best first, and
 * the nearest one or two decide (a tie is no correction). Set with the correction (499f516).
 */
const SPELLING_HITS_MEASURED = 10;

/**
 * Edit distance with swaps of neighbours counted as one typo ("kubernetse", "heluim"), with a
 * cut-off: distances above `max` are reported as `max + 1`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    beforePrevious = previous;
    previous = current;
  }
  return Math.min(previous[b.length] ?? max + 1, max + 1);
}

/** The typos a word of this length may carry and still be corrected: 1 up to 5 letters, else 2. */
export function allowedTypos(word: string): number {
  return word.length <= ONE_TYPO_UP_TO_LENGTH ? 1 : MAX_SPELLING_TYPOS;
}

/**
 * Replaces misspelt words by the one nearest word of a name. A word is only a misspelling when
 * it is neither in the knowledge nor an English word ("device" is never corrected to "veth"),
 * and only when one name word is nearest (a tie is no correction).
 */
export function correctSpelling(
  index: SearchIndex,
  terms: readonly string[],
): { terms: string[]; corrected: boolean } {
  const { vocabulary, spelling } = index;
  let corrected = false;
  const out = terms.map((term) => {
    if (vocabulary.has(term) || term.length < MIN_CORRECTABLE_LENGTH || /\d/.test(term)) {
      return term;
    }
    if (isEnglishWord(term)) return term;
    // The term may be the stem of what was typed: "ingres" was stemmed to "ingre", two edits
    // from "ingress" where the typed word is one. Both forms are tried; the closer one counts.
    const forms = term.endsWith('s') ? [term] : [term, `${term}s`];
    const nearest = new Map<string, number>();
    for (const form of forms) {
      const typos = allowedTypos(form);
      for (const hit of spelling
        .search(form, { fuzzy: typos, prefix: false })
        .slice(0, SPELLING_HITS_MEASURED)) {
        const distance = editDistance(form, hit.id, typos);
        const word = hit.id as string;
        if (distance <= typos && distance < (nearest.get(word) ?? Number.POSITIVE_INFINITY)) {
          nearest.set(word, distance);
        }
      }
    }
    const near = [...nearest]
      .map(([word, distance]) => ({ word, distance }))
      .sort((a, b) => a.distance - b.distance);
    const [best, next] = near;
    if (!best || (next && next.distance === best.distance)) return term;
    corrected = true;
    return best.word;
  });
  return { terms: out, corrected };
}
