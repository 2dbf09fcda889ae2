/**
 * The real Bolt app in Socket Mode: `apps.connections.open` on the fake Web API hands out a local
 * WebSocket server that speaks Slack's envelope protocol (hello, envelopes, acks, disconnect).
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { FakeSlack } from './fake-slack.js';
import {
  APP_TOKEN,
  BOT_TOKEN,
  commandBodyObject,
  fixture,
  type Harness,
  startHarness,
} from './harness.js';

interface Ack {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

let fake: FakeSlack;
let wss: WebSocketServer;
let h: Harness | undefined;
let sockets: WebSocket[];
const acks: Ack[] = [];

beforeEach(async () => {
  fake = await FakeSlack.start();
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(wss, 'listening');
  fake.socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link/?ticket=t1`; // TCP server
  sockets = [];
  acks.length = 0;
  wss.on('connection', (socket) => {
    sockets.push(socket);
    socket.on('message', (data) => acks.push(JSON.parse(String(data)) as Ack));
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        connection_info: { app_id: 'A0STEVE01' },
      }),
    );
  });
  h = await startHarness(fake, { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN });
});

afterEach(async () => {
  await h?.stop();
  for (const socket of wss.clients) socket.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  await fake.close();
});

function envelope(id: string, type: string, payload: object, extra: object = {}): string {
  return JSON.stringify({
    envelope_id: id,
    type,
    accepts_response_payload: type !== 'events_api',
    payload,
    ...extra,
  });
}

async function ackFor(id: string): Promise<Ack> {
  for (let i = 0; i < 100; i++) {
    const ack = acks.find((a) => a.envelope_id === id);
    if (ack) return ack;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no ack for envelope ${id}; acks: ${JSON.stringify(acks)}`);
}

describe('Socket Mode', () => {
  it('connects with the app-level token through apps.connections.open', async () => {
    expect(h?.running.mode).toBe('socket');
    const [open] = fake.callsOf('apps.connections.open');
    expect(open?.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(fake.callsOf('auth.test')[0]?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it('a slash command is answered in the ack of its envelope', async () => {
    sockets[0]?.send(
      envelope(
        'env-cmd-1',
        'slash_commands',
        commandBodyObject({ command: '/define', text: 'argon' }),
      ),
    );
    const ack = await ackFor('env-cmd-1');
    expect(ack.payload).toMatchObject({ response_type: 'ephemeral' });
    const blocks = ack.payload?.blocks as unknown[];
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Argon' } });
  });

  it('/termofday subscribe: the envelope is acked empty, the confirmation goes to the response URL', async () => {
    fake.users.set('U0ADMIN01', { is_admin: true });
    sockets[0]?.send(
      envelope(
        'env-tod-1',
        'slash_commands',
        commandBodyObject({
          command: '/termofday',
          text: 'subscribe 10:00 UTC',
          user_id: 'U0ADMIN01',
          response_url: fake.responseUrl('tod-socket'),
        }),
      ),
    );
    const ack = await ackFor('env-tod-1');
    expect(ack).toEqual({ envelope_id: 'env-tod-1', payload: {} });
    const [confirmation] = await fake.waitFor('response:tod-socket');
    expect(confirmation?.body).toMatchObject({
      response_type: 'in_channel',
      text: '<@U0ADMIN01> subscribed this channel to the term of the day at *10:00* (UTC). Next post: Fri, 14 Mar 2025, 10:00 UTC.',
    });
    expect(h?.store.getSubscription('slack', 'C0CHAN001')?.time).toBe('10:00');
  });

  it('an app_mention envelope is acked and answered in a thread, once despite a retry', async () => {
    const body = fixture('app-mention');
    sockets[0]?.send(
      envelope('env-ev-1', 'events_api', body, { retry_attempt: 0, retry_reason: '' }),
    );
    await ackFor('env-ev-1');
    const [post] = await fake.waitFor('chat.postMessage');
    expect(post?.body).toMatchObject({ channel: 'C0CHAN001', thread_ts: '1710000000.000100' });
    sockets[0]?.send(
      envelope('env-ev-2', 'events_api', body, { retry_attempt: 1, retry_reason: 'timeout' }),
    );
    await ackFor('env-ev-2');
    sockets[0]?.send(envelope('env-ev-3', 'events_api', fixture('message-im')));
    await fake.waitFor('chat.postMessage', 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.callsOf('chat.postMessage').map((c) => c.body.channel)).toEqual([
      'C0CHAN001',
      'D0DIRECT01',
    ]);
  });

  it('an unknown interactive action is acked over the socket', async () => {
    const payload = fixture('block-actions-ephemeral', {
      actions: [
        { action_id: 'mystery', block_id: 'x', value: 'x', type: 'button', action_ts: '1' },
      ],
    });
    sockets[0]?.send(envelope('env-int-1', 'interactive', payload));
    const ack = await ackFor('env-int-1');
    expect(ack.envelope_id).toBe('env-int-1');
  });

  it('reconnects after a disconnect message and keeps answering', async () => {
    sockets[0]?.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested' }));
    // The client waits its ping timeout (5 s by default) before reconnecting.
    await fake.waitFor('apps.connections.open', 2, 15_000);
    for (let i = 0; i < 100 && sockets.length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    sockets[1]?.send(envelope('env-after', 'events_api', fixture('message-im')));
    const [post] = await fake.waitFor('chat.postMessage');
    expect(post?.body.channel).toBe('D0DIRECT01');
  });
});
