#!/usr/bin/env node
import { createInterface } from 'node:readline';
import { Command, CommanderError, Option } from 'commander';
import {
  renderAnswer,
  renderSearch,
  type TerminalStyle,
} from '../adapters/shell/render-terminal.js';
import { loadEnv } from '../config/load-env.js';
import { type Config, ConfigError, readConfig } from '../config/read-config.js';
import { calendarDate } from '../core/calendar-date.js';
import { createEngine } from '../core/engine/create-engine.js';
import { dayNumber } from '../core/engine/term-of-day.js';
import { loadKnowledgeCached } from '../core/knowledge/load-knowledge-cached.js';
import { formatProblem } from '../core/knowledge/problem.js';
import type { Answer, AnswerEngine } from '../core/types.js';
import { answerJson, searchJson } from './answer-json.js';

/** Exit codes: 0 done, 1 failed (invalid knowledge or configuration), 2 usage error. */
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

interface OutputOptions {
  readonly json?: boolean;
  readonly stdin?: boolean;
  readonly knowledge?: string;
}

class UsageError extends Error {}

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
  const result = await loadKnowledgeCached(config.knowledgeDir);
  if (!result.ok) {
    fail(
      `${result.problems.map(formatProblem).join('\n')}\nThe knowledge base is invalid (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}); run "stevedore validate" after fixing it.`,
      EXIT_FAILED,
    );
  }
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

function addCommonOptions(command: Command, withStdin: boolean): Command {
  command
    .addOption(new Option('--json', 'print the answer as one JSON object'))
    .addOption(new Option('--knowledge <dir>', 'knowledge directory (default: the shipped one)'));
  if (withStdin) {
    command.addOption(new Option('--stdin', 'answer one query per line of standard input'));
  }
  return command;
}

function todayIn(config: Config): string {
  return calendarDate(new Date(), config.termOfDayDefaultTimeZone);
}

function buildProgram(): Command {
  const program = new Command('stevedore')
    .description('Answers questions about containers, with sources.')
    .showHelpAfterError('(run "stevedore --help" for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  for (const [name, what, run] of [
    ['define', 'term', (engine: AnswerEngine, q: string) => engine.define(q)],
    ['ask', 'question', (engine: AnswerEngine, q: string) => engine.ask(q)],
  ] as const) {
    addCommonOptions(
      program
        .command(`${name} [${what}...]`)
        .description(
          name === 'define' ? 'show the definition card of a term' : 'answer a question',
        ),
      true,
    ).action(async (words: string[], options: OutputOptions) => {
      const query = queryOf(words, options, what);
      const engine = await engineFrom(configFrom(options));
      if (options.stdin) {
        await eachStdinLine((line) => printAnswer(run(engine, line), options));
      } else {
        printAnswer(run(engine, query), options);
      }
    });
  }

  addCommonOptions(
    program
      .command('search [query...]')
      .description('list the entries that best match a query')
      .addOption(new Option('--limit <n>', 'how many results (1-100)').default('10')),
    true,
  ).action(async (words: string[], options: OutputOptions & { limit: string }) => {
    const query = queryOf(words, options, 'query');
    const limit = Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      throw new UsageError(`--limit must be a whole number from 1 to 100, not "${options.limit}"`);
    }
    const engine = await engineFrom(configFrom(options));
    const print = (q: string) => {
      const hits = engine.search(q, limit);
      out(
        options.json ? JSON.stringify(searchJson(q, hits)) : `${renderSearch(q, hits, style())}\n`,
      );
    };
    if (options.stdin) await eachStdinLine(print);
    else print(query);
  });

  addCommonOptions(
    program
      .command('today')
      .description('show the term of the day')
      .addOption(new Option('--date <YYYY-MM-DD>', 'the calendar date (default: today)')),
    true,
  ).action(async (options: OutputOptions & { date?: string }) => {
    if (options.date !== undefined && dayNumber(options.date) === undefined) {
      throw new UsageError(`--date must be a calendar date like 2026-11-28, not "${options.date}"`);
    }
    const config = configFrom(options);
    const engine = await engineFrom(config);
    if (options.stdin) {
      let bad = 0;
      await eachStdinLine((line) => {
        const date = line.trim();
        if (dayNumber(date) === undefined) {
          bad += 1;
          process.stderr.write(`not a calendar date (YYYY-MM-DD): "${date.slice(0, 40)}"\n`);
          out(
            options.json
              ? JSON.stringify({
                  query: date,
                  kind: 'error',
                  error: 'not a calendar date (YYYY-MM-DD)',
                })
              : '',
          );
          return;
        }
        printAnswer(engine.termOfDay(date), options);
      });
      if (bad > 0) process.exitCode = EXIT_USAGE;
      return;
    }
    printAnswer(engine.termOfDay(options.date ?? todayIn(config)), options);
  });

  program
    .command('validate')
    .description('check the knowledge base and list every problem')
    .addOption(new Option('--knowledge <dir>', 'knowledge directory (default: the shipped one)'))
    .action(async (options: OutputOptions) => {
      const config = configFrom(options);
      // Always the full check: validation never trusts the cache.
      const { loadKnowledge } = await import('../core/knowledge/load-knowledge.js');
      const result = loadKnowledge(config.knowledgeDir);
      if (!result.ok) {
        for (const problem of result.problems) process.stderr.write(`${formatProblem(problem)}\n`);
        fail(
          `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} found in ${config.knowledgeDir}`,
          EXIT_FAILED,
        );
      }
      const counts = { glossary: 0, topic: 0, command: 0 };
      for (const entry of result.knowledge.entries) counts[entry.kind] += 1;
      out(
        `Knowledge is valid: ${counts.glossary} glossary terms, ${counts.topic} topics, ${counts.command} commands, ${result.knowledge.sources.size} sources.`,
      );
    });

  program
    .command('shell')
    .description('chat with Stevedore in the terminal, as in a channel')
    .addOption(new Option('--knowledge <dir>', 'knowledge directory (default: the shipped one)'))
    .action(async (options: OutputOptions) => {
      const config = configFrom(options);
      const engine = await engineFrom(config);
      const { runShell } = await import('../adapters/shell/run-shell.js');
      await runShell({
        engine,
        input: process.stdin,
        output: process.stdout,
        interactive: Boolean(process.stdin.isTTY),
        style: style(),
        today: () => todayIn(config),
      });
    });

  program
    .command('start')
    .description(
      'run the bot on every platform with credentials; the local shell when there are none',
    )
    .addOption(new Option('--knowledge <dir>', 'knowledge directory (default: the shipped one)'))
    .action(async (options: OutputOptions) => {
      const config = configFrom(options);
      // Loaded only here: the platform SDKs are heavy and the other commands never need them.
      const { startBot } = await import('../app/start-bot.js');
      await startBot(config, { stdin: process.stdin, stdout: process.stdout, style: style() });
    });

  const discord = program.command('discord').description('manage the Discord application');
  discord
    .command('register')
    .description(
      'register the slash commands with Discord (in DISCORD_GUILD_ID when set, else globally)',
    )
    .action(async () => {
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
    });

  return program;
}

async function main(argv: readonly string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[]);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n\n${program.helpInformation()}`);
      process.exit(EXIT_USAGE);
    }
    if (error instanceof CommanderError) {
      // Help and version are successes; everything else commander reports is a usage error.
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      ) {
        process.exit(0);
      }
      process.exit(EXIT_USAGE);
    }
    throw error;
  }
}

await main(process.argv);
