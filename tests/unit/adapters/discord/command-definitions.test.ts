import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../../src/adapters/discord/command-definitions.js';
import { diffCommands } from '../../../../src/adapters/discord/register-commands.js';

describe('command definitions', () => {
  it('are valid for Discord: lower-case names, descriptions of 1 to 100 characters', () => {
    for (const command of COMMANDS) {
      expect(command.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.description.length).toBeLessThanOrEqual(100);
      for (const option of command.options ?? []) {
        expect(option.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect(option.description.length).toBeLessThanOrEqual(100);
      }
    }
  });

  it('/define autocompletes its term; /ask does not', () => {
    const option = (name: string) => COMMANDS.find((c) => c.name === name)?.options?.[0];
    expect(option('define')).toMatchObject({ name: 'term', autocomplete: true, required: true });
    expect(option('ask')).not.toHaveProperty('autocomplete');
  });
});

describe('diffCommands', () => {
  it('treats Discord’s filled-in defaults as unchanged', () => {
    const returned = COMMANDS.map((c) => ({
      ...c,
      id: '1',
      application_id: '2',
      version: '3',
      default_member_permissions: null,
      options: c.options?.map((o) => ({ ...o, description_localizations: null })),
    }));
    expect(diffCommands(returned as never, COMMANDS).map((c) => c.change)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
  });
});
