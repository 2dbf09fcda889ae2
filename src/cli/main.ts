#!/usr/bin/env node
import { createInterface } from 'node:readline';
import {
  renderAnswer,
  renderSearch,
  type TerminalStyle,
} from '../adapters/shell/render-terminal.js';
import { loadEnv } from '../config/load-env.js';
import { type Config, ConfigError, readConfig } from '../config/read-config.js';
import { cardByName } from '../core/engine/card-by-name.js';
import { cleanQuery } from '../core/engine/normalise.js';
import { dayNumber } from '../core/engine/term-of-day.js';
import { findByExactName, loadKnowledgeCached } from '../core/knowledge/load-knowledge-cached.js';
import { reportProblems } from '../core/knowledge/problem.js';
import type { Answer, AnswerEngine } from '../core/types.js';
import { todaysTerm } from '../term-of-day/todays-term.js';
import { answerJson, searchJson } from './answer-json.js';
import { type CommandName, parseCommandLine, UsageError, usage } from './parse-command-line.js';

// Cold start: a one-off `define` by exact name loads no knowledge schema or parser, no engine or
// search index and no platform SDK; everything heavy is imported where it is needed.
// tests/integration/cli/cold-start.test.ts enforces the list.

/** Exit codes: 0 done, 1 failed (invalid knowledge or configuration), 2 usage error. */
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

interface OutputOptions {
  readonly json?: boolean;
  readonly stdin?: boolean;
  readonly knowledge?: string;
}

function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function configFrom(options: OutputOptions): Config {
  try {
    const env = loadEnv(process.env);
    return readConfig(options.knowledge ? { ...env, KNOWLEDGE_DIR: options.knowledge } : env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message, EXIT_FAILED);
    throw error;
  }
}

async function engineFrom(config: Config): Promise<AnswerEngine> {
  const result = await loadKnowledgeCached(config.knowledgeDir, config.cacheDir);
  if (!result.ok) {
    fail(
      reportProblems(result.problems, config.knowledgeDir, 'Stevedore cannot answer from it'),
      EXIT_FAILED,
    );
  }
  // Imported here: a define by exact name never builds an engine, and importing the ranker's
  // modules cost about 5 ms of a one-off define's ~90 ms (npm run bench, Node 20).
  const { createEngine } = await import('../core/engine/create-engine.js');
  return createEngine(result.knowledge);
}

const style = (): TerminalStyle => ({ color: Boolean(process.stdout.isTTY) });

function printAnswer(answer: Answer, options: OutputOptions): void {
  out(options.json ? JSON.stringify(answerJson(answer)) : `${renderAnswer(answer, style())}\n`);
}

/** Answers one query per line of standard input, one output object or block per line. */
async function eachStdinLine(handle: (line: string) => void): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) handle(line);
}

function queryOf(words: readonly string[], options: OutputOptions, what: string): string {
  if (options.stdin) {
    if (words.length > 0)
      throw new UsageError(`give the ${what} as an argument or with --stdin, not both`);
    return '';
  }
  if (words.length === 0) throw new UsageError(`missing ${what}`);
  return words.join(' ');
}

type Options = Readonly<Record<string, string | boolean | undefined>>;

const textOption = (options: Options, name: string): string | undefined => {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
};

function outputOptions(options: Options): OutputOptions {
  const knowledge = textOption(options, 'knowledge');
  return {
    json: options.json === true,
    stdin: options.stdin === true,
    ...(knowledge === undefined ? {} : { knowledge }),
  };
}

async function answerCommand(
  words: readonly string[],
  options: OutputOptions,
  what: string,
  run: (engine: AnswerEngine, query: string) => Answer,
): Promise<void> {
  const query = queryOf(words, options, what);
  const config = configFrom(options);
  if (what === 'term' && !options.stdin) {
    // A one-off define by exact name reads one entry from the name cache, not the whole base.
    const named = findByExactName(config.knowledgeDir, cleanQuery(query), config.cacheDir);
    if (named) {
      printAnswer(cardByName(named, cleanQuery(query)), options);
      return;
    }
  }
  const engine = await engineFrom(config);
  if (options.stdin) await eachStdinLine((line) => printAnswer(run(engine, line), options));
  else printAnswer(run(engine, query), options);
}

async function searchCommand(words: readonly string[], raw: Options): Promise<void> {
  const options = outputOptions(raw);
  const query = queryOf(words, options, 'query');
  const limitText = textOption(raw, 'limit') ?? '10';
  const limit = Number(limitText);
  if (!/^\d+$/.test(limitText) || limit < 1 || limit > 100) {
    throw new UsageError(
      `--limit must be a whole number from 1 to 100, not "${limitText.slice(0, 20)}"`,
    );
  }
  const engine = await engineFrom(configFrom(options));
  const print = (q: string) => {
    const hits = engine.search(q, limit);
    out(options.json ? JSON.stringify(searchJson(q, hits)) : `${renderSearch(q, hits, style())}\n`);
  };
  if (options.stdin) await eachStdinLine(print);
  else print(query);
}

