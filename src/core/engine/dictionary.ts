import { createRequire } from 'node:module';

/**
 * English words (an-array-of-english-words, ~275,000 words, MIT), so that spelling correction
 * leaves real words alone: "weather" is not a misspelling of "whether", nor "device" of "veth".
 * Loaded on first use (about 150 ms and 20 MB): a one-off `define` by exact name never needs it.
 */
let words: ReadonlySet<string> | undefined;

function englishWords(): ReadonlySet<string> {
  words ??= new Set(
    createRequire(import.meta.url)('an-array-of-english-words') as readonly string[],
  );
  return words;
}

/** True for a word of the English dictionary, in any of its common inflections. */
export function isEnglishWord(word: string): boolean {
  const dictionary = englishWords();
  if (dictionary.has(word)) return true;
  // The list has most inflections; these cover the rest ("containers'", "kubelets").
  for (const suffix of ['s', 'es', 'ed', 'ing', "'s"]) {
    if (word.endsWith(suffix) && dictionary.has(word.slice(0, -suffix.length))) return true;
  }
  return false;
}

/** Loads the word list now rather than on the first misspelling (for long-running bots). */
export function warmDictionary(): void {
  englishWords();
}
