import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError, usage } from '../../../src/cli/parse-command-line.js';

describe('parseCommandLine', () => {
  it('reads a command, its words and its options in any order', () => {
    expect(
      parseCommandLine(['define', '--json', 'hyper-v', 'isolation', '--knowledge', 'kb']),
    ).toEqual({
      kind: 'run',
      command: 'define',
      words: ['hyper-v', 'isolation'],
      options: { json: true, knowledge: 'kb' },
    });
    expect(parseCommandLine(['search', 'pod', '--limit=3'])).toMatchObject({
      options: { limit: '3' },
    });
    expect(parseCommandLine(['discord', 'register'])).toMatchObject({
      command: 'discord register',
    });
  });

  it('answers --help for the program and for each command', () => {
    expect(parseCommandLine(['--help'])).toEqual({ kind: 'help', text: usage() });
    expect(parseCommandLine(['today', '-h'])).toEqual({ kind: 'help', text: usage('today') });
    expect(usage('today')).toContain('--date <YYYY-MM-DD>');
  });

  it.each([
    [[], /missing command/, undefined],
    [['frobnicate'], /unknown command "frobnicate"/, undefined],
    [['define', '--colour'], /Unknown option '--colour'/, 'define'],
    [['validate', 'extra'], /Unexpected argument 'extra'/, 'validate'],
    [['today', '--date'], /argument missing/, 'today'],
    [['discord', 'unregister'], /unknown command "discord unregister"/, undefined],
  ])('rejects %j', (argv, message, command) => {
    try {
      parseCommandLine(argv);
      expect.unreachable('expected a UsageError');
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).toMatch(message);
      expect((error as UsageError).command).toBe(command);
    }
  });
});
