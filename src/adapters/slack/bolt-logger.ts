/**
 * Bolt's `Logger` interface over Stevedore's pino logger, so the SDK's own messages (connection
 * state, unhandled requests, retries) land in the same log, with anything token-shaped removed.
 */
import { format } from 'node:util';
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../logging/create-logger.js';

/** Bot, user, app-level and refresh tokens as Slack issues them. */
const TOKEN = /\b(?:xox[abeoprs]|xapp)-[A-Za-z0-9-]+/g;

function line(parts: unknown[]): string {
  return format(...parts)
    .replace(TOKEN, '[redacted]')
    .slice(0, 2_000);
}

const LEVELS: Readonly<Record<string, LogLevel>> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
};

/** A Bolt logger writing to `logger` (pino decides the level; Bolt's `setLevel` is ignored). */
export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: 'bolt' });
  return {
    debug: (...parts: unknown[]) => log.debug(line(parts)),
    info: (...parts: unknown[]) => log.info(line(parts)),
    warn: (...parts: unknown[]) => log.warn(line(parts)),
    error: (...parts: unknown[]) => log.error(line(parts)),
    setLevel: () => {},
    getLevel: () => LEVELS[log.level] ?? LogLevel.ERROR,
    setName: () => {},
  };
}
