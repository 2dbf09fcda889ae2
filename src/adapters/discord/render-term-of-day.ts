import type { FoundAnswer } from '../../core/types.js';
import type { DiscordMessage } from './discord-message.js';
import { type RenderOptions, renderAnswer } from './render-answer.js';

/**
 * The day in words, British order. The parts are joined here rather than taken from `format()`,
 * whose punctuation follows the ICU version: Node 20 writes "Sunday, 29 March 2026", newer ones
 * drop the comma.
 */
const DAY_IN_WORDS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** `2026-11-28` → `Saturday 28 November 2026` (the date as it is, whatever it is if not a date). */
export function longDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(day.getTime())) return date;
  const parts = DAY_IN_WORDS.formatToParts(day);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

/**
 * The term-of-day card: the answer card under a "Term of the day — <date>" header, with one
 * example command at most (the sources have the rest). Posted to subscribed channels and shown
 * by `/termofday now`.
 */
export function renderTermOfDay(
  card: FoundAnswer,
  date: string,
  options: Omit<RenderOptions, 'header'>,
): DiscordMessage {
  return renderAnswer(
    { ...card, commands: card.commands.slice(0, 1) },
    { ...options, header: `Term of the day — ${longDate(date)}` },
  );
}
