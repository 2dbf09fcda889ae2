/**
 * A fake of Slack on 127.0.0.1: the Web API (`/api/<method>`), response URLs (`/response/<id>`)
 * and, on demand, a Socket Mode WebSocket endpoint. It records every request for assertions.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  /** Web API method (`chat.postMessage`) or `response:<id>` for a response URL. */
  readonly method: string;
  readonly authorization: string | undefined;
  readonly body: Record<string, unknown>;
}

export interface FakeReply {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body: unknown;
}

export const BOT_USER_ID = 'UBOT0001';
export const BOT_ID = 'BBOT0001';
export const TEAM_ID = 'T0TEAM001';

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // The Web API client sends arrays and objects (blocks, view) as JSON strings in a form.
    out[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return out;
}

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly #server: Server;
  readonly #overrides = new Map<string, FakeReply[]>();
  readonly #waiters: Array<() => void> = [];
  #ts = 1_700_000_000;
  /** Socket Mode: the URL `apps.connections.open` hands out. */
  socketUrl = '';
  /** Members `users.info` knows, by id, with their roles; anyone else is `user_not_found`. */
  readonly users = new Map<string, { is_admin?: boolean; is_owner?: boolean; deleted?: boolean }>();

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<FakeSlack> {
    const server = createServer();
    const fake = new FakeSlack(server);
    server.on('request', (req, res) => {
      void fake.#handle(req).then((reply) => {
        res.writeHead(reply.status ?? 200, {
          'content-type': 'application/json',
          ...reply.headers,
        });
        res.end(JSON.stringify(reply.body));
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return fake;
  }

  get url(): string {
    const { port } = this.#server.address() as AddressInfo; // listening on a TCP port, never a pipe
    return `http://127.0.0.1:${port}`;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/response/${id}`;
  }

  /** The next `times` calls of `method` get `reply` instead of the default success. */
  failNext(method: string, reply: FakeReply, times = 1): void {
    const queue = this.#overrides.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(reply);
    this.#overrides.set(method, queue);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves once `count` calls of `method` were received; rejects after `ms` (a hang guard). */
  async waitFor(method: string, count = 1, ms = 5_000): Promise<RecordedCall[]> {
    const deadline = Date.now() + ms;
    while (this.callsOf(method).length < count) {
      if (Date.now() > deadline) {
        throw new Error(
          `fake Slack: expected ${count} call(s) of ${method}, got ${this.callsOf(method).length}; calls: ${this.calls.map((c) => c.method).join(', ')}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.callsOf(method);
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage): Promise<FakeReply> {
    const raw = await readAll(req);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const method = path.startsWith('/api/')
      ? path.slice('/api/'.length)
      : path.startsWith('/response/')
        ? `response:${path.slice('/response/'.length)}`
        : path;
    this.calls.push({
      method,
      authorization: req.headers.authorization,
      body: parseBody(raw, req.headers['content-type']),
    });
    for (const wake of this.#waiters.splice(0)) wake();
    const override = this.#overrides.get(method)?.shift();
    if (override) return override;
    return { body: this.#defaultReply(method, this.calls[this.calls.length - 1]?.body ?? {}) };
  }

  #defaultReply(method: string, body: Record<string, unknown>): unknown {
    if (method.startsWith('response:')) return { ok: true };
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          user_id: BOT_USER_ID,
          bot_id: BOT_ID,
          team_id: TEAM_ID,
          user: 'stevedore',
        };
      case 'chat.postMessage':
        this.#ts += 1;
        return { ok: true, channel: 'C1', ts: `${this.#ts}.000100` };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${this.#ts}.000200` };
      case 'views.open':
      case 'views.update':
        return { ok: true, view: { id: 'V0MODAL01' } };
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      case 'users.info': {
        const id = String(body.user ?? '');
        const user = this.users.get(id);
        if (!user) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: {
            id,
            team_id: TEAM_ID,
            name: id.toLowerCase(),
            deleted: false,
            is_admin: false,
            is_owner: false,
            is_primary_owner: false,
            is_restricted: false,
            is_bot: false,
            ...user,
          },
        };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}
