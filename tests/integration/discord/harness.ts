import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startDiscord } from '../../../src/adapters/discord/start-discord.js';
import type { RunningPlatform } from '../../../src/adapters/platform.js';
import { readConfig } from '../../../src/config/read-config.js';
import { createEngine } from '../../../src/core/engine/create-engine.js';
import type { Feedback } from '../../../src/core/feedback.js';
import { loadKnowledgeOrThrow } from '../../../src/core/knowledge/load-knowledge.js';
import { openSqliteStore } from '../../../src/store/sqlite-store.js';
import type { Store } from '../../../src/store/store.js';
import { TermOfDayService } from '../../../src/term-of-day/term-of-day-service.js';
import { APPLICATION_ID } from '../../fixtures/discord/payloads.js';
import { FakeDiscord } from './fake-discord.js';

export const TOKEN = 'test-token';

export type LogLine = Record<string, unknown> & { level: number; msg: string };

export interface Harness {
  readonly fake: FakeDiscord;
  readonly bot: RunningPlatform;
  readonly logs: LogLine[];
  readonly feedback: Feedback[];
  /** The real term-of-day service the bot was started with, over `store`. */
  readonly termOfDay: TermOfDayService;
  /** A SQLite store in a temporary directory, removed by `stop()`. */
  readonly store: Store;
  /** Dispatches an INTERACTION_CREATE and returns the interaction. */
  interact<T extends { id: string; token: string }>(interaction: T): T;
  /** Dispatches a MESSAGE_CREATE and returns the message. */
  message<T>(message: T): T;
  stop(): Promise<void>;
}

/** A fake Discord on loopback and the real discord.js client of Stevedore connected to it. */
export async function startHarness(
  options: { deferAfterMs?: number; now?: () => Date; maxFailures?: number } = {},
): Promise<Harness> {
  const { maxFailures, ...startOptions } = options;
  const fake = await FakeDiscord.start();
  const logs: LogLine[] = [];
  const feedback: Feedback[] = [];
  const logger = pino(
    { level: 'debug' },
    { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) },
  );
  const config = readConfig({
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: APPLICATION_ID,
    DISCORD_API_URL: fake.apiUrl,
  });
  if (!config.discord) throw new Error('the test configuration has no Discord section');
  const engine = createEngine(loadKnowledgeOrThrow('tests/fixtures/knowledge/valid'));
  const dir = mkdtempSync(path.join(tmpdir(), 'stevedore-discord-'));
  const store = openSqliteStore(path.join(dir, 'stevedore.db'));
  const termOfDay = new TermOfDayService({
    store,
    engine,
    logger: logger.child({ component: 'term-of-day' }),
    defaultTimeZone: 'UTC',
    instanceId: 'discord-test',
    ...(maxFailures === undefined ? {} : { maxFailures }),
  });
  let bot: RunningPlatform;
  try {
    bot = await startDiscord(
      { config, engine, logger, recordFeedback: (f: Feedback) => feedback.push(f), termOfDay },
      startOptions,
    );
  } catch (error) {
    store.close();
    rmSync(dir, { recursive: true, force: true });
    await fake.close();
    throw error;
  }
  return {
    fake,
    bot,
    logs,
    feedback,
    termOfDay,
    store,
    interact(interaction) {
      fake.dispatch('INTERACTION_CREATE', interaction);
      return interaction;
    },
    message(message) {
      fake.dispatch('MESSAGE_CREATE', message);
      return message;
    },
    async stop() {
      try {
        await bot.stop();
        await fake.close();
      } finally {
        store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
