import type { Entry } from '../types.js';

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` calendar date, or undefined if it is not a real date. */
export function dayNumber(date: string): number | undefined {
  const match = DATE_PATTERN.exec(date);
  if (!match) return undefined;
  const [, y, m, d] = match;
  const time = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const check = new Date(time);
  if (
    check.getUTCFullYear() !== Number(y) ||
    check.getUTCMonth() !== Number(m) - 1 ||
    check.getUTCDate() !== Number(d)
  ) {
    return undefined;
  }
  return Math.floor(time / DAY_MS);
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same order on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Picks the term of a day. Days are grouped in cycles as long as the glossary; each cycle is a
 * shuffle of all terms (seeded by the cycle number), so every term has its day before any repeats
 * and the choice depends on nothing but the date and the glossary.
 */
export function pickTermOfDay<T extends Entry>(terms: readonly T[], day: number): T {
  if (terms.length === 0) throw new Error('pickTermOfDay: the glossary has no terms');
  const sorted = [...terms].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = sorted.length;
  const cycle = Math.floor(day / n);
  const position = day - cycle * n;
  const next = random(cycle * 2654435761);
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    const a = sorted[i] as T;
    sorted[i] = sorted[j] as T;
    sorted[j] = a;
  }
  return sorted[position] as T;
}
