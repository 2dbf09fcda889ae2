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
  // dotenv's `parse` only reads text: unlike its `config()` it leaves process.env alone, and unlike
  // node:util `parseEnv` it is not experimental on Node 20 (see docs/design.md).
  const fromFile = existsSync(file) ? parse(readFileSync(file, 'utf8')) : {};
  return { ...fromFile, ...processEnv };
}
