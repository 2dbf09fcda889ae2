import type { Readable, Writable } from 'node:stream';
import type { PlatformDeps, RunningPlatform } from '../adapters/platform.js';
import type { TerminalStyle } from '../adapters/shell/render-terminal.js';
import { runShell } from '../adapters/shell/run-shell.js';
import type { Config } from '../config/read-config.js';
import { createEngine } from '../core/engine/create-engine.js';
import type { RecordFeedback } from '../core/feedback.js';
import { loadKnowledge } from '../core/knowledge/load-knowledge.js';
import { reportProblems } from '../core/knowledge/problem.js';
import { createLogger } from '../logging/create-logger.js';
import { openSqliteStore, StoreError } from '../store/sqlite-store.js';
import type { Store } from '../store/store.js';
import { TermOfDayService } from '../term-of-day/term-of-day-service.js';
import { createMetricsRegistry, type OpsServer, Readiness, startOpsServer } from './ops-server.js';

export interface Terminal {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly style: TerminalStyle;
}

/** Starts the adapter of every platform whose credentials are configured. */
async function startPlatforms(deps: PlatformDeps): Promise<RunningPlatform[]> {
  const running: RunningPlatform[] = [];
  // Adapters are imported lazily: each SDK is loaded only when its platform is configured.
  if (deps.config.discord) {
    const { startDiscord } = await import('../adapters/discord/start-discord.js');
    running.push(await startDiscord(deps));
  }
  if (deps.config.slack) {
    const { startSlack } = await import('../adapters/slack/start-slack.js');
    running.push(await startSlack(deps));
  }
  return running;
}

/**
 * `stevedore start`: validates the knowledge (refusing to start on any problem), then runs every
 * configured platform until SIGINT/SIGTERM — or, with no platform configured, the local shell.
 */
export async function startBot(config: Config, terminal: Terminal): Promise<void> {
  const logger = createLogger({ level: config.logLevel, pretty: Boolean(process.stderr.isTTY) });
  const result = loadKnowledge(config.knowledgeDir);
  if (!result.ok) {
    // Written as `stevedore validate` writes them, whatever the log level.
    process.stderr.write(
      `${reportProblems(result.problems, config.knowledgeDir, 'Stevedore will not start')}\n`,
    );
    process.exitCode = 1;
    return;
  }
  const engine = createEngine(result.knowledge);

  if (!config.slack && !config.discord) {
    await runShell({
      engine,
      input: terminal.stdin,
      output: terminal.stdout,
      interactive: Boolean((terminal.stdin as { isTTY?: boolean }).isTTY),
      style: terminal.style,
      timeZone: config.termOfDayDefaultTimeZone,
    });
    return;
  }

  let store: Store;
  try {
    store = openSqliteStore(config.databasePath);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    process.stderr.write(`Stevedore will not start: ${error.message}\n`);
    process.exitCode = 1;
    return;
  }
  engine.warm();
  const recordFeedback: RecordFeedback = (feedback) => {
    try {
      store.recordFeedback(feedback);
      logger.info(
        { platform: feedback.platform, entry: feedback.entryId, helpful: feedback.helpful },
        'feedback recorded',
      );
    } catch (error) {
      logger.error({ err: error, platform: feedback.platform }, 'feedback could not be stored');
    }
  };
  const termOfDay = new TermOfDayService({
    store,
    engine,
    logger: logger.child({ component: 'term-of-day' }),
    defaultTimeZone: config.termOfDayDefaultTimeZone,
  });
  const readiness = new Readiness();
  let ops: OpsServer | undefined;
  let platforms: RunningPlatform[];
  try {
    if (config.opsPort !== undefined) {
      ops = await startOpsServer(
        config.opsPort,
        readiness,
        createMetricsRegistry(() => Object.values(engine.size).reduce((a, b) => a + b, 0)),
      );
      logger.info({ port: ops.port }, 'ops endpoints listening (/healthz, /readyz, /metrics)');
    }
    platforms = await startPlatforms({ config, engine, logger, recordFeedback, termOfDay });
  } catch (error) {
    await ops?.close();
    store.close();
    throw error;
  }
  readiness.ready();
  const ticking = termOfDay.start();
  logger.info(
    { platforms: platforms.map((p) => p.name), entries: engine.size },
    'Stevedore is running',
  );
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.info({ signal }, 'stopping');
      readiness.notReady('stopping: shutdown has begun');
      // A post in progress finishes (and is recorded) before its platform disconnects.
      ticking
        .stop()
        .then(() => Promise.allSettled(platforms.map((p) => p.stop())))
        .then(() => ops?.close())
        .then(() => {
          store.close();
          resolve();
        });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
