import { GatewayIntentBits } from 'discord.js';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscord } from '../../../src/adapters/discord/start-discord.js';
import { readConfig } from '../../../src/config/read-config.js';
import { createEngine } from '../../../src/core/engine/create-engine.js';
import { loadKnowledgeOrThrow } from '../../../src/core/knowledge/load-knowledge.js';
import { openSqliteStore } from '../../../src/store/sqlite-store.js';
import { TermOfDayService } from '../../../src/term-of-day/term-of-day-service.js';
import { APPLICATION_ID, chatInput } from '../../fixtures/discord/payloads.js';
import { FakeDiscord } from './fake-discord.js';
import { type Harness, startHarness, TOKEN } from './harness.js';

let h: Harness | undefined;
let fake: FakeDiscord | undefined;
afterEach(async () => {
  await h?.stop();
  await fake?.close();
  h = undefined;
  fake = undefined;
});

async function definePod(harness: Harness): Promise<unknown> {
  const interaction = harness.interact(chatInput('define', [{ name: 'term', value: 'pod' }]));
  return (await harness.fake.request(harness.fake.callbackPath(interaction))).body;
}

describe('the gateway connection', () => {
  it('identifies with only the Guilds, GuildMessages and DirectMessages intents (no Message Content)', async () => {
    h = await startHarness();
    const identify = h.fake.received.find((frame) => frame.op === 2);
    const intents = (identify?.d as { intents?: number } | undefined)?.intents ?? 0;
    expect(intents).toBe(
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages,
    );
    expect(intents & GatewayIntentBits.MessageContent).toBe(0);
  });

  it('reconnect: after Discord asks to reconnect (op 7), the session resumes and answers again', async () => {
    h = await startHarness();
    const harness = h;
    expect(await definePod(harness)).toMatchObject({ type: 4 });
    harness.fake.requestReconnect();
    const resume = await harness.fake.until(
      () => harness.fake.received.find((frame) => frame.op === 6),
      'RESUME',
    );
    expect(resume.d).toMatchObject({ token: TOKEN, session_id: 'session-1' });
    expect(harness.fake.connections).toBe(2);
    expect(await definePod(harness)).toMatchObject({ type: 4 });
    // discord.js resolves its own reconnect quietly; the bot logs that it resumed.
    await harness.fake.until(
      () => harness.logs.find((l) => l.msg === 'gateway session resumed'),
      'the resume log line',
    );
  });

  it('reconnect: a dropped connection (close 4000) is resumed and the bot keeps answering', async () => {
    h = await startHarness();
    const harness = h;
    harness.fake.dropConnection();
    await harness.fake.until(
      () => harness.fake.received.find((frame) => frame.op === 6),
      'RESUME after the drop',
    );
    expect(await definePod(harness)).toMatchObject({ type: 4 });
  });

  it('a refused token fails the start with a message that says what to fix', async () => {
    fake = await FakeDiscord.start();
    fake.refuseToken = true;
    const engine = createEngine(loadKnowledgeOrThrow('tests/fixtures/knowledge/valid'));
    const logger = pino({ level: 'silent' });
    const store = openSqliteStore(':memory:');
    try {
      await expect(
        startDiscord({
          config: readConfig({
            DISCORD_TOKEN: TOKEN,
            DISCORD_APPLICATION_ID: APPLICATION_ID,
            DISCORD_API_URL: fake.apiUrl,
          }),
          engine,
          logger,
          recordFeedback: () => {},
          termOfDay: new TermOfDayService({ store, engine, logger, defaultTimeZone: 'UTC' }),
        }),
      ).rejects.toThrow(/DISCORD_TOKEN/);
    } finally {
      store.close();
    }
  });
});
