import { canonicalTimeZone } from './clock.js';

/** What `/termofday …` asks for, on every platform. */
export type TermOfDayCommand =
  | { readonly kind: 'subscribe'; readonly time: string; readonly timeZone: string }
  | { readonly kind: 'unsubscribe' }
  | { readonly kind: 'status' }
  | { readonly kind: 'now' }
  | { readonly kind: 'help' }
  /** The input could not be read; `message` says what was wrong and shows an example. */
  | { readonly kind: 'invalid'; readonly message: string };

export const DEFAULT_POST_TIME = '09:00';

export const TERM_OF_DAY_USAGE = [
  '`/termofday subscribe [HH:MM] [Area/City]` — post the term of the day in this channel every day (e.g. `/termofday subscribe 09:00 Europe/Berlin`)',
  '`/termofday unsubscribe` — stop posting here',
  "`/termofday status` — this channel's schedule and next post",
  "`/termofday now` — today's term, just for you",
].join('\n');

const EXAMPLE = 'for example `/termofday subscribe 09:00 Europe/Berlin`';

/** Reads `HH:MM` (or `H:MM`) on the 24-hour clock; undefined if it is not a time. */
export function parseClockTime(text: string): string | undefined {
  const match = /^([01]?\d|2[0-3])[:.h]([0-5]\d)$/.exec(text.trim());
  if (!match) return undefined;
  return `${(match[1] ?? '').padStart(2, '0')}:${match[2]}`;
}

/**
 * Validates a subscription's time and zone, each optional (defaults apply), with messages that
 * name the problem and give an example. Discord passes them as options, Slack and the shell as text.
 */
export function parseSchedule(
  time: string | undefined,
  zone: string | undefined,
  defaultTimeZone: string,
): TermOfDayCommand {
  const clock = time === undefined || time.trim() === '' ? DEFAULT_POST_TIME : parseClockTime(time);
  if (!clock) {
    return {
      kind: 'invalid',
      message: `"${printable(time ?? '')}" is not a time of day. Use the 24-hour clock, HH:MM — ${EXAMPLE}.`,
    };
  }
  const timeZone =
    zone === undefined || zone.trim() === '' ? defaultTimeZone : canonicalTimeZone(zone.trim());
  if (!timeZone) {
    return {
      kind: 'invalid',
      message: `"${printable(zone ?? '')}" is not a time zone I know. Use an IANA name such as Europe/Berlin, America/New_York, Asia/Tokyo or UTC — ${EXAMPLE}.`,
    };
  }
  return { kind: 'subscribe', time: clock, timeZone };
}

/** Shows at most 40 characters of what the user typed, without backticks that would break markup. */
function printable(text: string): string {
  const clean = text
    .replace(/[`*_~<>|\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

/** Reads the text after `/termofday`. Time and zone may come in either order. */
export function parseTermOfDayCommand(text: string, defaultTimeZone: string): TermOfDayCommand {
  const [verb = '', ...rest] = text.trim().split(/\s+/).filter(Boolean);
  switch (verb.toLowerCase()) {
    case '':
    case 'now':
    case 'today':
      return rest.length === 0 ? { kind: 'now' } : invalidExtra(verb);
    case 'status':
      return rest.length === 0 ? { kind: 'status' } : invalidExtra(verb);
    case 'unsubscribe':
    case 'stop':
      return rest.length === 0 ? { kind: 'unsubscribe' } : invalidExtra(verb);
    case 'help':
      return { kind: 'help' };
    case 'subscribe':
    case 'start': {
      if (rest.length > 2) {
        return {
          kind: 'invalid',
          message: `subscribe takes at most a time and a time zone — ${EXAMPLE}.`,
        };
      }
      const time = rest.find((word) => /^\d/.test(word));
      const zone = rest.find((word) => word !== time);
      return parseSchedule(time, zone, defaultTimeZone);
    }
    default:
      return {
        kind: 'invalid',
        message: `"${printable(verb)}" is not a /termofday command. Use one of:\n${TERM_OF_DAY_USAGE}`,
      };
  }
}

function invalidExtra(verb: string): TermOfDayCommand {
  return {
    kind: 'invalid',
    message: `\`/termofday ${printable(verb)}\` takes no more words.\n${TERM_OF_DAY_USAGE}`,
  };
}
