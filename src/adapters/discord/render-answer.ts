import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import { HELP_MARKDOWN } from '../../core/chat/interpret-message.js';
import type {
  Answer,
  Citation,
  EntryKind,
  EntryRef,
  FoundAnswer,
  SearchHit,
} from '../../core/types.js';
import { defineId, feedbackId, SHARE_ID } from './custom-ids.js';
import { LIMITS, truncate } from './limits.js';
import { neutraliseMentions, plainLabel, userText } from './neutralise.js';
import { unlinkNonWeb } from './unlink-non-web.js';

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

/** A message as Stevedore sends it to Discord: embeds and buttons, rarely content. */
export interface DiscordMessage {
  readonly content?: string;
  readonly embeds: APIEmbed[];
  readonly components: ButtonRow[];
}

/** What to attach to an answer besides the answer itself. */
export interface RenderOptions {
  /** A Share button: for ephemeral replies, so the asker can post the answer for everyone. */
  readonly share: boolean;
  /** 👍 / 👎 buttons. */
  readonly feedback: boolean;
  /** A line above the title (the embed's author line), e.g. "Term of the day — …". */
  readonly header?: string;
}

const COLOURS = { answer: 0x2f6fde, noAnswer: 0x8a8f98, help: 0x2f9e6b } as const;
const KIND_LABEL: Record<EntryKind, string> = {
  glossary: 'Glossary term',
  topic: 'Topic',
  command: 'Command',
};
/** Link buttons to the top sources, under the answer. */
const SOURCE_BUTTONS = 3;
/** "Did you mean" buttons (one row). */
const SUGGESTION_BUTTONS = LIMITS.buttonsPerRow;
/** Commands shown as code blocks; the rest are left to the sources. */
const MAX_COMMAND_FIELDS = 10;

/**
 * Knowledge text (trusted Markdown) made safe to post: mentions are defused, and links Discord
 * cannot open (to another entry, by id) are shown as their label.
 */
function kbText(text: string): string {
  return neutraliseMentions(unlinkNonWeb(text));
}

