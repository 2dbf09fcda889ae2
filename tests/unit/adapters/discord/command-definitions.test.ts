import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../../src/adapters/discord/command-definitions.js';
import { diffCommands } from '../../../../src/adapters/discord/register-commands.js';

describe('command definitions', () => {
  it('are valid for Discord: lower-case names, descriptions of 1 to 100 characters', () => {
    for (const command of COMMANDS) {
      expect(command.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.description.length).toBeLessThanOrEqual(100);
      const named: { name: string; description: string }[] = [...(command.options ?? [])];
      for (const option of command.options ?? []) {
        if ('options' in option && option.options) named.push(...option.options);
      }
      for (const option of named) {
        expect(option.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect(option.description.length).toBeGreaterThan(0);
        expect(option.description.length).toBeLessThanOrEqual(100);
      }
    }
  });

  it('/define autocompletes its term; /ask does not', () => {
    const option = (name: string) => COMMANDS.find((c) => c.name === name)?.options?.[0];
    expect(option('define')).toMatchObject({ name: 'term', autocomplete: true, required: true });
    expect(option('ask')).not.toHaveProperty('autocomplete');
  });

  it('/termofday is shown to members with Manage Channels by default and has four subcommands', () => {
    const termofday = COMMANDS.find((c) => c.name === 'termofday');
    expect(termofday?.default_member_permissions).toBe('16');
    expect(termofday?.options?.map((o) => [o.name, o.type])).toEqual([
      ['subscribe', 1],
      ['unsubscribe', 1],
      ['status', 1],
      ['now', 1],
    ]);
    const subscribe = termofday?.options?.[0];
    expect(subscribe && 'options' in subscribe ? subscribe.options : undefined).toEqual([
      expect.objectContaining({ name: 'time', type: 3 }),
      expect.objectContaining({ name: 'timezone', type: 3, autocomplete: true }),
    ]);
  });
});

describe('diffCommands', () => {
  it('treats Discord’s filled-in defaults as unchanged', () => {
    const returned = COMMANDS.map((c) => ({
      ...c,
      id: '1',
      application_id: '2',
      version: '3',
      default_member_permissions: c.default_member_permissions ?? null,
      options: c.options?.map((o) => ({ ...o, description_localizations: null })),
    }));
    expect(diffCommands(returned as never, COMMANDS).map((c) => c.change)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
  });
});
