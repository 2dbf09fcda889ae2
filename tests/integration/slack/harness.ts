/**
 * Starts the real Slack adapter (Bolt) against {@link FakeSlack}, and sends it signed requests the
 * way Slack does. Shared by the HTTP-mode and Socket Mode tests.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { webApi } from '@slack/bolt';
import pino from 'pino';
import { type RunningSlack, startSlack } from '../../../src/adapters/slack/start-slack.js';
import { type Env, readConfig } from '../../../src/config/read-config.js';
import { createEngine } from '../../../src/core/engine/create-engine.js';
import type { Feedback } from '../../../src/core/feedback.js';
import { loadKnowledgeOrThrow } from '../../../src/core/knowledge/load-knowledge.js';
import { openSqliteStore } from '../../../src/store/sqlite-store.js';
import type { Store } from '../../../src/store/store.js';
import { TermOfDayService } from '../../../src/term-of-day/term-of-day-service.js';
import type { FakeSlack } from './fake-slack.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-1111-2222-secretbottoken';
export const APP_TOKEN = 'xapp-1-A111-2222-secretapptoken';
export const TODAY = '2025-03-14';
/** The harness's clock starts here: 08:00 UTC on {@link TODAY}, a Friday. */
export const NOW = new Date('2025-03-14T08:00:00Z');

const engine = createEngine(loadKnowledgeOrThrow('tests/fixtures/knowledge/valid'));

/** A real-shaped payload from tests/fixtures/slack, with `overrides` merged in at the top level. */
export function fixture<T = Record<string, unknown>>(name: string, overrides: object = {}): T {
  const base = JSON.parse(readFileSync(`tests/fixtures/slack/${name}.json`, 'utf8')) as object;
  return { ...base, ...overrides } as T; // fixtures are JSON objects written for these tests
}

export interface Harness {
  readonly running: RunningSlack;
  readonly feedback: Feedback[];
  /** Every log line the adapter wrote, parsed. */
  readonly logs: Array<Record<string, unknown>>;
  /** Log lines as written, to check that no token ever appears. */
  readonly rawLogs: string[];
  readonly url: string;
  /** The term-of-day service the adapter was given, over a fresh SQLite store in a temp dir. */
  readonly termOfDay: TermOfDayService;
  readonly store: Store;
  /** The instant `/termofday` sees as now; tests move it. Starts at {@link NOW}. */
  readonly clock: { now: Date };
  /** Stops the adapter, closes the store and removes its directory. */
  stop(): Promise<void>;
}

/**
 * Starts the adapter with its Web API at `api.apiUrl`: a {@link FakeSlack}, or Slack's own address
 * under nock. Web API calls are not retried unless `options.retryConfig` says so.
 */
export async function startHarness(
  api: Pick<FakeSlack, 'apiUrl'>,
  env: Env,
  options: { retryConfig?: webApi.RetryOptions } = {},
): Promise<Harness> {
  const logs: Array<Record<string, unknown>> = [];
  const rawLogs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const line = chunk.toString('utf8');
      rawLogs.push(line);
      logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ level: 'debug' }, stream);
  const feedback: Feedback[] = [];
  const config = readConfig({ SLACK_API_URL: api.apiUrl, PORT: '0', ...env });
  const dir = mkdtempSync(path.join(tmpdir(), 'stevedore-slack-'));
  const store = openSqliteStore(path.join(dir, 'stevedore.db'));
  const termOfDay = new TermOfDayService({
    store,
    engine,
    logger: logger.child({ component: 'term-of-day' }),
    defaultTimeZone: config.termOfDayDefaultTimeZone,
    instanceId: 'slack-test',
  });
  const clock = { now: NOW };
  const cleanUp = () => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  let running: RunningSlack;
  try {
    running = await startSlack(
      { config, engine, logger, recordFeedback: (f) => feedback.push(f), termOfDay },
      {
        host: '127.0.0.1',
        retryConfig: options.retryConfig ?? { retries: 0 },
        now: () => clock.now,
      },
    );
  } catch (error) {
    cleanUp();
    throw error;
  }
  return {
    running,
    feedback,
    logs,
    rawLogs,
    url: `http://127.0.0.1:${running.port ?? 0}`,
    termOfDay,
    store,
    clock,
    async stop() {
      await running.stop();
      cleanUp();
    },
  };
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  const hmac = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return `v0=${hmac}`;
}

export interface SendOptions {
  readonly timestamp?: number;
  readonly secret?: string;
  readonly signature?: string;
  readonly headers?: Record<string, string>;
}

/** POSTs a body to `/slack/events`, signed as Slack signs it. */
export async function send(
  url: string,
  body: string,
  contentType: string,
  options: SendOptions = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`${url}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? sign(body, timestamp, options.secret),
      ...options.headers,
    },
    body,
  });
}

/** A slash command's fields, as Socket Mode delivers them (an object). */
export function commandBodyObject(fields: Record<string, string>): Record<string, string> {
  return fixture<Record<string, string>>('slash-command', fields);
}

/** A slash command, form-encoded as Slack sends it over HTTP. */
export function commandBody(fields: Record<string, string>): string {
  return new URLSearchParams(commandBodyObject(fields)).toString();
}

/** An interaction (block action, shortcut, options request): `payload=<json>` in a form. */
export function interactionBody(payload: object): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';
