/**
 * The term of the day on Slack, end to end: `/termofday` through the real Bolt app in HTTP mode
 * (signed requests, `users.info` and response URLs on the fake Slack), and the scheduler's daily
 * post through the adapter's poster to the fake's `chat.postMessage`. Each test gets a fresh fake,
 * adapter and SQLite store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack, TEAM_ID } from './fake-slack.js';
import {
  BOT_TOKEN,
  commandBody,
  FORM,
  fixture,
  type Harness,
  SIGNING_SECRET,
  send,
  startHarness,
} from './harness.js';

const ADMIN = 'U0ADMIN01';
const OWNER = 'U0OWNER01';
const MEMBER = 'U0ASKER01';
/** On SLACK_TERM_OF_DAY_MANAGERS, and unknown to users.info: it must not be asked. */
const LISTED = 'U0LISTED1';
const CHANNEL = 'C0CHAN001';

let fake: FakeSlack;
let h: Harness;

beforeEach(async () => {
  fake = await FakeSlack.start();
  fake.users.set(ADMIN, { is_admin: true });
  fake.users.set(OWNER, { is_owner: true });
  fake.users.set(MEMBER, {});
  h = await startHarness(fake, {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_TERM_OF_DAY_MANAGERS: `U0OTHER01, ${LISTED}`,
  });
});

afterEach(async () => {
  await h?.stop();
  await fake?.close();
});

let responses = 0;

/** Sends `/termofday <text>`; returns the acknowledgement's body (`''` when empty). */
async function termofday(
  text: string,
  options: { user?: string; channel?: string } = {},
): Promise<{ ack: string; responseId: string }> {
  responses += 1;
  const responseId = `tod${responses}`;
  const res = await send(
    h.url,
    commandBody({
      command: '/termofday',
      text,
      user_id: options.user ?? MEMBER,
      channel_id: options.channel ?? CHANNEL,
      response_url: fake.responseUrl(responseId),
    }),
    FORM,
  );
  expect(res.status).toBe(200);
  return { ack: await res.text(), responseId };
}

/** A command answered in its acknowledgement (no Slack call needed). */
async function acked(text: string, options: { user?: string; channel?: string } = {}) {
  const { ack, responseId } = await termofday(text, options);
  expect(fake.callsOf(`response:${responseId}`)).toEqual([]);
  return JSON.parse(ack) as Record<string, unknown>;
}

/** A command acknowledged empty and answered through its response URL (subscribe, unsubscribe). */
async function responded(text: string, options: { user?: string; channel?: string } = {}) {
  const { ack, responseId } = await termofday(text, options);
  expect(ack).toBe('');
  const [call] = await fake.waitFor(`response:${responseId}`);
  return call?.body ?? {};
}

/** A one-section message as Stevedore sends it: the same mrkdwn as text and as the block. */
function notice(responseType: 'in_channel' | 'ephemeral', mrkdwn: string) {
  return {
    response_type: responseType,
    text: mrkdwn,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: mrkdwn } }],
  };
}

const REFUSAL =
  "Sorry, only workspace admins and owners (or people on the Stevedore managers list) can change this channel's term of the day. `/termofday status` and `/termofday now` are open to everyone.";

/** The fixture knowledge's term for 2025-03-14. */
const ARGON_CARD = {
  text: "Term of the day — Fri, 14 Mar 2025 — Argon: A Windows Server container isolated by the host kernel's object namespaces rather than by a virtual machine.",
  blocks: [
    { type: 'header', text: { type: 'plain_text', text: 'Term of the day — Fri, 14 Mar 2025' } },
    { type: 'section', text: { type: 'mrkdwn', text: '*Argon*' } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: "A Windows Server container isolated by the host kernel's object namespaces rather than by a virtual machine.\n\nArgon containers share the host kernel, like Linux containers do.",
      },
    },
    { type: 'section', text: { type: 'mrkdwn', text: '*Related:* Krypton' } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '*Sources*\n[1] <https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-containers/hyperv-container|Isolation modes> — Microsoft Learn',
      },
    },
  ],
};

