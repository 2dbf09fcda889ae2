import { LIMITS, truncate } from './limits.js';
import { neutraliseMentions, userText } from './neutralise.js';
import { unlinkNonWeb } from './unlink-non-web.js';

/**
 * Knowledge text (trusted Markdown) made safe to post: mentions are defused, and links Discord
 * cannot open (to another entry, by id) are shown as their label.
 */
export function kbText(text: string): string {
  return neutraliseMentions(unlinkNonWeb(text));
}

/** Whether Discord can open `url` from a link or a link button: http(s), within 512 characters. */
export function isLinkable(url: string | null): url is string {
  if (url === null || url.length > LIMITS.buttonUrl) return false;
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** A Markdown link whose text and address cannot break out of the link syntax. */
export function maskedLink(text: string, url: string): string {
  const escaped: Record<string, string> = { '(': '%28', ')': '%29' };
  return `[${userText(text)}](${url.replace(/[()]|\s/g, (c) => escaped[c] ?? '%20')})`;
}

/** A command as a shell code block that fits one field value. */
export function codeBlock(command: string): string {
  // A command that contains ``` would close the block early; a zero-width space defuses it.
  const body = neutraliseMentions(command).replace(/```/g, '`\u200b``');
  const fence = (text: string) => `\`\`\`sh\n${text}\n\`\`\``;
  const room = LIMITS.embedFieldValue - fence('').length;
  return fence(truncate(body, room));
}
