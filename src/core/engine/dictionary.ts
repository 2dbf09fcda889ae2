import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * English words (an-array-of-english-words, ~275,000 words, MIT), so that spelling correction
 * leaves real words alone: "weather" is not a misspelling of "whether", nor "device" of "veth".
 * Loaded on first use: a one-off `define` by exact name never needs it.
 *
 * The words are kept as one sorted string with a table of line offsets, not as 275,000 strings
 * in a Set: one object instead of a quarter of a million keeps garbage collection pauses (and so
 * the answer latency's p99) short in a long-running bot.
 */
interface Dictionary {
  readonly text: string;
  readonly starts: Uint32Array;
}

let dictionary: Dictionary | undefined;

function load(): Dictionary {
  const file = createRequire(import.meta.url).resolve('an-array-of-english-words');
  const words = (JSON.parse(readFileSync(file, 'utf8')) as string[]).sort();
  const text = words.join('\n');
  const starts = new Uint32Array(words.length);
  let offset = 0;
  words.forEach((word, i) => {
    starts[i] = offset;
    offset += word.length + 1;
  });
  return { text, starts };
}

function wordAt(d: Dictionary, i: number): string {
  const start = d.starts[i] ?? 0;
  const end = i + 1 < d.starts.length ? (d.starts[i + 1] ?? 0) - 1 : d.text.length;
  return d.text.slice(start, end);
}

function has(word: string): boolean {
  dictionary ??= load();
  let low = 0;
  let high = dictionary.starts.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = wordAt(dictionary, mid);
    if (at === word) return true;
    if (at < word) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/** True for a word of the English dictionary, in any of its common inflections. */
export function isEnglishWord(word: string): boolean {
  if (has(word)) return true;
  // The list has most inflections; these cover the rest ("containers'", "kubelets").
  for (const suffix of ['s', 'es', 'ed', 'ing', "'s"]) {
    if (word.endsWith(suffix) && has(word.slice(0, -suffix.length))) return true;
  }
  return false;
}

/** Loads the word list now rather than on the first misspelling (for long-running bots). */
export function warmDictionary(): void {
  dictionary ??= load();
}