describe('/termofday subscribe', () => {
  it('an admin subscribes the channel: visible confirmation with time, zone and next post', async () => {
    const reply = await responded('subscribe 09:30 Europe/Berlin', { user: ADMIN });
    expect(reply).toEqual(
      notice(
        'in_channel',
        `<@${ADMIN}> subscribed this channel to the term of the day at *09:30* (Europe/Berlin). Next post: Fri, 14 Mar 2025, 09:30 CET.`,
      ),
    );
    expect(fake.callsOf('users.info')).toEqual([
      {
        method: 'users.info',
        authorization: `Bearer ${BOT_TOKEN}`,
        body: { user: ADMIN },
      },
    ]);
    expect(h.store.getSubscription('slack', CHANNEL)).toMatchObject({
      platform: 'slack',
      channelId: CHANNEL,
      workspaceId: TEAM_ID,
      time: '09:30',
      timeZone: 'Europe/Berlin',
      createdBy: ADMIN,
      paused: false,
    });
  });

  it('defaults to 09:00 in TERM_OF_DAY_DEFAULT_TZ (UTC) and accepts zone before time', async () => {
    const reply = await responded('subscribe', { user: OWNER });
    expect(reply.text).toBe(
      `<@${OWNER}> subscribed this channel to the term of the day at *09:00* (UTC). Next post: Fri, 14 Mar 2025, 09:00 UTC.`,
    );
    const again = await responded('subscribe america/new_york 7:15', { user: OWNER });
    expect(again.text).toBe(
      `<@${OWNER}> subscribed this channel to the term of the day at *07:15* (America/New_York). Next post: Fri, 14 Mar 2025, 07:15 GMT-4.`,
    );
    expect(h.store.getSubscription('slack', CHANNEL)).toMatchObject({
      time: '07:15',
      timeZone: 'America/New_York',
    });
  });

  it('a member who is not an admin gets a private refusal and nothing is stored', async () => {
    const reply = await responded('subscribe 09:00 UTC', { user: MEMBER });
    expect(reply).toEqual(notice('ephemeral', REFUSAL));
    expect(fake.callsOf('users.info').map((c) => c.body.user)).toEqual([MEMBER]);
    expect(h.store.getSubscription('slack', CHANNEL)).toBeUndefined();
  });

  it('a member on SLACK_TERM_OF_DAY_MANAGERS may subscribe, without asking users.info', async () => {
    const reply = await responded('subscribe 18:00 Asia/Tokyo', { user: LISTED });
    expect(reply).toEqual(
      notice(
        'in_channel',
        `<@${LISTED}> subscribed this channel to the term of the day at *18:00* (Asia/Tokyo). Next post: Fri, 14 Mar 2025, 18:00 GMT+9.`,
      ),
    );
    expect(fake.callsOf('users.info')).toEqual([]);
    expect(h.store.getSubscription('slack', CHANNEL)?.createdBy).toBe(LISTED);
  });

  it('a deleted admin account is refused', async () => {
    fake.users.set('U0GONE001', { is_admin: true, deleted: true });
    const reply = await responded('subscribe', { user: 'U0GONE001' });
    expect(reply).toEqual(notice('ephemeral', REFUSAL));
    expect(h.store.getSubscription('slack', CHANNEL)).toBeUndefined();
  });

  it('a failing users.info is a polite refusal naming the error, and a log line', async () => {
    fake.failNext('users.info', {
      body: { ok: false, error: 'missing_scope', needed: 'users:read' },
    });
    const reply = await responded('subscribe 09:00', { user: ADMIN });
    expect(reply).toEqual(
      notice(
        'ephemeral',
        "Sorry, I could not check with Slack whether you may change this channel's term of the day (Slack said `missing_scope`), so nothing was changed. Stevedore needs the `users:read` scope for this: ask whoever runs it to reinstall the app from its manifest.",
      ),
    );
    expect(h.store.getSubscription('slack', CHANNEL)).toBeUndefined();
    expect(h.logs).toContainEqual(
      expect.objectContaining({
        level: 40,
        method: 'users.info',
        slackError: 'missing_scope',
        channel: CHANNEL,
      }),
    );

    // Nothing was cached: the next request asks Slack again, and succeeds.
    const retried = await responded('subscribe 09:00', { user: ADMIN });
    expect(retried.response_type).toBe('in_channel');
    expect(fake.callsOf('users.info')).toHaveLength(2);
  });

  it('a rate-limited users.info (HTTP 429) is refused politely, not crashed on', async () => {
    fake.failNext('users.info', {
      status: 429,
      headers: { 'retry-after': '30' },
      body: { ok: false, error: 'ratelimited' },
    });
    const reply = await responded('unsubscribe', { user: ADMIN });
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toBe(
      "Sorry, I could not check with Slack whether you may change this channel's term of the day (Slack said `ratelimited`), so nothing was changed. Please try again in a minute.",
    );
    // The adapter still answers afterwards.
    expect((await acked('status')).response_type).toBe('ephemeral');
  });

  it('a bad time or zone gets a private message naming the problem and an example', async () => {
    expect(await acked('subscribe 25:00', { user: ADMIN })).toEqual(
      notice(
        'ephemeral',
        '"25:00" is not a time of day. Use the 24-hour clock, HH:MM — for example `/termofday subscribe 09:00 Europe/Berlin`.',
      ),
    );
    expect(await acked('subscribe 09:00 Mars/Olympus', { user: ADMIN })).toEqual(
      notice(
        'ephemeral',
        '"Mars/Olympus" is not a time zone I know. Use an IANA name such as Europe/Berlin, America/New_York, Asia/Tokyo or UTC — for example `/termofday subscribe 09:00 Europe/Berlin`.',
      ),
    );
    // Invalid input is refused before anyone's role is looked up, and nothing is stored.
    expect(fake.callsOf('users.info')).toEqual([]);
    expect(h.store.getSubscription('slack', CHANNEL)).toBeUndefined();
  });
});

