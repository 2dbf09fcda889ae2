import pino from 'pino';
import { startDiscord } from '../../../src/adapters/discord/start-discord.js';
import type { RunningPlatform } from '../../../src/app/start-bot.js';
import { readConfig } from '../../../src/config/read-config.js';
import { createEngine } from '../../../src/core/engine/create-engine.js';
import type { Feedback } from '../../../src/core/feedback.js';
import { loadKnowledgeOrThrow } from '../../../src/core/knowledge/load-knowledge.js';
import { APPLICATION_ID } from '../../fixtures/discord/payloads.js';
import { FakeDiscord } from './fake-discord.js';

export const TOKEN = 'test-token';

export type LogLine = Record<string, unknown> & { level: number; msg: string };

export interface Harness {
  readonly fake: FakeDiscord;
  readonly bot: RunningPlatform;
  readonly logs: LogLine[];
  readonly feedback: Feedback[];
  /** Dispatches an INTERACTION_CREATE and returns the interaction. */
  interact<T extends { id: string; token: string }>(interaction: T): T;
  /** Dispatches a MESSAGE_CREATE and returns the message. */
  message<T>(message: T): T;
  stop(): Promise<void>;
}

/** A fake Discord on loopback and the real discord.js client of Stevedore connected to it. */
export async function startHarness(options: { deferAfterMs?: number } = {}): Promise<Harness> {
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
  const bot = await startDiscord({
    config: config.discord,
    engine: createEngine(loadKnowledgeOrThrow('tests/fixtures/knowledge/valid')),
    logger,
    recordFeedback: (f) => feedback.push(f),
    timeZone: 'UTC',
    ...options,
  });
  return {
    fake,
    bot,
    logs,
    feedback,
    interact(interaction) {
      fake.dispatch('INTERACTION_CREATE', interaction);
      return interaction;
    },
    message(message) {
      fake.dispatch('MESSAGE_CREATE', message);
      return message;
    },
    async stop() {
      await bot.stop();
      await fake.close();
    },
  };
}
