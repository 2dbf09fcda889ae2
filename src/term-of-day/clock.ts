/**
 * Wall-clock arithmetic in IANA time zones, done with the platform's Intl data so that daylight
 * saving time is handled by the same tables the operating system uses.
 */

/** A local calendar date and 24-hour time, as a clock on the wall of that zone shows them. */
export interface LocalClock {
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** `HH:MM`, 00:00 to 23:59 */
  readonly time: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A date formatter per locale, zone and options, made once: building one costs far more than
 * using it, and the scheduler formats the clock of every subscribed zone every minute.
 */
export function cachedFormatter(
  locale: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, format);
  }
  return format;
}

const CLOCK_FORMAT: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

function formatter(timeZone: string): Intl.DateTimeFormat {
  return cachedFormatter('en-CA', timeZone, CLOCK_FORMAT);
}

/** The wall clock of `timeZone` at an instant. */
export function localClock(instant: Date, timeZone: string): LocalClock {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** The zone's name as IANA spells it (`europe/berlin` → `Europe/Berlin`), or undefined if unknown. */
export function canonicalTimeZone(zone: string): string | undefined {
  if (!/^[A-Za-z0-9_+\-/]{1,64}$/.test(zone)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** `YYYY-MM-DD` plus `days`. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

const MINUTE = 60_000;

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const { date, time } = localClock(new Date(instant), timeZone);
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const asUtc = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  return asUtc - Math.floor(instant / MINUTE) * MINUTE;
}

/**
 * The first instant at which the zone's wall clock shows `date` and a time at or after `time`.
 * Usually that is exactly `time`; on a spring-forward day when `time` does not exist, it is the
 * first valid minute after the gap (02:30 in Europe/Berlin on the change day → 03:00). On a
 * fall-back day when `time` happens twice, it is the first of the two.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  // Try both offsets around the target; the earliest candidate that shows the right wall time wins.
  const candidates = [
    offsetAt(wall - 86_400_000, timeZone),
    offsetAt(wall + 86_400_000, timeZone),
    offsetAt(wall, timeZone),
  ]
    .map((offset) => wall - offset)
    .sort((a, b) => a - b);
  for (const candidate of candidates) {
    const clock = localClock(new Date(candidate), timeZone);
    if (clock.date === date && clock.time === time) return new Date(candidate);
  }
  // The time falls in a gap: walk forward from before the gap to the first minute past it.
  let t = (candidates[0] ?? wall) - 3 * 60 * MINUTE;
  for (let i = 0; i < 6 * 60; i += 1, t += MINUTE) {
    const clock = localClock(new Date(t), timeZone);
    if (clock.date === date && clock.time >= time) return new Date(t);
  }
  return new Date(wall);
}