describe('/termofday status, now, unsubscribe, help', () => {
  it('status: an unsubscribed channel says how to subscribe', async () => {
    expect(await acked('status')).toEqual(
      notice(
        'ephemeral',
        'This channel is not subscribed to the term of the day. `/termofday subscribe 09:00 Europe/Berlin` subscribes it (any HH:MM and IANA time zone).',
      ),
    );
  });

  it('status: anyone sees the schedule and the next post in the channel’s zone', async () => {
    await responded('subscribe 09:30 Europe/Berlin', { user: ADMIN });
    expect(await acked('status', { user: MEMBER })).toEqual(
      notice(
        'ephemeral',
        'This channel gets the term of the day at *09:30* (Europe/Berlin).\nNext post: Fri, 14 Mar 2025, 09:30 CET.',
      ),
    );
  });

  it('now: today’s card, only for the user, with no buttons', async () => {
    expect(await acked('now')).toEqual({ response_type: 'ephemeral', ...ARGON_CARD });
    // A bare /termofday is the same.
    expect(await acked('')).toEqual({ response_type: 'ephemeral', ...ARGON_CARD });
  });

  it('now: the date is the channel’s local date when it is subscribed', async () => {
    await responded('subscribe 09:00 Pacific/Kiritimati', { user: ADMIN });
    // 08:00 UTC on the 14th is 22:00 on the 14th in Kiritimati (UTC+14): still the 14th…
    expect((await acked('now')).text).toMatch(/^Term of the day — Fri, 14 Mar 2025 — Argon/);
    // …and at 11:00 UTC it is already the 15th there, while it is the 14th in UTC.
    h.clock.now = new Date('2025-03-14T11:00:00Z');
    expect((await acked('now')).text).toMatch(/^Term of the day — Sat, 15 Mar 2025 — Pod:/);
  });

  it('unsubscribe: an admin turns it off, visibly; a second time says there was nothing', async () => {
    await responded('subscribe', { user: ADMIN });
    expect(await responded('unsubscribe', { user: ADMIN })).toEqual(
      notice('in_channel', `<@${ADMIN}> turned off the term of the day in this channel.`),
    );
    expect(h.store.getSubscription('slack', CHANNEL)).toBeUndefined();
    expect(await responded('stop', { user: ADMIN })).toEqual(
      notice(
        'ephemeral',
        'This channel is not subscribed to the term of the day, so there was nothing to turn off.',
      ),
    );
  });

  it('unsubscribe: a member who is not an admin is refused and the schedule stays', async () => {
    await responded('subscribe', { user: ADMIN });
    expect(await responded('unsubscribe', { user: MEMBER })).toEqual(notice('ephemeral', REFUSAL));
    expect(h.store.getSubscription('slack', CHANNEL)).toBeDefined();
  });

  it('help and unknown subcommands list the commands', async () => {
    const usage =
      "`/termofday subscribe [HH:MM] [Area/City]` — post the term of the day in this channel every day (e.g. `/termofday subscribe 09:00 Europe/Berlin`)\n`/termofday unsubscribe` — stop posting here\n`/termofday status` — this channel's schedule and next post\n`/termofday now` — today's term, just for you";
    expect(await acked('help')).toEqual(notice('ephemeral', `*Term of the day*\n${usage}`));
    expect(await acked('sometimes')).toEqual(
      notice('ephemeral', `"sometimes" is not a /termofday command. Use one of:\n${usage}`),
    );
  });
});

