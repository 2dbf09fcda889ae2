import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Env } from './read-config.js';

/**
 * dotenv, loaded only when there is a `.env` file to read: most one-off CLI calls have none, and
 * its import is a few milliseconds of a cold `stevedore define` (bench: about 5 ms of 80).
 */
function parseDotenv(text: string): Record<string, string> {
  const { parse } = createRequire(import.meta.url)('dotenv') as typeof import('dotenv');
  return parse(text);
}

/**
 * The environment Stevedore runs with: the process environment over the values of a `.env` file
 * in the working directory, if there is one. `process.env` is not modified.
 */
export function loadEnv(processEnv: Env, cwd: string = process.cwd()): Env {
  const file = path.join(cwd, '.env');
  // dotenv's `parse` only reads text: unlike its `config()` it leaves process.env alone, and unlike
  // node:util `parseEnv` it is not experimental on Node 20 (see docs/design.md).
  const fromFile = existsSync(file) ? parseDotenv(readFileSync(file, 'utf8')) : {};
  return { ...fromFile, ...processEnv };
}
