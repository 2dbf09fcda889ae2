import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CHANNEL_ID,
  DM_CHANNEL_ID,
  GUILD_ID,
  MANAGER_PERMISSIONS,
  type StringOption,
  subcommand,
  subcommandAutocomplete,
  USER,
} from '../../fixtures/discord/payloads.js';
import { DISCORD_ERRORS } from './fake-discord.js';
import { type Harness, startHarness, TOKEN } from './harness.js';

/** 08:00 in Berlin, 07:00 UTC, on Saturday 28 November 2026. */
const START = new Date('2026-11-28T07:00:00Z');
const CHANNEL_MESSAGES = `/api/v10/channels/${CHANNEL_ID}/messages`;
const ARGON_URL =
  'https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-containers/hyperv-container';

/** The card of 2026-11-28 in the fixture knowledge (Argon), as the embed Discord receives. */
const ARGON_CARD_EMBED = {
  author: { name: 'Term of the day — Saturday 28 November 2026' },
  title: 'Argon',
  url: ARGON_URL,
  color: 0x2f6fde,
  description:
    "A Windows Server container isolated by the host kernel's object namespaces rather than by a virtual machine.\n\nArgon containers share the host kernel, like Linux containers do.",
  fields: [
    { name: 'Related', value: 'Krypton' },
    { name: 'Sources', value: `[1] [Isolation modes](${ARGON_URL}) — Microsoft Learn` },
  ],
  footer: { text: 'Stevedore · Glossary term' },
};
const SOURCE_BUTTONS = {
  type: 1,
  components: [{ type: 2, style: 5, label: '[1] Isolation modes', url: ARGON_URL }],
};

let h: Harness;
let now: Date;
beforeEach(async () => {
  now = START;
  h = await startHarness({ now: () => now });
});
afterEach(async () => {
  await h?.stop();
});

interface Callback {
  type: number;
  data: {
    content?: string;
    embeds?: unknown[];
    components?: unknown[];
    allowed_mentions?: unknown;
    flags?: number;
    choices?: { name: string; value: string }[];
  };
}

type Interaction = { id: string; token: string };

async function callbackOf(interaction: Interaction): Promise<Callback> {
  return (await h.fake.request(h.fake.callbackPath(interaction))).body as Callback;
}

/** A plain-text reply as discord.js sends it: public unless `ephemeral`. */
function textReply(content: string, ephemeral: boolean): Callback {
  return {
    type: 4,
    data: {
      content,
      tts: false,
      enforce_nonce: false,
      embeds: [],
      components: [],
      allowed_mentions: { parse: [] },
      ...(ephemeral ? { flags: 64 } : {}),
    } as Callback['data'],
  };
}

const asManager = { permissions: MANAGER_PERMISSIONS };

async function subscribe(
  options: StringOption[],
  where: Parameters<typeof subcommand>[3] = asManager,
): Promise<Callback> {
  return callbackOf(h.interact(subcommand('termofday', 'subscribe', options, where)));
}

const channelPosts = () =>
  h.fake.requests.filter((r) => r.method === 'POST' && r.path === CHANNEL_MESSAGES);

