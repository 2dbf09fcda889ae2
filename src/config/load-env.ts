import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import type { Env } from './read-config.js';

/**
 * The environment Stevedore runs with: the process environment over the values of a `.env` file
 * in the working directory, if there is one. `process.env` is not modified.
 */
export function loadEnv(processEnv: Env, cwd: string = process.cwd()): Env {
  const file = path.join(cwd, '.env');
  // Node's own .env parser (20.12+): the same syntax as dotenv, with nothing to load.
  const fromFile = existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
  return { ...fromFile, ...processEnv };
}
