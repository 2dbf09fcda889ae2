/**
 * The real Bolt app in HTTP mode receiving signed Events API requests: mentions answered in
 * threads, follow-ups, direct messages, retries, forged requests and Web API failures.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOT_USER_ID, FakeSlack } from './fake-slack.js';
import {
  APP_TOKEN,
  BOT_TOKEN,
  fixture,
  type Harness,
  JSON_TYPE,
  SIGNING_SECRET,
  send,
  startHarness,
} from './harness.js';

let fake: FakeSlack;
let h: Harness;

beforeEach(async () => {
  fake = await FakeSlack.start();
  h = await startHarness(fake, {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
  });
});

afterEach(async () => {
  await h?.stop();
  await fake?.close();
});

type EventBody = { event: Record<string, unknown>; event_id: string } & Record<string, unknown>;

function eventOf(name: string, event: Record<string, unknown>, eventId: string): EventBody {
  const base = fixture<EventBody>(name);
  return { ...base, event_id: eventId, event: { ...base.event, ...event } };
}

async function deliver(body: object, headers: Record<string, string> = {}): Promise<Response> {
  const res = await send(h.url, JSON.stringify(body), JSON_TYPE, { headers });
  return res;
}

function blocksText(call: { body: Record<string, unknown> } | undefined): string {
  return JSON.stringify(call?.body.blocks);
}

describe('mentions', () => {
  it('app_mention: answers in a thread under the question', async () => {
    const res = await deliver(fixture('app-mention'));
    expect(res.status).toBe(200);
    const [post] = await fake.waitFor('chat.postMessage');
    expect(post?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(post?.body).toMatchObject({
      channel: 'C0CHAN001',
      thread_ts: '1710000000.000100',
      text: 'Krypton: A Windows container that runs in its own lightweight Hyper-V virtual machine.',
      // The Web API client form-encodes arguments, so booleans arrive as strings.
      unfurl_links: 'false',
      unfurl_media: 'false',
    });
    const blocks = post?.body.blocks as Array<Record<string, unknown>>;
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Krypton' } });
    expect(blocksText(post)).toContain('stevedore_feedback_up');
    expect(blocksText(post)).not.toContain('stevedore_share');
  });

  it('app_mention inside a thread: answers in that thread', async () => {
    await deliver(
      eventOf('app-mention', { ts: '1710000050.000100', thread_ts: '1709999999.000100' }, 'Ev1'),
    );
    const [post] = await fake.waitFor('chat.postMessage');
    expect(post?.body.thread_ts).toBe('1709999999.000100');
  });

  it('app_mention help: answers with the help text', async () => {
    await deliver(eventOf('app-mention', { text: `<@${BOT_USER_ID}> help` }, 'Ev2'));
    const [post] = await fake.waitFor('chat.postMessage');
    expect(blocksText(post)).toContain('*Stevedore* answers questions about containers');
  });

  it('app_mention "termofday now": today’s term-of-day card in the thread', async () => {
    await deliver(eventOf('app-mention', { text: `<@${BOT_USER_ID}> termofday now` }, 'EvTod1'));
    const [post] = await fake.waitFor('chat.postMessage');
    expect(post?.body).toMatchObject({
      channel: 'C0CHAN001',
      thread_ts: '1710000000.000100',
      text: "Term of the day — Fri, 14 Mar 2025 — Argon: A Windows Server container isolated by the host kernel's object namespaces rather than by a virtual machine.",
    });
    const blocks = post?.body.blocks as Array<Record<string, unknown>>;
    expect(blocks.slice(0, 2)).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Term of the day — Fri, 14 Mar 2025' } },
      { type: 'section', text: { type: 'mrkdwn', text: '*Argon*' } },
    ]);
    expect(h.store.getSubscription('slack', 'C0CHAN001')).toBeUndefined();
  });

  it('app_mention "termofday subscribe": points to the slash command and changes nothing', async () => {
    await deliver(
      eventOf('app-mention', { text: `<@${BOT_USER_ID}> termofday subscribe 09:00 UTC` }, 'EvTod2'),
    );
    const [post] = await fake.waitFor('chat.postMessage');
    const text =
      "The term of the day is managed with the slash command:\n`/termofday subscribe [HH:MM] [Area/City]` — post the term of the day in this channel every day (e.g. `/termofday subscribe 09:00 Europe/Berlin`)\n`/termofday unsubscribe` — stop posting here\n`/termofday status` — this channel's schedule and next post\n`/termofday now` — today's term, just for you\nMention me with `termofday now` or `today` to see today’s term here.";
    expect(post?.body).toMatchObject({
      text,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
    });
    expect(fake.callsOf('users.info')).toEqual([]);
    expect(h.store.getSubscription('slack', 'C0CHAN001')).toBeUndefined();
  });

  it('app_mention with no answer: says so, suggests nearest terms, posts no guess', async () => {
    await deliver(eventOf('app-mention', { text: `<@${BOT_USER_ID}> define kry` }, 'Ev3'));
    const [post] = await fake.waitFor('chat.postMessage');
    expect(post?.body.text).toBe('No answer. Did you mean Krypton?');
    expect(blocksText(post)).toContain('stevedore_define_0');
    expect(blocksText(post)).not.toContain('Hyper-V');
  });

  it('app_mention with mention injection: nothing in the reply can ping or link', async () => {
    const hostile = fixture<Record<string, string>>('hostile-texts');
    await deliver(
      eventOf('app-mention', { text: `<@${BOT_USER_ID}> ${hostile.mentionInjection}` }, 'Ev4'),
    );
    const [post] = await fake.waitFor('chat.postMessage');
    const rendered = JSON.stringify(
      { text: post?.body.text, blocks: post?.body.blocks },
      (key, v: unknown) => (key === 'value' ? undefined : v),
    );
    expect(rendered).not.toMatch(/<!|<@|<#|evil\.example|<script/);
  });

  it('a 10 kB mention is answered within Block Kit limits', async () => {
    const text = `<@${BOT_USER_ID}> what is a pod ${'pod '.repeat(2_600)}`;
    expect(text.length).toBeGreaterThan(10_000);
    await deliver(eventOf('app-mention', { text }, 'Ev5'));
    const [post] = await fake.waitFor('chat.postMessage');
    const blocks = post?.body.blocks as Array<{ text?: { text: string } }>;
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const b of blocks) expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
  });
});

describe('threads and direct messages', () => {
  it('a follow-up in a thread the bot answered is answered there without a mention', async () => {
    await deliver(fixture('app-mention'));
    await fake.waitFor('chat.postMessage');
    await deliver(fixture('message-channel-thread'));
    const posts = await fake.waitFor('chat.postMessage', 2);
    expect(posts[1]?.body).toMatchObject({ channel: 'C0CHAN001', thread_ts: '1710000000.000100' });
    expect(((posts[1]?.body.blocks ?? []) as unknown[])[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Argon' },
    });
  });

  it('messages in other threads, by bots, or addressed to someone else are not answered', async () => {
    await deliver(fixture('app-mention'));
    await fake.waitFor('chat.postMessage');
    // Another thread; a bot's post in the bot's thread; a reply to a colleague in that thread.
    await deliver(eventOf('message-channel-thread', { thread_ts: '1700000000.000001' }, 'EvA'));
    await deliver(fixture('message-bot-echo'));
    await deliver(
      eventOf(
        'message-channel-thread',
        { text: '<@U0COLLEAG1> what is argon?', ts: '1710000201.0001' },
        'EvB',
      ),
    );
    // A direct message afterwards is answered; the three before it were dropped.
    await deliver(fixture('message-im'));
    const posts = await fake.waitFor('chat.postMessage', 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.callsOf('chat.postMessage').map((c) => c.body.channel)).toEqual([
      'C0CHAN001',
      'D0DIRECT01',
    ]);
    expect(posts[1]?.body.thread_ts).toBeUndefined();
  });

  it('a direct message is a question, answered in the conversation', async () => {
    await deliver(fixture('message-im'));
    const [post] = await fake.waitFor('chat.postMessage');
    expect(post?.body).toMatchObject({
      channel: 'D0DIRECT01',
      text: expect.stringContaining('conmon'),
    });
    expect(post?.body.thread_ts).toBeUndefined();
  });

  it('a mention in a bot thread (app_mention and message for one post) is answered once', async () => {
    await deliver(fixture('app-mention'));
    await fake.waitFor('chat.postMessage');
    const text = `<@${BOT_USER_ID}> and argon?`;
    await deliver(
      eventOf(
        'app-mention',
        { text, ts: '1710000210.0001', thread_ts: '1710000000.000100' },
        'EvM',
      ),
    );
    await deliver(eventOf('message-channel-thread', { text, ts: '1710000210.0001' }, 'EvN'));
    await deliver(fixture('message-im'));
    await fake.waitFor('chat.postMessage', 3);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.callsOf('chat.postMessage')).toHaveLength(3);
  });
});

describe('hostile requests', () => {
  it('a retried event (x-slack-retry-num) is never answered twice', async () => {
    const body = fixture('app-mention');
    await deliver(body);
    await fake.waitFor('chat.postMessage');
    const retry = await deliver(body, {
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
    expect(retry.status).toBe(200);
    await deliver(fixture('message-im'));
    await fake.waitFor('chat.postMessage', 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.callsOf('chat.postMessage').map((c) => c.body.channel)).toEqual([
      'C0CHAN001',
      'D0DIRECT01',
    ]);
    expect(h.logs).toContainEqual(
      expect.objectContaining({
        eventId: 'Ev0MENTION01',
        retryNum: 1,
        retryReason: 'http_timeout',
      }),
    );
  });

  it('a bad signature is rejected with 401 and nothing is posted', async () => {
    const body = JSON.stringify(fixture('app-mention'));
    const forged = await send(h.url, body, JSON_TYPE, { secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    const garbage = await send(h.url, body, JSON_TYPE, { signature: 'v0=deadbeef' });
    expect(garbage.status).toBe(401);
    expect(fake.callsOf('chat.postMessage')).toHaveLength(0);
  });

  it('a stale timestamp (over five minutes old) is rejected with 401', async () => {
    const body = JSON.stringify(fixture('app-mention'));
    const stale = await send(h.url, body, JSON_TYPE, {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(stale.status).toBe(401);
    expect(fake.callsOf('chat.postMessage')).toHaveLength(0);
  });

  it('a malformed event is dropped without crashing, and the next one is answered', async () => {
    await deliver(eventOf('app-mention', { text: 42, channel: null }, 'EvBad'));
    await deliver(fixture('message-im'));
    const [post] = await fake.waitFor('chat.postMessage');
    expect(post?.body.channel).toBe('D0DIRECT01');
  });
});

describe('Web API errors', () => {
  it('not_in_channel: logged with context; the user is told privately; the bot carries on', async () => {
    fake.failNext('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    await deliver(fixture('app-mention'));
    const [ephemeral] = await fake.waitFor('chat.postEphemeral');
    expect(ephemeral?.body).toMatchObject({
      channel: 'C0CHAN001',
      user: 'U0ASKER01',
      thread_ts: '1710000000.000100',
    });
    expect(String(ephemeral?.body.text)).toContain('/invite @Stevedore');
    expect(h.logs).toContainEqual(
      expect.objectContaining({
        platform: 'slack',
        channel: 'C0CHAN001',
        method: 'chat.postMessage',
        slackError: 'not_in_channel',
      }),
    );
    await deliver(fixture('message-im'));
    await fake.waitFor('chat.postMessage', 2);
  });

  it('channel_not_found and rate limits are logged and never crash the process', async () => {
    fake.failNext('chat.postMessage', { body: { ok: false, error: 'channel_not_found' } });
    fake.failNext('chat.postEphemeral', { body: { ok: false, error: 'channel_not_found' } });
    await deliver(fixture('message-im'));
    await fake.waitFor('chat.postEphemeral');
    fake.failNext('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '0' },
      body: { ok: false, error: 'ratelimited' },
    });
    await deliver(eventOf('message-im', { ts: '1710000101.0001' }, 'EvRate'));
    await fake.waitFor('chat.postMessage', 2);
    await deliver(eventOf('message-im', { ts: '1710000102.0001' }, 'EvAfter'));
    await fake.waitFor('chat.postMessage', 3);
    const failures = h.logs.filter((l) => l.method === 'chat.postMessage').map((l) => l.slackError);
    expect(failures[0]).toBe('channel_not_found');
    expect(failures).toHaveLength(2);
  });

  it('never writes a token to the log', async () => {
    await deliver(fixture('app-mention'));
    await fake.waitFor('chat.postMessage');
    const all = h.rawLogs.join('\n');
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SIGNING_SECRET);
    expect(all).not.toContain(APP_TOKEN);
  });
});