describe('/termofday subscribe', () => {
  it('subscribe: a member with Manage Channels subscribes the channel; everyone sees the confirmation, nobody is pinged', async () => {
    const reply = await subscribe([
      { name: 'time', value: '09:30' },
      { name: 'timezone', value: 'europe/berlin' },
    ]);
    expect(reply).toEqual(
      textReply(
        `<@${USER.id}> subscribed this channel to the term of the day at **09:30** (Europe/Berlin). Next post: Sat, 28 Nov 2026, 09:30 CET.`,
        false,
      ),
    );
    expect(h.store.getSubscription('discord', CHANNEL_ID)).toMatchObject({
      channelId: CHANNEL_ID,
      workspaceId: GUILD_ID,
      time: '09:30',
      timeZone: 'Europe/Berlin',
      createdBy: USER.id,
      paused: false,
    });
  });

  it('subscribe: without options, the defaults apply (09:00 in the configured zone, UTC)', async () => {
    now = new Date('2026-11-28T10:00:00Z');
    expect(await subscribe([])).toEqual(
      textReply(
        `<@${USER.id}> subscribed this channel to the term of the day at **09:00** (UTC). Next post: Sun, 29 Nov 2026, 09:00 UTC.`,
        false,
      ),
    );
  });

  it('subscribe: a member without Manage Channels is refused politely, only they see it, nothing is stored', async () => {
    const reply = await subscribe([{ name: 'time', value: '09:30' }], {});
    expect(reply).toEqual(
      textReply(
        "Sorry, only members with the Manage Channels permission can change this channel's term of the day. `/termofday status` and `/termofday now` are open to everyone.",
        true,
      ),
    );
    expect(h.store.getSubscription('discord', CHANNEL_ID)).toBeUndefined();
  });

  it('subscribe: a bad time or zone gets an ephemeral message naming the problem, nothing is stored', async () => {
    expect(await subscribe([{ name: 'time', value: '25:00' }])).toEqual(
      textReply(
        '"25:00" is not a time of day. Use the 24-hour clock, HH:MM — for example `/termofday subscribe 09:00 Europe/Berlin`.',
        true,
      ),
    );
    expect(await subscribe([{ name: 'timezone', value: 'Mars/Olympus' }])).toEqual(
      textReply(
        '"Mars/Olympus" is not a time zone I know. Use an IANA name such as Europe/Berlin, America/New_York, Asia/Tokyo or UTC — for example `/termofday subscribe 09:00 Europe/Berlin`.',
        true,
      ),
    );
    expect(h.store.getSubscription('discord', CHANNEL_ID)).toBeUndefined();
  });

  it('subscribe: a hostile zone is echoed defused (no @everyone), and never pings', async () => {
    const { data } = await subscribe([{ name: 'timezone', value: '@everyone <@&1> `x`' }]);
    expect(data.content).toBe(
      '"@\u200beveryone @&1 x" is not a time zone I know. Use an IANA name such as Europe/Berlin, America/New_York, Asia/Tokyo or UTC — for example `/termofday subscribe 09:00 Europe/Berlin`.',
    );
    expect(data.flags).toBe(64);
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });

  it('subscribe: a non-string option from a stale client counts as not given', async () => {
    const { data } = await subscribe([{ name: 'time', type: 4, value: 930 }]);
    expect(data.content).toMatch(/at \*\*09:00\*\* \(UTC\)/);
  });

  it('subscribe: in a DM with the bot, the user subscribes their own DM channel', async () => {
    const { data } = await subscribe([{ name: 'time', value: '7:15' }], { dm: true });
    expect(data.content).toBe(
      `<@${USER.id}> subscribed this channel to the term of the day at **07:15** (UTC). Next post: Sat, 28 Nov 2026, 07:15 UTC.`,
    );
    expect(h.store.getSubscription('discord', DM_CHANNEL_ID)).toMatchObject({
      workspaceId: null,
      time: '07:15',
    });
  });
});

describe('/termofday subscribe timezone: autocomplete', () => {
  async function choices(typed: string): Promise<Callback> {
    return callbackOf(
      h.interact(
        subcommandAutocomplete('termofday', 'subscribe', [
          { name: 'time', value: '09:00' },
          { name: 'timezone', value: typed, focused: true },
        ]),
      ),
    );
  }

  it('autocomplete: offers the IANA zones that start with what was typed', async () => {
    expect(await choices('europe/be')).toEqual({
      type: 8,
      data: {
        choices: [
          { name: 'Europe/Belgrade', value: 'Europe/Belgrade' },
          { name: 'Europe/Berlin', value: 'Europe/Berlin' },
        ],
      },
    });
  });

  it('autocomplete: finds a zone by its city, and offers UTC', async () => {
    expect((await choices('berl')).data.choices).toEqual([
      { name: 'Europe/Berlin', value: 'Europe/Berlin' },
    ]);
    expect((await choices('UTC')).data.choices?.[0]).toEqual({ name: 'UTC', value: 'UTC' });
  });

  it('autocomplete: nothing typed, or a wide prefix, gives at most 25 choices, the default first', async () => {
    const empty = (await choices('')).data.choices ?? [];
    expect(empty).toHaveLength(25);
    expect(empty[0]).toEqual({ name: 'UTC', value: 'UTC' });
    const america = (await choices('America/')).data.choices ?? [];
    expect(america).toHaveLength(25);
    expect(america.every((c) => c.value.startsWith('America/'))).toBe(true);
    expect((await choices('x'.repeat(500))).data.choices).toEqual([]);
  });
});

