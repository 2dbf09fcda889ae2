import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { MAX_MESSAGE_LENGTH } from '../../core/chat/limits.js';
import { replyToChat } from '../../core/chat/reply-to-chat.js';
import type { AnswerEngine } from '../../core/types.js';
import { renderChatReply } from './render-reply.js';
import type { TerminalStyle } from './render-terminal.js';

export interface ShellOptions {
  readonly engine: AnswerEngine;
  readonly input: Readable;
  readonly output: Writable;
  /** Interactive: show a prompt and a greeting (a terminal), or not (a pipe). */
  readonly interactive: boolean;
  readonly style: TerminalStyle;
  /** The zone of "today" (`TERM_OF_DAY_DEFAULT_TZ`): the shell has no channel with its own. */
  readonly timeZone: string;
  /**
   * The current instant, for "today".
   * @defaultValue `() => new Date()`
   */
  readonly now?: () => Date;
}

const GREETING =
  'Stevedore local shell — ask about containers. /help for commands, /quit to leave.';

/** Answers one line as the bot would in a channel; undefined means "quit". */
export function replyTo(line: string, options: ShellOptions): string | undefined {
  const text = line.slice(0, MAX_MESSAGE_LENGTH).trim();
  if (/^\/(?:quit|exit)$/i.test(text)) return undefined;
  const { engine, style, timeZone } = options;
  const reply = replyToChat(text, { place: 'local' }, (options.now ?? (() => new Date()))(), {
    engine,
    timeZoneOf: () => timeZone,
  });
  return renderChatReply(reply, style);
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