async function todayCommand(raw: Options): Promise<void> {
  const options = outputOptions(raw);
  const date = textOption(raw, 'date');
  if (date !== undefined && dayNumber(date) === undefined) {
    throw new UsageError(
      `--date must be a calendar date like 2026-11-28, not "${date.slice(0, 20)}"`,
    );
  }
  const config = configFrom(options);
  const engine = await engineFrom(config);
  if (!options.stdin) {
    printAnswer(
      date === undefined
        ? todaysTerm(engine, new Date(), config.termOfDayDefaultTimeZone).answer
        : engine.termOfDay(date),
      options,
    );
    return;
  }
  let bad = 0;
  await eachStdinLine((line) => {
    const day = line.trim();
    if (dayNumber(day) !== undefined) {
      printAnswer(engine.termOfDay(day), options);
      return;
    }
    bad += 1;
    process.stderr.write(`not a calendar date (YYYY-MM-DD): "${day.slice(0, 40)}"\n`);
    out(
      options.json
        ? JSON.stringify({ query: day, kind: 'error', error: 'not a calendar date (YYYY-MM-DD)' })
        : '',
    );
  });
  if (bad > 0) process.exitCode = EXIT_USAGE;
}

async function validateCommand(options: OutputOptions): Promise<void> {
  const config = configFrom(options);
  // Always the full check: validation never trusts the cache.
  const { loadKnowledge } = await import('../core/knowledge/load-knowledge.js');
  const result = loadKnowledge(config.knowledgeDir);
  if (!result.ok) {
    fail(reportProblems(result.problems, config.knowledgeDir), EXIT_FAILED);
  }
  const counts = { glossary: 0, topic: 0, command: 0 };
  for (const entry of result.knowledge.entries) counts[entry.kind] += 1;
  out(
    `Knowledge is valid: ${counts.glossary} glossary terms, ${counts.topic} topics, ${counts.command} commands, ${result.knowledge.sources.size} sources.`,
  );
}

/** A whole number option within bounds, or a usage error naming the option. */
function boundedNumber(raw: Options, name: string, min: number, max: number): number | undefined {
  const value = raw[name];
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} takes a whole number from ${min} to ${max}`, 'links');
  }
  return n;
}

async function linksCommand(raw: Options): Promise<void> {
  const options = outputOptions(raw);
  const concurrency = boundedNumber(raw, 'concurrency', 1, 32);
  const timeoutMs = boundedNumber(raw, 'timeout', 100, 120_000);
  const config = configFrom(options);
  const { loadKnowledge } = await import('../core/knowledge/load-knowledge.js');
  const result = loadKnowledge(config.knowledgeDir);
  if (!result.ok) fail(reportProblems(result.problems, config.knowledgeDir), EXIT_FAILED);
  const { checkLinks, formatLinkReport } = await import('../links/check-links.js');
  const results = await checkLinks(result.knowledge.sources.values(), {
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
  if (options.json) for (const link of results) out(JSON.stringify(link));
  else out(formatLinkReport(results));
  if (results.some((link) => link.status === 'broken')) process.exitCode = EXIT_FAILED;
}

async function shellCommand(options: OutputOptions): Promise<void> {
  const config = configFrom(options);
  const engine = await engineFrom(config);
  const { runShell } = await import('../adapters/shell/run-shell.js');
  await runShell({
    engine,
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY),
    style: style(),
    timeZone: config.termOfDayDefaultTimeZone,
  });
}

async function startCommand(options: OutputOptions): Promise<void> {
  const config = configFrom(options);
  // Loaded only here: the platform SDKs are heavy and the other commands never need them.
  const { startBot } = await import('../app/start-bot.js');
  await startBot(config, { stdin: process.stdin, stdout: process.stdout, style: style() });
}

async function discordRegisterCommand(): Promise<void> {
  const { discord: config } = configFrom({});
  if (!config) {
    fail(
      'DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set to register the commands (see docs/discord.md).',
      EXIT_FAILED,
    );
  }
  // Loaded only here: discord.js is heavy and the other commands never need it.
  const { registerCommands, formatRegistration } = await import(
    '../adapters/discord/register-commands.js'
  );
  try {
    out(formatRegistration(await registerCommands(config)));
  } catch (error) {
    fail(
      `Registering the Discord commands failed: ${error instanceof Error ? error.message : String(error)}`,
      EXIT_FAILED,
    );
  }
}

async function run(command: CommandName, words: readonly string[], raw: Options): Promise<void> {
  const options = outputOptions(raw);
  switch (command) {
    case 'define':
      return answerCommand(words, options, 'term', (engine, q) => engine.define(q));
    case 'ask':
      return answerCommand(words, options, 'question', (engine, q) => engine.ask(q));
    case 'search':
      return searchCommand(words, raw);
    case 'today':
      return todayCommand(raw);
    case 'validate':
      return validateCommand(options);
    case 'links':
      return linksCommand(raw);
    case 'shell':
      return shellCommand(options);
    case 'start':
      return startCommand(options);
    case 'discord register':
      return discordRegisterCommand();
  }
}

async function main(argv: readonly string[]): Promise<void> {
  let command: CommandName | undefined;
  try {
    const invocation = parseCommandLine(argv);
    if (invocation.kind === 'help') {
      out(invocation.text);
      return;
    }
    command = invocation.command;
    await run(invocation.command, invocation.words, invocation.options);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n\n${usage(error.command ?? command)}\n`);
      process.exit(EXIT_USAGE);
    }
    throw error;
  }
}

await main(process.argv.slice(2));
