/**
 * When Slack's Web API fails — a 429 with Retry-After, a 500, a reset connection — what the user
 * is told and what is logged. The real adapter (Bolt and its @slack/web-api client, at Slack's own
 * address) talks to nock; events still arrive over loopback, signed as Slack signs them.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BOT_ID, BOT_USER_ID, TEAM_ID } from './fake-slack.js';
import {
  BOT_TOKEN,
  commandBody,
  FORM,
  fixture,
  type Harness,
  JSON_TYPE,
  SIGNING_SECRET,
  send,
  startHarness,
} from './harness.js';

const SLACK = 'https://slack.com';
const API = `${SLACK}/api/`;
/** Where a slash command's `respond()` posts (Slack's own host for response URLs). */
const HOOKS = 'https://hooks.slack.com';
const ADMIN = 'U0ADMIN01';

let h: Harness;
/** Bodies Stevedore sent, by Web API method (or `response`), in order. */
let sent: Map<string, Array<Record<string, unknown>>>;

beforeAll(() => {
  nock.disableNetConnect();
  // Only the adapter's own HTTP receiver: the test posts events to it on loopback.
  nock.enableNetConnect((host) => host.startsWith('127.0.0.1:'));
});
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

/** Records what Stevedore sent to `method` and matches every such request. */
function body(method: string) {
  return (payload: Record<string, unknown>) => {
    const list = sent.get(method) ?? [];
    list.push(payload);
    sent.set(method, list);
    return true;
  };
}

/** The Web API, answering `method` as given (`nock(...).post(...)` for the caller to reply). */
const api = (method: string) => nock(SLACK).post(`/api/${method}`, body(method));

beforeEach(async () => {
  sent = new Map();
  nock(SLACK)
    .post('/api/auth.test')
    .reply(200, { ok: true, user_id: BOT_USER_ID, bot_id: BOT_ID, team_id: TEAM_ID });
  h = await startHarness(
    { apiUrl: API },
    { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET },
    // Production retries after 1, 2 and 4 s; here once, at once, so a 429 can be waited out.
    { retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 } },
  );
});

afterEach(async () => {
  await h?.stop();
  nock.abortPendingRequests();
  nock.cleanAll();
});

