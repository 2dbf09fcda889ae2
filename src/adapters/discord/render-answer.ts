import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Answer, Citation, FoundAnswer, NoAnswer } from '../../core/types.js';
import { COLOURS, type DiscordMessage, KIND_LABEL } from './discord-message.js';
import { codeBlock, isLinkable, kbText, maskedLink } from './embed-text.js';
import { fitDescription, fitFields, linesField } from './fit-embed.js';
import { LIMITS, truncate } from './limits.js';
import { plainLabel, userText } from './neutralise.js';
import {
  type ActionButtonOptions,
  actionButtons,
  buttonRows,
  defineButtons,
  sourceButtons,
} from './render-buttons.js';

/** What to attach to an answer besides the answer itself. */
export interface RenderOptions extends ActionButtonOptions {
  /** A line above the title (the embed's author line), e.g. "Term of the day — …". */
  readonly header?: string;
}

/** Commands shown as code blocks; the rest are left to the sources. */
const MAX_COMMAND_FIELDS = 10;
/** Room always left for the description when fields compete for the 6000 characters. */
const DESCRIPTION_RESERVE = 1500;

function citationLine(c: Citation): string {
  const publisher = userText(c.publisher);
  return isLinkable(c.url)
    ? `[${c.n}] ${maskedLink(c.title, c.url)} — ${publisher}`
    : `[${c.n}] ${userText(c.title)} — ${publisher} (no link)`;
}

/** No answer: the title and hint, with the nearest terms as buttons that answer on click. */
function renderNoAnswer(answer: NoAnswer, options: RenderOptions): DiscordMessage {
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

function renderFoundAnswer(answer: FoundAnswer, options: RenderOptions): DiscordMessage {
  const topUrl = answer.citations.find((c) => isLinkable(c.url))?.url ?? null;
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
  return {
    embeds: [fitDescription(embed, text, topUrl)],
    components: [
      ...buttonRows(sourceButtons(answer.citations)),
      ...buttonRows(actionButtons(answer, options)),
    ],
  };
}

/**
 * An answer as a Discord message: one embed (title, text, commands as code blocks, related
 * terms, numbered sources) with link buttons to the top sources, or — without an answer — the
 * nearest terms as buttons that answer on click.
 */
export function renderAnswer(answer: Answer, options: RenderOptions): DiscordMessage {
  return answer.kind === 'no_answer'
    ? renderNoAnswer(answer, options)
    : renderFoundAnswer(answer, options);
}
