import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE_KNOWLEDGE, ROOT } from '../../helpers/fixture-engine.js';
import { CLI, ensureBuilt } from '../../helpers/run-cli.js';

/**
 * The CLI's cold-start rules: what a one-off `stevedore define <exact name>` must not load, and
 * where each rule is stated. Each of these costs a measurable part of the start (`npm run bench`).
 */
const NOT_ON_A_ONE_OFF_DEFINE = [
  // src/config/read-config.ts: configuration is validated with valibot, not zod.
  { what: 'zod', marker: '/node_modules/zod/' },
  // src/core/engine/search-index.ts and ranker.ts: a define by exact name never builds an
  // index; src/cli/main.ts: nor an engine.
  { what: 'minisearch', marker: '/node_modules/minisearch/' },
  { what: 'the answer engine', marker: '/dist/src/core/engine/create-engine.js' },
  // src/cli/main.ts and src/app/start-bot.ts: the platform SDKs load only for `start` and
  // `discord register`.
  { what: 'the Slack SDK', marker: '/node_modules/@slack/' },
  { what: 'discord.js', marker: '/node_modules/discord.js/' },
  { what: 'discord.js', marker: '/node_modules/@discordjs/' },
  { what: 'the Slack adapter', marker: '/dist/src/adapters/slack/' },
  { what: 'the Discord adapter', marker: '/dist/src/adapters/discord/' },
  // src/core/knowledge/load-knowledge-cached.ts: the parsers and the schema load only when the
  // cache cannot be used.
  { what: 'the knowledge loader', marker: '/dist/src/core/knowledge/load-knowledge.js' },
  { what: 'the knowledge schema', marker: '/dist/src/core/knowledge/schema.js' },
  { what: 'the YAML parser', marker: '/node_modules/js-yaml/' },
] as const;

const RECORDER = path.join(ROOT, 'tests/helpers/record-modules/register.mjs');

let work: string;
beforeAll(() => ensureBuilt(), 120_000);
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'stevedore-cold-start-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Runs the built CLI with a fresh cache of the test's own; returns every module it loaded. */
function modulesLoadedBy(args: readonly string[], options: { warmCache: boolean }): string[] {
  const env = {
    PATH: process.env.PATH ?? '',
    LOG_LEVEL: 'silent',
    XDG_CACHE_HOME: path.join(work, 'cache'),
  };
  const run = (extra: readonly string[], record: Record<string, string>) =>
    execFileSync(process.execPath, [...extra, CLI, ...args, '--knowledge', FIXTURE_KNOWLEDGE], {
      cwd: ROOT,
      env: { ...env, ...record },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  if (options.warmCache) run([], {});
  const file = path.join(work, 'modules.txt');
  run(['--import', RECORDER], { RECORD_MODULES_TO: file });
  return readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

const forbiddenIn = (modules: readonly string[]) =>
  NOT_ON_A_ONE_OFF_DEFINE.filter(({ marker }) => modules.some((m) => m.includes(marker))).map(
    ({ what, marker }) => `${what} (${marker})`,
  );

describe('cold start: a one-off define by exact name loads only what it needs', () => {
  it('loads no knowledge schema or parser, no engine or search index, no platform SDK', () => {
    const modules = modulesLoadedBy(['define', 'pod'], { warmCache: true });
    expect(modules.some((m) => m.includes('/dist/src/cli/main.js'))).toBe(true);
    expect(forbiddenIn(modules)).toEqual([]);
  });

  // So that the test above can fail: the recorder sees each kind of load where it happens.
  it('is checked by a recorder that sees required CommonJS modules (minisearch on a search)', () => {
    const modules = modulesLoadedBy(['search', 'pod'], { warmCache: true });
    expect(forbiddenIn(modules)).toContain('minisearch (/node_modules/minisearch/)');
  });

  it('is checked by a recorder that sees imported modules (the loader without a cache)', () => {
    const modules = modulesLoadedBy(['define', 'pod'], { warmCache: false });
    expect(forbiddenIn(modules)).toEqual(
      expect.arrayContaining([
        'the knowledge loader (/dist/src/core/knowledge/load-knowledge.js)',
        'the knowledge schema (/dist/src/core/knowledge/schema.js)',
        'the YAML parser (/node_modules/js-yaml/)',
      ]),
    );
  });
});
