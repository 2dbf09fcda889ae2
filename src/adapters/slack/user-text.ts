/**
 * Text typed by Slack users, in both directions: read from Slack's format into plain words for the
 * core, and echoed back so that it can never ping, link or render as markup.
 */
import { MAX_MESSAGE_LENGTH } from '../../core/chat/limits.js';
import { escapeMrkdwn, stripControl, truncatePlain } from './mrkdwn.js';

/** Slack's own limit for a message is 40 000 characters; nothing longer is even scanned. */
const MAX_SCANNED = 40_000;

/**
 * Slack's inline tokens: `<@U123>`, `<@U123|ana>`, `<#C123|general>`, `<!here>`, `<!channel>`,
 * `<!subteam^S123|@ops>`, `<!date^…|fallback>`, `<https://x|label>`, `<mailto:a@b|a@b>`.
 */
const TOKEN = /<([^<>\n]{0,4000})>/g;

function wordsOfToken(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? '' : inner.slice(bar + 1);
  if (target.startsWith('@')) return ''; // a user mention carries no words of the question
  if (target.startsWith('#')) return label ? `#${label}` : '';
  if (target.startsWith('!date^')) return label;
  if (target.startsWith('!')) return ''; // @here, @channel, @everyone, user groups
  return label || target; // a link: its words
}

/**
 * Reads Slack-formatted text (as events and slash commands deliver it) as the plain words the
 * user meant: mentions and broadcasts removed, links reduced to their label, `&lt;` `&gt;` `&amp;`
 * decoded, control characters removed, whitespace collapsed, at most the core's `MAX_MESSAGE_LENGTH` long.
 */
export function readUserText(slackText: string): string {
  return stripControl(slackText.slice(0, MAX_SCANNED))
    .replace(TOKEN, (_, inner: string) => ` ${wordsOfToken(inner)} `)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_MESSAGE_LENGTH);
}

/**
 * User text made safe to show inside mrkdwn: `&`, `<`, `>` escaped (so no `<!channel>` or
 * `<@U…>` token can form), the words @here/@channel/@everyone broken with a zero-width space (so
 * even `link_names` cannot turn them into broadcasts), and cut to `max` characters.
 */
export function echoUserText(plain: string, max = 200): string {
  const cut = truncatePlain(plain.replace(/\s+/g, ' ').trim(), max);
  return escapeMrkdwn(cut).replace(/@(here|channel|everyone)\b/gi, '@\u200b$1');
}

/** A Slack user id as Slack sends it (`U…` or `W…`), safe to put in a `<@…>` mention. */
export function isSlackUserId(id: string | undefined): id is string {
  return id !== undefined && /^[UW][A-Z0-9]{2,20}$/.test(id);
}
