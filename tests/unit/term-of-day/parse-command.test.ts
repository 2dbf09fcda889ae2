import { describe, expect, it } from 'vitest';
import { parseTermOfDayCommand } from '../../../src/term-of-day/parse-command.js';

const parse = (text: string) => parseTermOfDayCommand(text, 'UTC');

describe('parseTermOfDayCommand', () => {
  it.each([
    ['', { kind: 'now' }],
    ['now', { kind: 'now' }],
    ['status', { kind: 'status' }],
    ['unsubscribe', { kind: 'unsubscribe' }],
    ['help', { kind: 'help' }],
    ['subscribe', { kind: 'subscribe', time: '09:00', timeZone: 'UTC' }],
    ['subscribe 7:05', { kind: 'subscribe', time: '07:05', timeZone: 'UTC' }],
    [
      'subscribe 17:30 Europe/Berlin',
      { kind: 'subscribe', time: '17:30', timeZone: 'Europe/Berlin' },
    ],
    [
      'subscribe america/new_york 08:15',
      { kind: 'subscribe', time: '08:15', timeZone: 'America/New_York' },
    ],
    ['SUBSCRIBE Asia/Tokyo', { kind: 'subscribe', time: '09:00', timeZone: 'Asia/Tokyo' }],
  ])('reads %j', (text, command) => {
    expect(parse(text)).toEqual(command);
  });

  it('uses the configured default zone', () => {
    expect(parseTermOfDayCommand('subscribe 10:00', 'Europe/Paris')).toEqual({
      kind: 'subscribe',
      time: '10:00',
      timeZone: 'Europe/Paris',
    });
  });

  it.each([
    [
      'subscribe 25:00',
      /"25:00" is not a time of day.*HH:MM.*\/termofday subscribe 09:00 Europe\/Berlin/s,
    ],
    ['subscribe 9am', /"9am" is not a time of day/],
    ['subscribe 09:00 Mars/Olympus', /"Mars\/Olympus" is not a time zone I know.*Europe\/Berlin/s],
    ['subscribe 09:00 UTC extra', /at most a time and a time zone/],
    ['frobnicate', /"frobnicate" is not a \/termofday command/],
    ['status please', /takes no more words/],
  ])('explains what is wrong with %j', (text, message) => {
    const command = parse(text);
    expect(command.kind).toBe('invalid');
    if (command.kind === 'invalid') expect(command.message).toMatch(message);
  });

  it('does not echo markup or huge input back', () => {
    const command = parse(`subscribe 09:00 ${'`<!channel>`'.repeat(100)}`);
    expect(command.kind).toBe('invalid');
    if (command.kind === 'invalid') {
      expect(command.message).not.toContain('<!channel>');
      expect(command.message.length).toBeLessThan(400);
    }
  });
});
