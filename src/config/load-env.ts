import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';
import type { Env } from './read-config.js';

/**
 * The environment Stevedore runs with: the process environment over the values of a `.env` file
 * in the working directory, if there is one. `process.env` is not modified.
 */
export function loadEnv(processEnv: Env, cwd: string = process.cwd()): Env {
  const file = path.join(cwd, '.env');
  const fromFile = existsSync(file) ? parse(readFileSync(file)) : {};
  return { ...fromFile, ...processEnv };
}
