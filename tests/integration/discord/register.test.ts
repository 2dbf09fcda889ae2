import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/adapters/discord/command-definitions.js';
import {
  formatRegistration,
  registerCommands,
} from '../../../src/adapters/discord/register-commands.js';
import type { DiscordConfig } from '../../../src/config/read-config.js';
import { APPLICATION_ID, GUILD_ID } from '../../fixtures/discord/payloads.js';
import { FakeDiscord } from './fake-discord.js';
import { TOKEN } from './harness.js';

let fake: FakeDiscord;
let config: DiscordConfig;
beforeEach(async () => {
  fake = await FakeDiscord.start();
  config = { token: TOKEN, applicationId: APPLICATION_ID, apiUrl: fake.apiUrl };
});
afterEach(async () => {
  await fake.close();
});

const GLOBAL = `/api/v10/applications/${APPLICATION_ID}/commands`;
const IN_GUILD = `/api/v10/applications/${APPLICATION_ID}/guilds/${GUILD_ID}/commands`;

/** The bulk overwrite, exactly as Discord documents it, with the bot token. */
const EXPECTED_BODY = [
  {
    name: 'define',
    type: 1,
    description: 'Show the definition card of a container term',
    options: [
      {
        type: 3,
        name: 'term',
        description: 'The term, e.g. Krypton, pod or k8s',
        required: true,
        autocomplete: true,
        max_length: 100,
      },
    ],
    contexts: [0, 1],
    integration_types: [0],
  },
  {
    name: 'ask',
    type: 1,
    description: 'Ask a question about containers; the answer cites its sources',
    options: [
      {
        type: 3,
        name: 'question',
        description: 'e.g. how do I create a pod with podman?',
        required: true,
        max_length: 500,
      },
    ],
    contexts: [0, 1],
    integration_types: [0],
  },
  {
    name: 'help',
    type: 1,
    description: 'What Stevedore can answer and how to ask',
    contexts: [0, 1],
    integration_types: [0],
  },
  {
    name: 'termofday',
    type: 1,
    description: 'A container term every day in this channel',
    default_member_permissions: '16',
    options: [
      {
        type: 1,
        name: 'subscribe',
        description: 'Post the term of the day here every day (needs Manage Channels)',
        options: [
          {
            type: 3,
            name: 'time',
            description: 'HH:MM, 24-hour (default 09:00)',
            max_length: 10,
          },
          {
            type: 3,
            name: 'timezone',
            description: 'IANA zone like Europe/Berlin',
            autocomplete: true,
            max_length: 64,
          },
        ],
      },
      {
        type: 1,
        name: 'unsubscribe',
        description: 'Stop posting the term of the day here (needs Manage Channels)',
      },
      { type: 1, name: 'status', description: "This channel's schedule and next post" },
      { type: 1, name: 'now', description: "Today's term, just for you" },
    ],
    contexts: [0, 1],
    integration_types: [0],
  },
];

describe('stevedore discord register', () => {
  it('register: one bulk overwrite of the global commands, reported as created', async () => {
    const registration = await registerCommands(config);
    const writes = fake.requests.filter((r) => r.method !== 'GET');
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ method: 'PUT', path: GLOBAL });
    expect(writes[0]?.body).toEqual(EXPECTED_BODY);
    expect(writes[0]?.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(formatRegistration(registration)).toBe(
      [
        'Registered 4 Discord commands globally (new commands can take up to an hour to appear everywhere).',
        '  + /define created',
        '  + /ask created',
        '  + /help created',
        '  + /termofday created',
        '4 changes.',
      ].join('\n'),
    );
  });

  it('register: running it again changes nothing and says so (idempotent)', async () => {
    await registerCommands(config);
    const again = await registerCommands(config);
    expect(again.changes.every((c) => c.change === 'unchanged')).toBe(true);
    expect(formatRegistration(again)).toMatch(/Nothing changed\.$/);
    const puts = fake.requests.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(2);
    expect(puts[1]?.body).toEqual(puts[0]?.body);
  });

  it('register: with DISCORD_GUILD_ID, overwrites the server commands only and reports updates and deletions', async () => {
    fake.commands.set(GUILD_ID, [
      { ...(EXPECTED_BODY[0] as { name: string }), description: 'old text', id: '1' },
      { name: 'ping', id: '2' },
    ]);
    const registration = await registerCommands({ ...config, guildId: GUILD_ID });
    expect(fake.requests.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual([IN_GUILD]);
    expect(registration.changes).toEqual([
      { name: 'define', change: 'updated' },
      { name: 'ask', change: 'created' },
      { name: 'help', change: 'created' },
      { name: 'termofday', change: 'created' },
      { name: 'ping', change: 'deleted' },
    ]);
    expect(formatRegistration(registration)).toContain(
      `in server ${GUILD_ID} (changes are visible at once)`,
    );
    expect(fake.commands.get(GUILD_ID)?.map((c) => c.name)).toEqual([
      'define',
      'ask',
      'help',
      'termofday',
    ]);
    expect(fake.commands.has('global')).toBe(false);
  });

  it('register: a refused token is an error, nothing is written', async () => {
    fake.refuseToken = true;
    await expect(registerCommands(config)).rejects.toThrow();
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });

  it('the command definitions are the ones the adapter handles', () => {
    expect(COMMANDS.map((c) => c.name)).toEqual(['define', 'ask', 'help', 'termofday']);
  });

  it('register: a changed subcommand option or permission is reported as updated', async () => {
    await registerCommands(config);
    const stored = fake.commands.get('global') ?? [];
    // The fake stores what was sent: /termofday's subcommands with their options.
    const termofday = stored.find((c) => c.name === 'termofday') as unknown as {
      options: { options?: { name: string; description: string }[] }[];
    };
    const timeOption = termofday.options[0]?.options?.[0];
    if (!timeOption) throw new Error('the fake did not store /termofday subscribe time:');
    timeOption.description = 'old text';
    const afterOptionChange = await registerCommands(config);
    expect(afterOptionChange.changes.find((c) => c.name === 'termofday')?.change).toBe('updated');

    const again = fake.commands.get('global')?.find((c) => c.name === 'termofday');
    if (!again) throw new Error('the fake lost /termofday');
    again.default_member_permissions = null;
    const afterPermissionChange = await registerCommands(config);
    expect(afterPermissionChange.changes.find((c) => c.name === 'termofday')?.change).toBe(
      'updated',
    );
    expect(afterPermissionChange.changes.filter((c) => c.change === 'updated')).toHaveLength(1);
  });
});
