/**
 * A small fake of Discord on 127.0.0.1: the REST API (under /api/v10) and the gateway
 * (WebSocket, plain JSON frames) on one random port. It refuses what real Discord refuses —
 * interactions answered after 3 s (10062) or twice (40060), messages over their limits (50035),
 * empty messages (50006) — and records every request so tests can assert on exact payloads.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  APPLICATION_ID,
  botMessageJson,
  guildCreatePayload,
  readyPayload,
} from '../../fixtures/discord/payloads.js';
import { snowflake, snowflakeTime } from '../../fixtures/discord/snowflake.js';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

export interface GatewayFrame {
  readonly op: number;
  readonly d: unknown;
  readonly t?: string | null;
  readonly s?: number | null;
}

interface DiscordError {
  readonly status: number;
  readonly code: number;
  readonly message: string;
  /** 429 only: seconds until the bucket resets (sent as Retry-After and X-RateLimit-*). */
  readonly retryAfter?: number;
}

interface MessageBody {
  content?: string;
  embeds?: {
    title?: string;
    description?: string;
    fields?: { name: string; value: string }[];
    footer?: { text: string };
    author?: { name: string };
  }[];
  components?: unknown[];
  flags?: number;
  message_reference?: unknown;
}

const errors = {
  unknownInteraction: { status: 404, code: 10062, message: 'Unknown interaction' },
  acknowledged: {
    status: 400,
    code: 40060,
    message: 'Interaction has already been acknowledged.',
  },
  empty: { status: 400, code: 50006, message: 'Cannot send an empty message' },
  missingPermissions: { status: 403, code: 50013, message: 'Missing Permissions' },
  missingAccess: { status: 403, code: 50001, message: 'Missing Access' },
  unknownChannel: { status: 404, code: 10003, message: 'Unknown Channel' },
  unauthorized: { status: 401, code: 0, message: '401: Unauthorized' },
  /** A route rate limit of a minute, as Discord sends it (not global). */
  rateLimited: { status: 429, code: 0, message: 'You are being rate limited.', retryAfter: 60 },
  /** Discord's own trouble: discord.js reads any 5xx as an HTTPError, whatever the body. */
  serverError: { status: 500, code: 0, message: '500: Internal Server Error' },
  /** Not an answer: the fake drops the connection without responding (status 0 marks it). */
  connectionReset: { status: 0, code: 0, message: 'connection reset' },
} as const satisfies Record<string, DiscordError>;

export const DISCORD_ERRORS = errors;

function invalidForm(why: string): DiscordError {
  return { status: 400, code: 50035, message: `Invalid Form Body (${why})` };
}