function isLinkable(url: string | null): url is string {
  if (url === null || url.length > LIMITS.buttonUrl) return false;
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** A Markdown link whose text and address cannot break out of the link syntax. */
function maskedLink(text: string, url: string): string {
  const escaped: Record<string, string> = { '(': '%28', ')': '%29' };
  return `[${userText(text)}](${url.replace(/[()]|\s/g, (c) => escaped[c] ?? '%20')})`;
}

function citationLine(c: Citation): string {
  const publisher = userText(c.publisher);
  return isLinkable(c.url)
    ? `[${c.n}] ${maskedLink(c.title, c.url)} — ${publisher}`
    : `[${c.n}] ${userText(c.title)} — ${publisher} (no link)`;
}

/**
 * Lines joined into a field value of at most 1024 characters; when some do not fit, the value
 * ends with how many were left out.
 */
function linesField(name: string, lines: readonly string[], separator = '\n'): APIEmbedField {
  const NOTE_ROOM = 24; // "…and 9999 more" plus a separator, with room to spare
  let value = '';
  let kept = 0;
  for (const line of lines) {
    const candidate = kept === 0 ? line : `${value}${separator}${line}`;
    const isLast = kept === lines.length - 1;
    if (candidate.length + (isLast ? 0 : NOTE_ROOM) > LIMITS.embedFieldValue) break;
    value = candidate;
    kept += 1;
  }
  if (kept === 0 && lines.length > 0) {
    value = truncate(lines[0] ?? '', LIMITS.embedFieldValue - NOTE_ROOM);
    kept = 1;
  }
  if (kept < lines.length) value += `${separator}…and ${lines.length - kept} more`;
  return { name, value };
}

function codeBlock(command: string): string {
  // A command that contains ``` would close the block early; a zero-width space defuses it.
  const body = neutraliseMentions(command).replace(/```/g, '`\u200b``');
  const fence = (text: string) => `\`\`\`sh\n${text}\n\`\`\``;
  const room = LIMITS.embedFieldValue - fence('').length;
  return fence(truncate(body, room));
}

function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/** Room always left for the description when fields compete for the 6000 characters. */
const DESCRIPTION_RESERVE = 1500;

/**
 * The fields that fit in `budget` characters, kept by priority — sources first, then related
 * terms, then commands in order — and shown in their original order.
 */
function fitFields(fields: readonly APIEmbedField[], budget: number): APIEmbedField[] {
  const size = (f: APIEmbedField) => f.name.length + f.value.length;
  const rank = (f: APIEmbedField) => (f.name === 'Sources' ? 0 : f.name === 'Related' ? 1 : 2);
  const byPriority = fields
    .map((field, index) => ({ field, index }))
    .sort((a, b) => rank(a.field) - rank(b.field) || a.index - b.index);
  const kept = new Set<number>();
  let used = 0;
  for (const { field, index } of byPriority) {
    if (kept.size >= LIMITS.embedFields || used + size(field) > budget) continue;
    kept.add(index);
    used += size(field);
  }
  return fields.filter((_, index) => kept.has(index));
}

/**
 * The description, cut so that the whole embed stays within Discord's limits; a cut answer ends
 * with a link to its top source, where the rest can be read.
 */
function fitDescription(embed: APIEmbed, text: string, readMore: string | null): APIEmbed {
  const others = embedLength({ ...embed, description: '' });
  const room = Math.min(LIMITS.embedDescription, LIMITS.embedTotal - others);
  const suffix = readMore ? `…\n\n${maskedLink('Read more at the source', readMore)}` : '…';
  return { ...embed, description: truncate(text, Math.max(room, 0), suffix) };
}

function buttonRows(buttons: readonly APIButtonComponent[]): ButtonRow[] {
  const rows: ButtonRow[] = [];
  for (let i = 0; i < buttons.length && rows.length < LIMITS.rows; i += LIMITS.buttonsPerRow) {
    rows.push({
      type: ComponentType.ActionRow,
      components: buttons.slice(i, i + LIMITS.buttonsPerRow),
    });
  }
  return rows;
}

function defineButtons(refs: readonly EntryRef[]): APIButtonComponent[] {
  return refs
    .filter((ref) => defineId(ref.id).length <= LIMITS.customId)
    .slice(0, SUGGESTION_BUTTONS)
    .map((ref) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: truncate(plainLabel(ref.title), LIMITS.buttonLabel) || ref.id,
      custom_id: defineId(ref.id),
    }));
}

function actionButtons(answer: Answer, options: RenderOptions): APIButtonComponent[] {
  const buttons: APIButtonComponent[] = [];
  if (options.feedback) {
    const entryId = answer.kind === 'answer' ? answer.entry.id : null;
    buttons.push(
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        emoji: { name: '👍' },
        label: 'Helpful',
        custom_id: feedbackId(true, entryId, answer.query),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        emoji: { name: '👎' },
        label: 'Not helpful',
        custom_id: feedbackId(false, entryId, answer.query),
      },
    );
  }
  if (options.share) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: 'Share',
      custom_id: SHARE_ID,
    });
  }
  return buttons;
}

/**
 * An answer as a Discord message: one embed (title, text, commands as code blocks, related
 * terms, numbered sources) with link buttons to the top sources, or — without an answer — the
 * nearest terms as buttons that answer on click.
 */
