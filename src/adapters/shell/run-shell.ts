import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { HELP_MARKDOWN, interpretMessage } from '../../core/chat/interpret-message.js';
import type { AnswerEngine } from '../../core/types.js';
import {
  markdownToTerminal,
  renderAnswer,
  renderSearch,
  type TerminalStyle,
} from './render-terminal.js';

export interface ShellOptions {
  readonly engine: AnswerEngine;
  readonly input: Readable;
  readonly output: Writable;
  /** Interactive: show a prompt and a greeting (a terminal), or not (a pipe). */
  readonly interactive: boolean;
  readonly style: TerminalStyle;
  /** Today's calendar date (`YYYY-MM-DD`) for `/today`. */
  readonly today: () => string;
}

/** The longest line the shell reads; chat platforms limit messages in the same way. */
const MAX_LINE = 10_000;

const GREETING =
  'Stevedore local shell — ask about containers. /help for commands, /quit to leave.';

/** Answers one line as the bot would in a channel; undefined means "quit". */
export function replyTo(line: string, options: ShellOptions): string | undefined {
  const text = line.slice(0, MAX_LINE).trim();
  if (/^\/(?:quit|exit)$/i.test(text)) return undefined;
  const { engine, style } = options;
  const request = interpretMessage(text);
  switch (request.kind) {
    case 'help':
      return `${markdownToTerminal(HELP_MARKDOWN, style)}\n\nIn this shell you can also type /search <words>, /today and /quit.`;
    case 'define':
      return renderAnswer(engine.define(request.term), style);
    case 'ask':
      return renderAnswer(engine.ask(request.question), style);
    case 'search':
      return renderSearch(request.query, engine.search(request.query, 10), style);
    case 'today':
      return `Term of the day (${options.today()})\n\n${renderAnswer(engine.termOfDay(options.today()), style)}`;
    case 'termofday':
      return "Subscriptions to the term of the day are made in a Slack or Discord channel. Here, /termofday now shows today's term.";
  }
}

/**
 * The local chat: reads lines from `input` (a terminal or a pipe), answers each on `output`, and
 * ends at `/quit` or the end of input. Nothing typed can end it any other way.
 */
export async function runShell(options: ShellOptions): Promise<void> {
  const { input, output, interactive } = options;
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  const prompt = () => {
    if (interactive) output.write('> ');
  };
  if (interactive) output.write(`${GREETING}\n`);
  prompt();
  for await (const line of lines) {
    if (line.trim() === '') {
      prompt();
      continue;
    }
    let reply: string | undefined;
    try {
      reply = replyTo(line, options);
    } catch (error) {
      // A bug must not end the user's session; say so and carry on.
      reply = `Sorry, something went wrong answering that (${error instanceof Error ? error.message : String(error)}).`;
    }
    if (reply === undefined) break;
    output.write(`${reply}\n\n`);
    prompt();
  }
  lines.close();
}