/** The reasons real Discord would refuse this message, or undefined when it is acceptable. */
function checkMessage(body: MessageBody, requireSomething: boolean): DiscordError | undefined {
  const embeds = body.embeds ?? [];
  if ((body.content ?? '').length > 2000) return invalidForm('content over 2000');
  if (embeds.length > 10) return invalidForm('over 10 embeds');
  let total = 0;
  for (const e of embeds) {
    if ((e.title ?? '').length > 256) return invalidForm('embed title over 256');
    if ((e.description ?? '').length > 4096) return invalidForm('embed description over 4096');
    if ((e.fields ?? []).length > 25) return invalidForm('over 25 fields');
    for (const f of e.fields ?? []) {
      if (f.name.length === 0 || f.name.length > 256) return invalidForm('field name');
      if (f.value.length === 0 || f.value.length > 1024) return invalidForm('field value');
      total += f.name.length + f.value.length;
    }
    total +=
      (e.title ?? '').length +
      (e.description ?? '').length +
      (e.footer?.text ?? '').length +
      (e.author?.name ?? '').length;
  }
  if (total > 6000) return invalidForm('embeds over 6000 in total');
  const components = (body.components ?? []) as { components?: unknown[] }[];
  if (components.length > 5) return invalidForm('over 5 rows');
  for (const row of components) {
    if ((row.components ?? []).length > 5) return invalidForm('over 5 buttons in a row');
    for (const button of (row.components ?? []) as { custom_id?: string; label?: string }[]) {
      if ((button.custom_id ?? '').length > 100) return invalidForm('custom_id over 100');
      if ((button.label ?? '').length > 80) return invalidForm('label over 80');
    }
  }
  if (requireSomething && !body.content && embeds.length === 0 && components.length === 0) {
    return errors.empty;
  }
  return undefined;
}

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  /** Every frame the client sent on the gateway (IDENTIFY, RESUME, heartbeats). */
  readonly received: GatewayFrame[] = [];
  /** Registered application commands by route (`global` or a guild id). */
  readonly commands = new Map<string, ({ id: string; name: string } & Record<string, unknown>)[]>();
  /** Channels that refuse messages, and why (missing permissions, deleted). */
  readonly channelErrors = new Map<string, DiscordError>();
  /** When set, every authenticated request is refused with 401. */
  refuseToken = false;
  connections = 0;

  private readonly acknowledged = new Set<string>();
  private socket: WebSocket | undefined;
  private sequence = 0;
  private readonly sessionId = 'session-1';
  private waiters: (() => void)[] = [];

  private constructor(
    private readonly server: Server,
    private readonly gateway: WebSocketServer,
    readonly port: number,
  ) {}

  /** The REST base URL to give discord.js (`rest.api`, `DISCORD_API_URL`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<FakeDiscord> {
    const server = createServer();
    const gateway = new WebSocketServer({ server });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeDiscord(server, gateway, (server.address() as AddressInfo).port);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        let body: unknown = null;
        try {
          body = raw === '' ? null : JSON.parse(raw);
        } catch {
          body = raw;
        }
        const recorded = {
          method: req.method ?? 'GET',
          path: decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/'),
          headers: req.headers,
          body,
        };
        fake.requests.push(recorded);
        const [status, payload, headers = {}] = fake.route(recorded);
        if (status === errors.connectionReset.status) {
          req.socket.destroy();
        } else if (payload === undefined) {
          // A bare 204 without a JSON content type, as Discord answers interaction callbacks.
          res.writeHead(status, headers).end();
        } else {
          res
            .writeHead(status, { ...headers, 'content-type': 'application/json' })
            .end(JSON.stringify(payload));
        }
        fake.notify();
      });
    });
    gateway.on('connection', (socket) => fake.accept(socket));
    return fake;
  }

  private route(req: RecordedRequest): [number, unknown, Record<string, string>?] {
    const { method, path } = req;
    const fail = (e: DiscordError): [number, unknown, Record<string, string>?] =>
      e.retryAfter === undefined
        ? [e.status, { code: e.code, message: e.message }]
        : [
            e.status,
            { code: e.code, message: e.message, retry_after: e.retryAfter, global: false },
            {
              'retry-after': String(e.retryAfter),
              'x-ratelimit-limit': '5',
              'x-ratelimit-remaining': '0',
              'x-ratelimit-reset-after': String(e.retryAfter),
              'x-ratelimit-bucket': 'channel-messages',
              'x-ratelimit-scope': 'user',
            },
          ];
    const isCallback = /^\/api\/v10\/interactions\//.test(path);
    const isWebhook = /^\/api\/v10\/webhooks\//.test(path);
    if (!isCallback && !isWebhook) {
      if (req.headers.authorization !== 'Bot test-token' || this.refuseToken) {
        return fail(errors.unauthorized);
      }
    }

    if (method === 'GET' && path === '/api/v10/gateway/bot') {
      return [
        200,
        {
          url: this.gatewayUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        },
      ];
    }

    const callback = /^\/api\/v10\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
    if (method === 'POST' && callback) {
      const id = callback[1] ?? '';
      if (callback[2] !== `interaction-token-${id}` || Date.now() - snowflakeTime(id) > 3000) {
        return fail(errors.unknownInteraction);
      }
      if (this.acknowledged.has(id)) return fail(errors.acknowledged);
      const body = req.body as { type: number; data?: MessageBody & { choices?: unknown[] } };
      if ([4, 7].includes(body.type)) {
        const refused = checkMessage(body.data ?? {}, body.type === 4);
        if (refused) return fail(refused);
      }
      if (body.type === 8 && (body.data?.choices ?? []).length > 25) {
        return fail(invalidForm('over 25 choices'));
      }
      this.acknowledged.add(id);
      return [204, undefined];
    }

    const webhook =
      /^\/api\/v10\/webhooks\/(\d+)\/interaction-token-(\d+)(\/messages\/@original)?$/.exec(path);
    if (webhook && webhook[1] === APPLICATION_ID) {
      if (!this.acknowledged.has(webhook[2] ?? '')) return fail(errors.unknownInteraction);
      const refused = checkMessage(req.body as MessageBody, method === 'POST');
      if (refused) return fail(refused);
      return [200, this.messageJson('0', req.body as MessageBody)];
    }

    const channel = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path);
    if (method === 'POST' && channel) {
      const channelId = channel[1] ?? '';
      const refusal = this.channelErrors.get(channelId);
      if (refusal) return fail(refusal);
      const refused = checkMessage(req.body as MessageBody, true);
      if (refused) return fail(refused);
      return [200, this.messageJson(channelId, req.body as MessageBody)];
    }

    const commands = /^\/api\/v10\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);
    if (commands && commands[1] === APPLICATION_ID) {
      const scope = commands[2] ?? 'global';
      if (method === 'GET') return [200, this.commands.get(scope) ?? []];
      if (method === 'PUT') {
        const list = (
          req.body as { name: string; default_member_permissions?: string | null }[]
        ).map((c) => ({
          ...c,
          id: snowflake(),
          application_id: APPLICATION_ID,
          version: snowflake(),
          // Discord stores what was sent, null when nothing was.
          default_member_permissions: c.default_member_permissions ?? null,
          ...(scope === 'global' ? {} : { guild_id: scope }),
        }));
        this.commands.set(scope, list);
        return [200, list];
      }
    }
    return [404, { code: 0, message: '404: Not Found' }];
  }

  private messageJson(channelId: string, body: MessageBody) {
    return botMessageJson(channelId, body, body.message_reference ? 19 : 0, body.flags ?? 0);
  }

  private accept(socket: WebSocket): void {
    this.connections += 1;
    this.socket = socket;
    // A long interval: the client's first heartbeat comes late, so tests see few of them.
    this.send({ op: 10, d: { heartbeat_interval: 41_250 } });
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as GatewayFrame;
      this.received.push(frame);
      if (frame.op === 1) this.send({ op: 11, d: null });
      if (frame.op === 2) {
        this.sequence = 0;
        this.dispatch('READY', readyPayload(this.sessionId, this.gatewayUrl));
        this.dispatch('GUILD_CREATE', guildCreatePayload());
      }
      if (frame.op === 6) this.dispatch('RESUMED', {});
      this.notify();
    });
  }

  private send(frame: GatewayFrame): void {
    this.socket?.send(JSON.stringify(frame));
  }

  /** Sends a gateway event (op 0) to the connected client. */
  dispatch(t: string, d: unknown): void {
    this.sequence += 1;
    this.send({ op: 0, t, s: this.sequence, d });
  }

  /** Asks the client to reconnect (op 7), as Discord does when it moves a session. */
  requestReconnect(): void {
    this.send({ op: 7, d: null });
  }

  /** Drops the connection abruptly with a resumable close code (4000, unknown error). */
  dropConnection(): void {
    this.socket?.close(4000, 'Unknown error');
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves when `check` holds, re-checked after every request and gateway frame. */
  async until<T>(check: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = check();
      if (found !== undefined && found !== false) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fake Discord: timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 100));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The first request to a path (string: exact; RegExp: match) after `from` requests. */
  async request(path: string | RegExp, from = 0): Promise<RecordedRequest> {
    return this.until(
      () =>
        this.requests
          .slice(from)
          .find((r) => (typeof path === 'string' ? r.path === path : path.test(r.path))),
      `a request to ${String(path)}`,
    );
  }

  /** Where the answer to an interaction is posted. */
  callbackPath(interaction: { id: string; token: string }): string {
    return `/api/v10/interactions/${interaction.id}/${interaction.token}/callback`;
  }

  async close(): Promise<void> {
    for (const client of this.gateway.clients) client.terminate();
    await new Promise<void>((resolve) => this.gateway.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