/** Waits until every nocked request was made (the handlers run after Bolt's ack); a hang guard. */
async function allAnswered(ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!nock.isDone()) {
    if (Date.now() > deadline) throw new Error(`not sent: ${nock.pendingMocks().join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // The log line of a failure is written after the response that caused it.
  await new Promise((resolve) => setTimeout(resolve, 20));
}

/** A direct message to the bot ("what is conmon?"), as Slack delivers it. */
async function directMessage(eventId = 'EvDM0001', ts = '1710000100.000100'): Promise<void> {
  const event = { ...fixture<{ event: object }>('message-im').event, ts, event_ts: ts };
  const res = await send(
    h.url,
    JSON.stringify(fixture('message-im', { event_id: eventId, event })),
    JSON_TYPE,
  );
  expect(res.status).toBe(200);
}

/** What undici's fetch throws when the connection is reset under it. */
const connectionReset = () =>
  Object.assign(new TypeError('fetch failed'), {
    cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
  });

/** The ephemeral note the asker gets: in the DM, only to them. */
const toldPrivately = (text: string) => ({
  channel: 'D0DIRECT01',
  user: 'U0ASKER01',
  text,
  team_id: TEAM_ID,
});

const failureLogs = () => h.logs.filter((line) => line.slackError !== undefined);

describe('a reply that Slack rate-limits (429 with Retry-After)', () => {
  it('is sent again once the Retry-After has passed, and the user sees only the answer', async () => {
    api('chat.postMessage').reply(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '0' });
    api('chat.postMessage').reply(200, { ok: true, ts: '1710000200.000100' });
    await directMessage();
    await allAnswered();
    const posts = sent.get('chat.postMessage') ?? [];
    expect(posts).toHaveLength(2);
    expect(posts[1]).toEqual(posts[0]);
    expect(posts[0]).toMatchObject({ channel: 'D0DIRECT01' });
    expect(String(posts[0]?.text)).toMatch(/conmon/i);
    expect(sent.get('chat.postEphemeral')).toBeUndefined();
    expect(failureLogs()).toEqual([]);
  });

  it('when the limit holds, the user is told to slow down and the log says ratelimited', async () => {
    api('chat.postMessage')
      .times(2)
      .reply(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '0' });
    api('chat.postEphemeral').reply(200, { ok: true });
    await directMessage();
    await allAnswered();
    expect(sent.get('chat.postEphemeral')).toEqual([
      toldPrivately('Slack is asking me to slow down; please try again in a minute.'),
    ]);
    expect(failureLogs()).toEqual([
      expect.objectContaining({
        level: 40,
        platform: 'slack',
        channel: 'D0DIRECT01',
        method: 'chat.postMessage',
        slackError: 'ratelimited',
        retryAfter: 0,
      }),
    ]);
  });
});

describe('a reply that Slack fails to take', () => {
  it('HTTP 500: the user is told Slack had a problem; the log has the status', async () => {
    api('chat.postMessage').times(2).reply(500, 'Internal Server Error');
    api('chat.postEphemeral').reply(200, { ok: true });
    await directMessage();
    await allAnswered();
    expect(sent.get('chat.postEphemeral')).toEqual([
      toldPrivately('Sorry, Slack had a problem taking my answer. Please try again in a minute.'),
    ]);
    expect(failureLogs()).toEqual([
      expect.objectContaining({
        method: 'chat.postMessage',
        slackError: 'http_500',
        err: 'An HTTP protocol error occurred: statusCode = 500',
      }),
    ]);
  });

  it('a connection reset: the user is told it did not reach Slack; the log names the reset', async () => {
    api('chat.postMessage').times(2).replyWithError(connectionReset());
    api('chat.postEphemeral').reply(200, { ok: true });
    await directMessage();
    await allAnswered();
    expect(sent.get('chat.postEphemeral')).toEqual([
      toldPrivately(
        'Sorry, my answer did not reach Slack (the connection failed). Please try again in a minute.',
      ),
    ]);
    expect(failureLogs()).toEqual([
      expect.objectContaining({
        method: 'chat.postMessage',
        slackError: 'request_failed',
        err: 'A request error occurred: fetch failed (ECONNRESET)',
      }),
    ]);
  });

  it('when the note fails too, both failures are logged and the next message is answered', async () => {
    api('chat.postMessage').times(2).reply(503, 'Service Unavailable');
    api('chat.postEphemeral').times(2).replyWithError(connectionReset());
    await directMessage('EvDM0001');
    await allAnswered();
    expect(failureLogs().map((line) => [line.method, line.slackError])).toEqual([
      ['chat.postMessage', 'http_503'],
      ['chat.postEphemeral', 'request_failed'],
    ]);
    api('chat.postMessage').reply(200, { ok: true, ts: '1710000300.000100' });
    await directMessage('EvDM0002', '1710000101.000100');
    await allAnswered();
    expect(sent.get('chat.postMessage')).toHaveLength(3);
  });

  it('never writes a token to the log', async () => {
    api('chat.postMessage').times(2).reply(500, `token=${BOT_TOKEN}`);
    api('chat.postEphemeral').times(2).replyWithError(connectionReset());
    await directMessage();
    await allAnswered();
    expect(failureLogs()).toHaveLength(2);
    const all = h.rawLogs.join('\n');
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SIGNING_SECRET);
  });
});

describe('/termofday when Slack cannot say who is an admin (users.info fails)', () => {
  /** Sends `/termofday unsubscribe` as a workspace member; returns what respond() posted. */
  async function unsubscribe(): Promise<Record<string, unknown> | undefined> {
    nock(HOOKS).post('/commands/T0TEAM001/1/abc', body('response')).reply(200, 'ok');
    const res = await send(
      h.url,
      commandBody({ command: '/termofday', text: 'unsubscribe', user_id: ADMIN }),
      FORM,
    );
    expect(res.status).toBe(200);
    await allAnswered();
    return sent.get('response')?.[0];
  }

  const refusal = (code: string) =>
    `Sorry, I could not check with Slack whether you may change this channel's term of the day (Slack said \`${code}\`), so nothing was changed. Please try again in a minute.`;

  it('429 with Retry-After: refused at once (no waiting), the user asked to retry', async () => {
    api('users.info').reply(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '30' });
    expect(await unsubscribe()).toMatchObject({
      response_type: 'ephemeral',
      text: refusal('ratelimited'),
    });
    expect(failureLogs()).toEqual([
      expect.objectContaining({ method: 'users.info', slackError: 'ratelimited', retryAfter: 30 }),
    ]);
  });

  it('HTTP 500: the user is told what Slack answered and asked to retry', async () => {
    api('users.info').times(2).reply(500, 'Internal Server Error');
    expect(await unsubscribe()).toMatchObject({ text: refusal('http_500') });
  });

  it('a connection reset: the user is told the request failed and asked to retry', async () => {
    api('users.info').times(2).replyWithError(connectionReset());
    expect(await unsubscribe()).toMatchObject({ text: refusal('request_failed') });
  });
});