describe('/termofday status, now, unsubscribe', () => {
  it('status: open to every member, ephemeral; says when the channel is not subscribed', async () => {
    expect(await callbackOf(h.interact(subcommand('termofday', 'status', [])))).toEqual(
      textReply(
        'This channel is not subscribed to the term of the day. `/termofday subscribe 09:00 Europe/Berlin` subscribes it (any HH:MM and IANA time zone).',
        true,
      ),
    );
  });

  it("status: shows the channel's time, zone and next post", async () => {
    await subscribe([
      { name: 'time', value: '18:45' },
      { name: 'timezone', value: 'America/New_York' },
    ]);
    expect(await callbackOf(h.interact(subcommand('termofday', 'status', [])))).toEqual(
      textReply(
        'This channel gets the term of the day at **18:45** (America/New_York).\nNext post: Sat, 28 Nov 2026, 18:45 GMT-5.',
        true,
      ),
    );
  });

  it("now: today's card, only for the asker, under a dated header with a Share button", async () => {
    expect(await callbackOf(h.interact(subcommand('termofday', 'now', [])))).toEqual({
      type: 4,
      data: {
        tts: false,
        enforce_nonce: false,
        embeds: [ARGON_CARD_EMBED],
        components: [
          SOURCE_BUTTONS,
          { type: 1, components: [{ type: 2, style: 1, label: 'Share', custom_id: 'sd:share' }] },
        ],
        allowed_mentions: { parse: [] },
        flags: 64,
      },
    });
  });

  it('unsubscribe: a manager turns it off for everyone to see; a member without the permission cannot', async () => {
    await subscribe([{ name: 'time', value: '09:30' }]);
    const refused = await callbackOf(h.interact(subcommand('termofday', 'unsubscribe', [])));
    expect(refused.data.content).toMatch(
      /^Sorry, only members with the Manage Channels permission can change/,
    );
    expect(refused.data.flags).toBe(64);
    expect(h.store.getSubscription('discord', CHANNEL_ID)).toBeDefined();

    const done = await callbackOf(
      h.interact(subcommand('termofday', 'unsubscribe', [], asManager)),
    );
    expect(done).toEqual(
      textReply(`<@${USER.id}> turned off the term of the day in this channel.`, false),
    );
    expect(h.store.getSubscription('discord', CHANNEL_ID)).toBeUndefined();

    const again = await callbackOf(
      h.interact(subcommand('termofday', 'unsubscribe', [], asManager)),
    );
    expect(again).toEqual(
      textReply(
        'This channel is not subscribed to the term of the day, so there was nothing to turn off.',
        true,
      ),
    );
  });
});

