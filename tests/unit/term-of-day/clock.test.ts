import { describe, expect, it } from 'vitest';
import {
  addDays,
  canonicalTimeZone,
  localClock,
  zonedInstant,
} from '../../../src/term-of-day/clock.js';

describe('localClock', () => {
  it('reads the wall clock of a zone, across midnight', () => {
    const instant = new Date('2026-11-28T23:30:00Z');
    expect(localClock(instant, 'UTC')).toEqual({ date: '2026-11-28', time: '23:30' });
    expect(localClock(instant, 'Europe/Berlin')).toEqual({ date: '2026-11-29', time: '00:30' });
    expect(localClock(instant, 'America/Los_Angeles')).toEqual({
      date: '2026-11-28',
      time: '15:30',
    });
    expect(localClock(instant, 'Asia/Kolkata')).toEqual({ date: '2026-11-29', time: '05:00' });
  });
});

describe('zonedInstant', () => {
  it('keeps 09:00 in Europe/Berlin at 09:00 local across the spring change', () => {
    expect(zonedInstant('2026-03-28', '09:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-28T08:00:00.000Z',
    );
    expect(zonedInstant('2026-03-29', '09:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T07:00:00.000Z',
    );
  });

  it('moves a time that does not exist on the change day to the next valid minute', () => {
    // Clocks jump from 02:00 to 03:00 on 29 March 2026 in Berlin, and at 02:00 on 8 March in New York.
    expect(zonedInstant('2026-03-29', '02:30', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    expect(zonedInstant('2026-03-08', '02:15', 'America/New_York').toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    );
  });

  it('takes the first of a time that happens twice on the fall-back day', () => {
    expect(zonedInstant('2026-10-25', '02:30', 'Europe/Berlin').toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(zonedInstant('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('handles zones ahead of UTC by more than half a day', () => {
    expect(zonedInstant('2026-11-28', '23:59', 'Pacific/Kiritimati').toISOString()).toBe(
      '2026-11-28T09:59:00.000Z',
    );
  });
});

describe('helpers', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('spells zones as IANA does and rejects unknown ones', () => {
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('Mars/Olympus')).toBeUndefined();
    expect(canonicalTimeZone('<script>')).toBeUndefined();
  });
});
