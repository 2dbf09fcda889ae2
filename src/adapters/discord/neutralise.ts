import { escapeMarkdown } from 'discord.js';

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Defuses every mention in `text` so it renders as plain text and can never ping, whatever the
 * message's `allowedMentions`: `@everyone`, `@here`, `<@user>`, `<@!user>`, `<@&role>`,
 * `<#channel>` and slash-command mentions `</name:id>`.
 */
export function neutraliseMentions(text: string): string {
  return text
    .replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(/<(@[!&]?|#|\/)/g, `<${ZERO_WIDTH_SPACE}$1`);
}

/**
 * Text a user typed, made safe to show inside Discord Markdown: markup characters are escaped
 * (no injected links, headings or code blocks) and mentions are defused.
 */
export function userText(text: string): string {
  // escapeMarkdown leaves brackets alone, and Discord renders [text](url) as a link in embeds.
  return neutraliseMentions(escapeMarkdown(text).replace(/[[\]]/g, (c) => `\\${c}`));
}

/** Text for a place Discord shows without Markdown (button labels, choice names). */
export function plainLabel(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
}