describe('the daily post', () => {
  /** 09:30 in Berlin on 2026-11-28. */
  const DUE = new Date('2026-11-28T08:30:00Z');

  beforeEach(async () => {
    await subscribe([
      { name: 'time', value: '09:30' },
      { name: 'timezone', value: 'Europe/Berlin' },
    ]);
  });

  it('post: a tick at the local time posts the card through the bot’s REST, nobody pinged', async () => {
    expect(await h.termOfDay.tick(new Date('2026-11-28T08:29:00Z'))).toEqual({
      due: 0,
      posted: 0,
      failed: 0,
    });
    expect(await h.termOfDay.tick(DUE)).toEqual({ due: 1, posted: 1, failed: 0 });
    const posts = channelPosts();
    expect(posts).toHaveLength(1);
    expect(posts[0]?.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(posts[0]?.body).toEqual({
      embeds: [ARGON_CARD_EMBED],
      components: [SOURCE_BUTTONS],
      allowed_mentions: { parse: [] },
    });
    expect(h.store.getPost('discord', CHANNEL_ID, '2026-11-28')).toMatchObject({
      status: 'posted',
      termId: 'argon',
      messageId: expect.stringMatching(/^\d{17,20}$/),
    });
  });

  it('post: a second tick the same day posts nothing', async () => {
    await h.termOfDay.tick(DUE);
    expect(await h.termOfDay.tick(new Date('2026-11-28T08:31:00Z'))).toEqual({
      due: 0,
      posted: 0,
      failed: 0,
    });
    expect(await h.termOfDay.tick(new Date('2026-11-28T22:59:00Z'))).toMatchObject({ posted: 0 });
    expect(channelPosts()).toHaveLength(1);
  });

  it('post: Missing Permissions (50013) is counted, retried, then the subscription is paused and status says so', async () => {
    h.fake.channelErrors.set(CHANNEL_ID, DISCORD_ERRORS.missingPermissions);
    const lastError =
      'Discord 50013 Missing Permissions — missing permissions: the bot needs View Channel, Send Messages, Send Messages in Threads, Embed Links and Read Message History here';

    expect(await h.termOfDay.tick(DUE)).toEqual({ due: 1, posted: 0, failed: 1 });
    expect(h.store.getSubscription('discord', CHANNEL_ID)).toMatchObject({
      failureCount: 1,
      paused: false,
      lastError,
    });
    const retrying = await callbackOf(h.interact(subcommand('termofday', 'status', [])));
    expect(retrying.data.content).toContain(
      `The last attempt failed (${lastError}); it will be retried 2 more time(s).`,
    );

    // Retries come 1 and then 5 minutes after a failure.
    expect((await h.termOfDay.tick(new Date('2026-11-28T08:31:00Z'))).failed).toBe(1);
    expect((await h.termOfDay.tick(new Date('2026-11-28T08:36:00Z'))).failed).toBe(1);
    expect(h.store.getSubscription('discord', CHANNEL_ID)).toMatchObject({
      failureCount: 3,
      paused: true,
    });
    expect(channelPosts()).toHaveLength(3);

    now = new Date('2026-11-28T09:00:00Z');
    expect(await callbackOf(h.interact(subcommand('termofday', 'status', [])))).toEqual(
      textReply(
        `The term of the day is **paused** in this channel after 3 failed attempts (last error: ${lastError}). Check that Stevedore is still in the channel and may post, then \`/termofday subscribe\` again to resume.`,
        true,
      ),
    );
    h.fake.channelErrors.delete(CHANNEL_ID);
    expect(await h.termOfDay.tick(new Date('2026-11-29T08:30:00Z'))).toMatchObject({ due: 0 });
    expect(channelPosts()).toHaveLength(3);
    const failures = h.logs.filter((l) => l.msg === 'term of the day: post failed');
    expect(failures).toHaveLength(3);
    expect(failures[2]).toMatchObject({ level: 40, platform: 'discord', channel: CHANNEL_ID });
  });

  it('post: Missing Access (50001), Unknown Channel (10003), a long rate limit (429), a 500 and a reset connection fail with what happened', async () => {
    const cases = [
      [DISCORD_ERRORS.missingAccess, /^Discord 50001 Missing Access — missing access: /],
      [DISCORD_ERRORS.unknownChannel, /^Discord 10003 Unknown Channel — the channel was deleted$/],
      [DISCORD_ERRORS.rateLimited, /^Discord 429 rate limited, retry after 60 s$/],
      [DISCORD_ERRORS.serverError, /^Discord HTTP 500 Internal Server Error$/],
      [
        DISCORD_ERRORS.connectionReset,
        /^Discord request failed: other side closed \(UND_ERR_SOCKET\)$/,
      ],
    ] as const;
    let at = DUE.getTime();
    for (const [error, expected] of cases) {
      h.fake.channelErrors.set(CHANNEL_ID, error);
      // Re-subscribing resets the failure count, so each error is the first one.
      await subscribe([
        { name: 'time', value: '09:30' },
        { name: 'timezone', value: 'Europe/Berlin' },
      ]);
      at += 60 * 60_000;
      expect(await h.termOfDay.tick(new Date(at))).toMatchObject({ failed: 1 });
      expect(h.store.getSubscription('discord', CHANNEL_ID)?.lastError).toMatch(expected);
    }
  });
});
