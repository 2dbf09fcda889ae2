import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { LogLevel } from '../config/read-config.js';

export type { Logger } from 'pino';

/** Paths that may hold secrets; pino replaces their values before a line is written. */
const REDACT = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  'headers.authorization',
  '*.headers.authorization',
];

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Human-readable lines (for a terminal) instead of JSON. */
  readonly pretty: boolean;
}

/**
 * Stevedore's logger: JSON lines on stderr (stdout is kept for answers and `--json` output), or
 * readable lines when stderr is a terminal.
 */
export function createLogger(options: LoggerOptions): Logger {
  const base = { level: options.level, redact: { paths: REDACT, censor: '[redacted]' } };
  if (options.pretty) {
    return pino(base, pretty({ destination: 2, sync: true, colorize: true }));
  }
  return pino(base, pino.destination({ fd: 2, sync: true }));
}
