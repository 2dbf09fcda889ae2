import { parseArgs } from 'node:util';

/**
 * The `stevedore` command line: the commands, their options and the usage text, read with
 * Node's own `util.parseArgs` (a CLI framework's import alone costs more than the rest of a
 * one-off `stevedore define`).
 */

interface OptionSpec {
  readonly type: 'boolean' | 'string';
  readonly value?: string;
  readonly help: string;
}

interface CommandSpec {
  /** What the positional words are, if the command takes any (`term`, `question`). */
  readonly words?: string;
  readonly help: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
}

const JSON_OPTION: OptionSpec = { type: 'boolean', help: 'print the answer as one JSON object' };
const STDIN_OPTION: OptionSpec = {
  type: 'boolean',
  help: 'answer one query per line of standard input',
};
const KNOWLEDGE_OPTION: OptionSpec = {
  type: 'string',
  value: 'dir',
  help: 'knowledge directory (default: the shipped one)',
};

export const COMMANDS = {
  define: {
    words: 'term',
    help: 'show the definition card of a term',
    options: { json: JSON_OPTION, stdin: STDIN_OPTION, knowledge: KNOWLEDGE_OPTION },
  },
  ask: {
    words: 'question',
    help: 'answer a question',
    options: { json: JSON_OPTION, stdin: STDIN_OPTION, knowledge: KNOWLEDGE_OPTION },
  },
  search: {
    words: 'query',
    help: 'list the entries that best match a query',
    options: {
      json: JSON_OPTION,
      stdin: STDIN_OPTION,
      knowledge: KNOWLEDGE_OPTION,
      limit: { type: 'string', value: 'n', help: 'how many results, 1 to 100 (default 10)' },
    },
  },
  today: {
    help: 'show the term of the day',
    options: {
      json: JSON_OPTION,
      stdin: { type: 'boolean', help: 'one date (YYYY-MM-DD) per line of standard input' },
      knowledge: KNOWLEDGE_OPTION,
      date: { type: 'string', value: 'YYYY-MM-DD', help: 'the calendar date (default: today)' },
    },
  },
  validate: {
    help: 'check the knowledge base and list every problem',
    options: { knowledge: KNOWLEDGE_OPTION },
  },
  links: {
    help: 'check that every source URL still answers (needs the network); exits 1 if any is broken',
    options: {
      json: { type: 'boolean', help: 'print one JSON object per link' },
      knowledge: KNOWLEDGE_OPTION,
      concurrency: { type: 'string', value: 'n', help: 'requests at once, 1 to 32 (default 8)' },
      timeout: { type: 'string', value: 'ms', help: 'per request (default 10000)' },
    },
  },
  shell: {
    help: 'chat with Stevedore in the terminal, as in a channel',
    options: { knowledge: KNOWLEDGE_OPTION },
  },
  start: {
    help: 'run the bot on every platform with credentials; the local shell when there are none',
    options: { knowledge: KNOWLEDGE_OPTION },
  },
  'discord register': {
    help: 'register the slash commands with Discord (in DISCORD_GUILD_ID when set, else globally)',
    options: {},
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

/** What one run of `stevedore` asks for: the usage text, or a command with its words and options. */
export type CliInvocation =
  | { readonly kind: 'help'; readonly text: string }
  | {
      readonly kind: 'run';
      readonly command: CommandName;
      readonly words: readonly string[];
      readonly options: Readonly<Record<string, string | boolean | undefined>>;
    };

/** A command line that cannot be read; the message says what is wrong. */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  /** The command whose usage to show, when the command itself was understood. */
  constructor(
    message: string,
    readonly command?: CommandName,
  ) {
    super(message);
  }
}

function optionUsage(name: string, spec: OptionSpec): string {
  return `--${name}${spec.value ? ` <${spec.value}>` : ''}`;
}

function commandUsage(name: CommandName): string {
  const spec: CommandSpec = COMMANDS[name];
  const words = spec.words ? ` [${spec.words}...]` : '';
  const lines = [
    `Usage: stevedore ${name}${words}${Object.keys(spec.options).length ? ' [options]' : ''}`,
    '',
    spec.help,
  ];
  const options = Object.entries(spec.options);
  if (options.length > 0) {
    lines.push('', 'Options:');
    const width = Math.max(...options.map(([n, o]) => optionUsage(n, o).length));
    for (const [n, o] of options) lines.push(`  ${optionUsage(n, o).padEnd(width)}  ${o.help}`);
  }
  return lines.join('\n');
}

/** The usage of the whole program, or of one command. */
export function usage(command?: CommandName): string {
  if (command) return commandUsage(command);
  const names = Object.keys(COMMANDS) as CommandName[];
  const synopsis = (n: CommandName) => {
    const spec: CommandSpec = COMMANDS[n];
    return `${n}${spec.words ? ` [${spec.words}...]` : ''}`;
  };
  const width = Math.max(...names.map((n) => synopsis(n).length));
  const lines = names.map((n) => `  ${synopsis(n).padEnd(width)}  ${COMMANDS[n].help}`);
  return [
    'Usage: stevedore <command> [options]',
    '',
    'Answers questions about containers, with sources.',
    '',
    'Commands:',
    ...lines,
    '',
    'Run "stevedore <command> --help" for a command\'s options.',
  ].join('\n');
}

/** Reads the arguments after `stevedore`. Throws `UsageError` for anything it cannot read. */
export function parseCommandLine(argv: readonly string[]): CliInvocation {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('missing command');
  if (first === '--help' || first === '-h' || first === 'help')
    return { kind: 'help', text: usage() };
  let name: string = first;
  let args = rest;
  if (first === 'discord') {
    const [sub, ...after] = rest;
    if (sub === undefined || sub === '--help' || sub === '-h') {
      return { kind: 'help', text: usage('discord register') };
    }
    name = `discord ${sub}`;
    args = after;
  }
  if (!Object.hasOwn(COMMANDS, name))
    throw new UsageError(`unknown command "${name.slice(0, 40)}"`);
  const command = name as CommandName;
  const spec: CommandSpec = COMMANDS[command];
  if (args.includes('--help') || args.includes('-h')) return { kind: 'help', text: usage(command) };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...args],
      options: Object.fromEntries(
        Object.entries(spec.options).map(([n, o]) => [n, { type: o.type }]),
      ),
      allowPositionals: spec.words !== undefined,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(
      error instanceof Error ? (error.message.split('\n')[0] ?? 'bad arguments') : 'bad arguments',
      command,
    );
  }
  return {
    kind: 'run',
    command,
    words: parsed.positionals,
    options: parsed.values as Record<string, string | boolean | undefined>,
  };
}