describe('/termofday with hostile input', () => {
  /** What Slack renders (text and blocks), as one string. */
  const rendered = (reply: Record<string, unknown>) => JSON.stringify([reply.text, reply.blocks]);

  it('a 10 kB argument is answered with a short message that shows 40 characters of it', async () => {
    const reply = await acked(`subscribe 09:00 ${'x'.repeat(10_240)}`, { user: ADMIN });
    expect(reply).toEqual(
      notice(
        'ephemeral',
        `"${'x'.repeat(40)}…" is not a time zone I know. Use an IANA name such as Europe/Berlin, America/New_York, Asia/Tokyo or UTC — for example \`/termofday subscribe 09:00 Europe/Berlin\`.`,
      ),
    );
    const huge = await acked('y'.repeat(10_240));
    expect(rendered(huge).length).toBeLessThan(1_000);
  });

  it('<!channel>, mentions and links in the arguments are never echoed as markup', async () => {
    const hostile = fixture<Record<string, string>>('hostile-texts');
    const replies = [
      await acked('subscribe 09:00 <!channel>', { user: ADMIN }),
      await acked('<!here> status'),
      await acked('subscribe <@U0VICTIM1> <https://evil.example|click>', { user: ADMIN }),
      await acked(hostile.mentionInjection ?? ''),
      await acked('subscribe 09:00 &lt;!everyone&gt;', { user: ADMIN }),
    ];
    for (const reply of replies) {
      expect(reply.response_type).toBe('ephemeral');
      expect(rendered(reply)).not.toMatch(/<[!@#]|<https?:|<script/);
    }
    expect(replies[0]?.text).toBe(
      '"!channel" is not a time zone I know. Use an IANA name such as Europe/Berlin, America/New_York, Asia/Tokyo or UTC — for example `/termofday subscribe 09:00 Europe/Berlin`.',
    );
    expect(replies[1]?.text).toMatch(/^"!here" is not a \/termofday command\./);
    expect(h.store.getSubscription('slack', CHANNEL)).toBeUndefined();
  });

  it('typed @channel and &-entities are shown inert', async () => {
    const reply = await acked('subscribe 09:00 @channel&co', { user: ADMIN });
    expect(reply.text).toBe(
      '"@\u200bchannel&amp;co" is not a time zone I know. Use an IANA name such as Europe/Berlin, America/New_York, Asia/Tokyo or UTC — for example `/termofday subscribe 09:00 Europe/Berlin`.',
    );
  });

  it('a forged channel id is refused', async () => {
    const reply = await acked('status', { channel: '../../etc' });
    expect(reply).toEqual(
      notice(
        'ephemeral',
        'Sorry, I cannot tell which channel this is. Try again from the channel itself.',
      ),
    );
  });
});

describe('the daily post', () => {
  const subscribeAt = async (channel: string, args: string) => {
    const reply = await responded(args, { user: ADMIN, channel });
    expect(reply.response_type).toBe('in_channel');
  };

  it('a scheduler tick posts the card to the channel once; a second tick posts nothing', async () => {
    await subscribeAt('C0TICK001', 'subscribe 09:00 UTC');
    expect(await h.termOfDay.tick(new Date('2025-03-14T08:59:00Z'))).toEqual({
      due: 0,
      posted: 0,
      failed: 0,
    });
    expect(await h.termOfDay.tick(new Date('2025-03-14T09:00:00Z'))).toEqual({
      due: 1,
      posted: 1,
      failed: 0,
    });
    expect(fake.callsOf('chat.postMessage')).toEqual([
      {
        method: 'chat.postMessage',
        authorization: `Bearer ${BOT_TOKEN}`,
        body: {
          channel: 'C0TICK001',
          ...ARGON_CARD,
          // The Web API client form-encodes arguments, so booleans arrive as strings.
          unfurl_links: 'false',
          unfurl_media: 'false',
        },
      },
    ]);
    // The fake's first ts is the message id the post log keeps.
    expect(h.store.getPost('slack', 'C0TICK001', '2025-03-14')).toMatchObject({
      status: 'posted',
      termId: 'argon',
      messageId: '1700000001.000100',
    });

    expect(await h.termOfDay.tick(new Date('2025-03-14T09:01:00Z'))).toEqual({
      due: 0,
      posted: 0,
      failed: 0,
    });
    expect(await h.termOfDay.tick(new Date('2025-03-14T23:59:00Z'))).toMatchObject({ posted: 0 });
    expect(fake.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('not_in_channel: counted as a failure, retried, then paused, and status says so', async () => {
    await subscribeAt('C0GONE001', 'subscribe 09:00 UTC');
    fake.failNext('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } }, 3);

    expect(await h.termOfDay.tick(new Date('2025-03-14T09:00:00Z'))).toEqual({
      due: 1,
      posted: 0,
      failed: 1,
    });
    expect(h.store.getSubscription('slack', 'C0GONE001')).toMatchObject({
      failureCount: 1,
      paused: false,
      lastError: 'not_in_channel (Slack refused chat.postMessage to C0GONE001)',
    });
    h.clock.now = new Date('2025-03-14T09:00:30Z');
    expect((await acked('status', { channel: 'C0GONE001' })).text).toBe(
      "This channel gets the term of the day at *09:00* (UTC).\nToday's post is due and goes out within a minute.\nThe last attempt failed (not_in_channel (Slack refused chat.postMessage to C0GONE001)); it will be retried 2 more time(s).",
    );
    expect(h.logs).toContainEqual(
      expect.objectContaining({
        level: 40,
        msg: 'term of the day: post failed',
        platform: 'slack',
        channel: 'C0GONE001',
        failures: 1,
        paused: false,
      }),
    );

    // Retries wait 1 and then 5 minutes; the third failure pauses the subscription.
    expect((await h.termOfDay.tick(new Date('2025-03-14T09:01:00Z'))).failed).toBe(1);
    expect((await h.termOfDay.tick(new Date('2025-03-14T09:06:00Z'))).failed).toBe(1);
    expect(h.store.getSubscription('slack', 'C0GONE001')).toMatchObject({
      failureCount: 3,
      paused: true,
    });
    expect(fake.callsOf('chat.postMessage').map((c) => c.body.channel)).toEqual([
      'C0GONE001',
      'C0GONE001',
      'C0GONE001',
    ]);

    h.clock.now = new Date('2025-03-14T09:10:00Z');
    expect(await acked('status', { channel: 'C0GONE001' })).toEqual(
      notice(
        'ephemeral',
        'The term of the day is *paused* in this channel after 3 failed attempts (last error: not_in_channel (Slack refused chat.postMessage to C0GONE001)). Check that Stevedore is still in the channel and may post, then `/termofday subscribe` again to resume.',
      ),
    );
    // Paused: later ticks leave it alone.
    expect(await h.termOfDay.tick(new Date('2025-03-15T09:00:00Z'))).toEqual({
      due: 0,
      posted: 0,
      failed: 0,
    });
    expect(fake.callsOf('chat.postMessage')).toHaveLength(3);
    expect(h.rawLogs.join('')).not.toContain(BOT_TOKEN);
  });

  it('a rate-limited or archived channel fails with Slack’s code and other channels still get theirs', async () => {
    await subscribeAt('C0ARCH001', 'subscribe 09:00 UTC');
    await subscribeAt('C0FINE001', 'subscribe 09:00 UTC');
    fake.failNext('chat.postMessage', { body: { ok: false, error: 'is_archived' } });
    const report = await h.termOfDay.tick(new Date('2025-03-14T09:00:00Z'));
    expect(report).toEqual({ due: 2, posted: 1, failed: 1 });
    const [first, second] = fake.callsOf('chat.postMessage');
    const failedChannel = String(first?.body.channel);
    const postedChannel = String(second?.body.channel);
    expect([failedChannel, postedChannel].sort()).toEqual(['C0ARCH001', 'C0FINE001']);
    expect(h.store.getSubscription('slack', failedChannel)?.lastError).toBe(
      `is_archived (Slack refused chat.postMessage to ${failedChannel})`,
    );
    expect(h.store.getPost('slack', postedChannel, '2025-03-14')?.status).toBe('posted');
  });

  it('a rate limit (HTTP 429) fails the post at once as ratelimited, to be retried later', async () => {
    await subscribeAt('C0BUSY001', 'subscribe 09:00 UTC');
    fake.failNext('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '30' },
      body: { ok: false, error: 'ratelimited' },
    });
    expect(await h.termOfDay.tick(new Date('2025-03-14T09:00:00Z'))).toEqual({
      due: 1,
      posted: 0,
      failed: 1,
    });
    expect(h.store.getSubscription('slack', 'C0BUSY001')).toMatchObject({
      failureCount: 1,
      lastError: 'ratelimited (Slack refused chat.postMessage to C0BUSY001)',
    });
    // A minute later the retry goes through.
    expect(await h.termOfDay.tick(new Date('2025-03-14T09:01:00Z'))).toMatchObject({ posted: 1 });
    expect(h.store.getSubscription('slack', 'C0BUSY001')?.failureCount).toBe(0);
  });
});