export function renderAnswer(answer: Answer, options: RenderOptions): DiscordMessage {
  if (answer.kind === 'no_answer') {
    const embed: APIEmbed = {
      title: truncate(kbText(answer.title), LIMITS.embedTitle),
      color: COLOURS.noAnswer,
    };
    const rows = buttonRows(defineButtons(answer.suggestions));
    const actions = actionButtons(answer, {
      share: false,
      feedback: options.feedback && answer.reason !== 'empty',
    });
    return {
      embeds: [
        fitDescription(
          answer.suggestions.length > 0
            ? { ...embed, fields: [{ name: 'Did you mean', value: 'Pick a term below.' }] }
            : embed,
          kbText(answer.text),
          null,
        ),
      ],
      components: [...rows, ...buttonRows(actions)],
    };
  }

  const linked = answer.citations.filter((c) => isLinkable(c.url));
  const topUrl = linked[0]?.url ?? null;
  const fields: APIEmbedField[] = answer.commands.slice(0, MAX_COMMAND_FIELDS).map((c) => ({
    name: truncate(kbText(c.description), LIMITS.embedFieldName) || 'Command',
    value: codeBlock(c.command),
  }));
  if (answer.related.length > 0) {
    // One line, not a list: related terms read as a sentence.
    fields.push(
      linesField(
        'Related',
        answer.related.map((r) => userText(r.title)),
        ' · ',
      ),
    );
  }
  if (answer.citations.length > 0) {
    fields.push(linesField('Sources', answer.citations.map(citationLine)));
  }
  const title = truncate(kbText(answer.title), LIMITS.embedTitle);
  const footer = { text: `Stevedore · ${KIND_LABEL[answer.entry.kind]}` };
  const author =
    options.header === undefined
      ? undefined
      : { name: truncate(plainLabel(options.header), LIMITS.embedAuthor) };
  const text = kbText(answer.text);
  const fieldBudget =
    LIMITS.embedTotal -
    title.length -
    footer.text.length -
    (author?.name.length ?? 0) -
    Math.min(text.length, DESCRIPTION_RESERVE);
  const embed: APIEmbed = {
    ...(author ? { author } : {}),
    title,
    ...(topUrl ? { url: topUrl } : {}),
    color: COLOURS.answer,
    fields: fitFields(fields, fieldBudget),
    footer,
  };

  const sourceButtons: APIButtonComponent[] = linked
    .filter((c, i, all) => all.findIndex((other) => other.url === c.url) === i)
    .slice(0, SOURCE_BUTTONS)
    .map((c) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Link,
      label: truncate(plainLabel(`[${c.n}] ${c.title}`), LIMITS.buttonLabel),
      url: c.url as string, // filtered by isLinkable above
    }));
  return {
    embeds: [fitDescription(embed, text, topUrl)],
    components: [...buttonRows(sourceButtons), ...buttonRows(actionButtons(answer, options))],
  };
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2026-11-28` → `Saturday 28 November 2026` (the date as it is, whatever it is if not a date). */
export function longDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(day.getTime())) return date;
  return `${WEEKDAYS[day.getUTCDay()]} ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
}

/**
 * The term-of-day card: the answer card under a "Term of the day — <date>" header, with one
 * example command at most (the sources have the rest). Posted to subscribed channels and shown
 * by `/termofday now`.
 */
export function renderTermOfDay(
  card: FoundAnswer,
  date: string,
  options: Omit<RenderOptions, 'header'>,
): DiscordMessage {
  return renderAnswer(
    { ...card, commands: card.commands.slice(0, 1) },
    { ...options, header: `Term of the day — ${longDate(date)}` },
  );
}

/** `/help`: the core's help text, one embed that fits one screen. */
export function renderHelp(): DiscordMessage {
  return {
    embeds: [
      {
        title: 'Stevedore',
        description: truncate(HELP_MARKDOWN, LIMITS.embedDescription),
        color: COLOURS.help,
      },
    ],
    components: [],
  };
}

/** Search results (`@Stevedore search <query>`): a numbered list, the top hits as buttons. */
export function renderSearch(query: string, hits: readonly SearchHit[]): DiscordMessage {
  const title = truncate(userText(`Search: ${query}`), LIMITS.embedTitle);
  if (hits.length === 0) {
    return {
      embeds: [
        {
          title,
          description: 'Nothing found. Try a shorter query or another spelling.',
          color: COLOURS.noAnswer,
        },
      ],
      components: [],
    };
  }
  const lines = hits.map(
    (hit, i) =>
      `${i + 1}. **${userText(hit.title)}** (${KIND_LABEL[hit.kind].toLowerCase()}) — ${kbText(hit.summary)}`,
  );
  return {
    embeds: [
      {
        title,
        description: truncate(lines.join('\n'), LIMITS.embedDescription),
        color: COLOURS.answer,
      },
    ],
    components: buttonRows(defineButtons(hits)),
  };
}

/** A short plain note (errors, acknowledgements), shown to one user. */
export function renderNote(text: string): DiscordMessage {
  return {
    content: truncate(neutraliseMentions(text), LIMITS.content),
    embeds: [],
    components: [],
  };
}
