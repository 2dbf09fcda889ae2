/**
 * The core's answers as Slack Block Kit messages: a card with the term, its definition and detail,
 * commands as code blocks, related terms and numbered sources; "did you mean" buttons when there is
 * no answer; 👍 / 👎 and "Share in channel" buttons. Every limit of Block Kit is respected here.
 */
import type { types } from '@slack/bolt';
import { HELP_MARKDOWN } from '../../core/chat/interpret-message.js';
import type { AnswerCommand } from '../../core/chat/reply-to-chat.js';
import type { Answer, FoundAnswer, NoAnswer, SearchHit } from '../../core/types.js';
import { ACTION, encodeFeedback, encodeShare } from './action-ids.js';
import { LIMITS, SHOWN } from './limits.js';
import {
  codeBlock,
  escapeMrkdwn,
  markdownToMrkdwn,
  markdownToPlain,
  slackLink,
  stripControl,
  truncateMrkdwn,
  truncatePlain,
} from './mrkdwn.js';

export type Block = types.KnownBlock;
type Button = types.Button;

/** A message as Stevedore sends it: blocks, and the plain `text` shown in notifications. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: Block[];
}

export interface RenderOptions {
  /** Feedback and "did you mean" buttons; off inside the modal. Default true. */
  readonly interactive?: boolean;
  /** Adds "Share in channel", for replies only the asker sees; names the command to re-ask. */
  readonly share?: AnswerCommand;
  /** Context lines under the answer, already safe mrkdwn (who asked what, who shared it). */
  readonly context?: readonly string[];
  /** Most blocks allowed: 50 in a message (the default), 100 in a modal. */
  readonly maxBlocks?: number;
  /**
   * A header above the card (plain text, e.g. "Term of the day — Fri 14 Mar 2025"); the answer's
   * title then opens the body in bold instead of being the header.
   */
  readonly heading?: string;
  /** Command lines shown as code blocks. Default {@link SHOWN}.commands. */
  readonly maxCommands?: number;
}

function section(text: string): Block {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: truncateMrkdwn(text, LIMITS.sectionText) },
  };
}

function header(title: string): Block {
  return {
    type: 'header',
    text: {
      type: 'plain_text',
      text: truncatePlain(stripControl(title), LIMITS.headerText) || '…',
    },
  };
}

function button(actionId: string, label: string, value: string, style?: 'primary'): Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: truncatePlain(label, LIMITS.buttonText), emoji: true },
    value,
    ...(style ? { style } : {}),
  };
}

function contextBlock(lines: readonly string[]): Block {
  return {
    type: 'context',
    elements: lines
      .slice(0, LIMITS.contextElements)
      .map((text) => ({ type: 'mrkdwn' as const, text: truncateMrkdwn(text, LIMITS.sectionText) })),
  };
}

/** The first paragraph of Markdown as notification text: no markup, bounded. */
function fallbackOf(title: string, markdown: string): string {
  const plain = markdownToPlain(markdown.split(/\n\s*\n/)[0] ?? '');
  return escapeMrkdwn(truncatePlain(stripControl(`${title}: ${plain}`), SHOWN.fallbackText));
}

/** The answer's text, cut to one section with a link to its first linked source when too long. */
function bodyText(answer: FoundAnswer): string {
  const text = markdownToMrkdwn(answer.text);
  if (text.length <= LIMITS.sectionText) return text;
  const source = answer.citations.find((c) => c.url !== null);
  const more = source?.url
    ? `… ${slackLink(escapeMrkdwn(source.url), `Read more: ${escapeMrkdwn(source.title)}`)}`
    : '… (shortened)';
  return truncateMrkdwn(text, LIMITS.sectionText, more);
}

function sourcesText(answer: FoundAnswer): string {
  const lines = answer.citations.map((c) => {
    const title = escapeMrkdwn(stripControl(c.title));
    const publisher = escapeMrkdwn(stripControl(c.publisher));
    const shown = c.url ? slackLink(escapeMrkdwn(c.url), title) : `${title} (no link)`;
    return `[${c.n}] ${shown} — ${publisher}`;
  });
  let text = '*Sources*';
  for (const line of lines) {
    // A source line is never cut in the middle of its link.
    if (text.length + line.length + 1 > LIMITS.sectionText - 2) return `${text}\n…`;
    text += `\n${line}`;
  }
  return text;
}

function feedbackButtons(answer: Answer): Button[] {
  const value = encodeFeedback({
    entryId: answer.kind === 'answer' ? answer.entry.id : null,
    query: answer.query,
  });
  return [
    button(ACTION.feedbackUp, '👍 Helpful', value),
    button(ACTION.feedbackDown, '👎 Not helpful', value),
  ];
}

