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
];

describe('stevedore discord register', () => {
  it('register: one bulk overwrite of the global commands, reported as created', async () => {
    const registration = await registerCommands(config);
    const writes = fake.requests.filter((r) => r.method !== 'GET');
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ method: 'PUT', path: GLOBAL, body: EXPECTED_BODY });
    expect(writes[0]?.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(formatRegistration(registration)).toBe(
      [
        'Registered 3 Discord commands globally (new commands can take up to an hour to appear everywhere).',
        '  + /define created',
        '  + /ask created',
        '  + /help created',
        '3 changes.',
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
      { name: 'ping', change: 'deleted' },
    ]);
    expect(formatRegistration(registration)).toContain(
      `in server ${GUILD_ID} (changes are visible at once)`,
    );
    expect(fake.commands.get(GUILD_ID)?.map((c) => c.name)).toEqual(['define', 'ask', 'help']);
    expect(fake.commands.has('global')).toBe(false);
  });

  it('register: a refused token is an error, nothing is written', async () => {
    fake.refuseToken = true;
    await expect(registerCommands(config)).rejects.toThrow();
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });

  it('the command definitions are the ones the adapter handles', () => {
    expect(COMMANDS.map((c) => c.name)).toEqual(['define', 'ask', 'help']);
  });
});