function cardBlocks(answer: FoundAnswer, options: RenderOptions): Block[] {
  const blocks: Block[] =
    options.heading === undefined
      ? [header(answer.title), section(bodyText(answer))]
      : [
          header(options.heading),
          section(`*${escapeMrkdwn(stripControl(answer.title))}*`),
          section(bodyText(answer)),
        ];
  for (const command of answer.commands.slice(0, options.maxCommands ?? SHOWN.commands)) {
    const label = escapeMrkdwn(stripControl(command.description));
    blocks.push(section(`*${label}*\n${codeBlock(command.command)}`));
  }
  if (answer.related.length > 0) {
    const titles = answer.related.slice(0, SHOWN.related).map((r) => escapeMrkdwn(r.title));
    blocks.push(section(`*Related:* ${titles.join(' · ')}`));
  }
  if (answer.citations.length > 0) blocks.push(section(sourcesText(answer)));
  if (options.context?.length) blocks.push(contextBlock(options.context));
  const actions: Button[] = [];
  if (options.interactive !== false) actions.push(...feedbackButtons(answer));
  if (options.share) {
    actions.push(
      button(
        ACTION.share,
        'Share in channel',
        encodeShare({ source: options.share, query: answer.query }),
        'primary',
      ),
    );
  }
  if (actions.length > 0) blocks.push({ type: 'actions', elements: actions });
  return blocks;
}

function noAnswerBlocks(answer: NoAnswer, options: RenderOptions): Block[] {
  const blocks: Block[] = [header(answer.title), section(markdownToMrkdwn(answer.text))];
  const suggestions = answer.suggestions.slice(0, SHOWN.suggestions);
  if (suggestions.length > 0) {
    if (options.interactive === false) {
      const titles = suggestions.map((s) => `*${escapeMrkdwn(s.title)}*`);
      blocks.push(section(`Did you mean ${titles.join(', ')}?`));
    } else {
      blocks.push(section('*Did you mean…*'));
      blocks.push({
        type: 'actions',
        elements: suggestions.map((s, i) =>
          button(`${ACTION.definePrefix}${i}`, s.title, s.title.slice(0, 500)),
        ),
      });
    }
  }
  if (options.context?.length) blocks.push(contextBlock(options.context));
  if (options.interactive !== false && answer.reason !== 'empty') {
    blocks.push({ type: 'actions', elements: feedbackButtons(answer) });
  }
  return blocks;
}

/** Keeps the last (actions) block when a message would exceed its block budget. */
function withinBudget(blocks: Block[], max: number): Block[] {
  if (blocks.length <= max) return blocks;
  const last = blocks[blocks.length - 1];
  if (last?.type === 'actions') return [...blocks.slice(0, max - 1), last];
  return blocks.slice(0, max);
}

/** An answer of the core as a Block Kit message. */
export function renderAnswer(answer: Answer, options: RenderOptions = {}): SlackMessage {
  const maxBlocks = options.maxBlocks ?? LIMITS.messageBlocks;
  if (answer.kind === 'answer') {
    return {
      text: fallbackOf(answer.title, answer.text),
      blocks: withinBudget(cardBlocks(answer, options), maxBlocks),
    };
  }
  const nearest = answer.suggestions.slice(0, SHOWN.suggestions).map((s) => s.title);
  const text =
    nearest.length > 0 ? `${answer.title}. Did you mean ${nearest.join(', ')}?` : answer.title;
  return {
    text: escapeMrkdwn(truncatePlain(stripControl(text), SHOWN.fallbackText)),
    blocks: withinBudget(noAnswerBlocks(answer, options), maxBlocks),
  };
}

const longDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** `2025-03-14` as `Fri 14 Mar 2025`; anything that is not such a date is shown as given. */
function readableDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const instant = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(instant) ? date : longDate.format(instant);
}

/**
 * The term of the day as posted to a channel (and shown by `/termofday now`): a "Term of the day"
 * header with the date, then the card with the term, its definition and detail, at most one
 * command, related terms and sources. No buttons: it is a broadcast, not a reply.
 */
export function renderTermOfDay(answer: FoundAnswer, date: string): SlackMessage {
  const heading = `Term of the day — ${readableDate(date)}`;
  return {
    text: fallbackOf(`${heading} — ${answer.title}`, answer.text),
    blocks: withinBudget(
      cardBlocks(answer, { heading, interactive: false, maxCommands: 1 }),
      LIMITS.messageBlocks,
    ),
  };
}

/** The help text: what Stevedore answers and how to ask; fits one screen. */
export function renderHelp(): SlackMessage {
  return {
    text: 'Stevedore answers questions about containers, with sources.',
    blocks: [section(markdownToMrkdwn(HELP_MARKDOWN))],
  };
}

/** The short usage message of a command given no text (the core's Markdown). */
export function renderUsage(markdown: string): SlackMessage {
  const text = escapeMrkdwn(markdown);
  return { text: text.replace(/`/g, ''), blocks: [section(text)] };
}

/** A short notice (mrkdwn, already safe), e.g. an apology when something failed. */
export function renderNotice(mrkdwn: string): SlackMessage {
  return { text: mrkdwn, blocks: [section(mrkdwn)] };
}

/** Ranked search results, one line each. */
export function renderSearch(queryEcho: string, hits: readonly SearchHit[]): SlackMessage {
  if (hits.length === 0) return renderNotice(`Nothing found for “${queryEcho}”.`);
  const lines = hits.map(
    (hit, i) =>
      `${i + 1}. *${escapeMrkdwn(hit.title)}* (${hit.kind}) — ${markdownToMrkdwn(hit.summary)}`,
  );
  return {
    text: `Results for “${queryEcho}”`,
    blocks: [section(`Results for “${queryEcho}”\n${lines.join('\n')}`)],
  };
}
