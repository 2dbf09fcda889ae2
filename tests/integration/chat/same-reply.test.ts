/**
 * One conversation core, three adapters: the same messages sent to the real Bolt app (against the
 * loopback fake Slack), to the real discord.js client (against the fake Discord) and to the local
 * shell get the same kind of reply — the same card, the same usage, the same notice.
 */
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runShell } from '../../../src/adapters/shell/run-shell.js';
import { BOT_USER, CHANNEL_ID, messageCreate } from '../../fixtures/discord/payloads.js';
import { fixtureEngine } from '../../helpers/fixture-engine.js';
import {
  type Harness as DiscordHarness,
  startHarness as startDiscord,
} from '../discord/harness.js';
import { BOT_USER_ID, FakeSlack } from '../slack/fake-slack.js';
import {
  BOT_TOKEN,
  fixture,
  JSON_TYPE,
  NOW,
  SIGNING_SECRET,
  type Harness as SlackHarness,
  send,
  startHarness as startSlack,
} from '../slack/harness.js';

/** What a rendered reply is, read back from what the platform received. */
interface ReplyKind {
  readonly kind: 'answer' | 'search' | 'help' | 'usage' | 'term_of_day' | 'notice';
  /** The card's title, for answers and the term of the day. */
  readonly title?: string;
  /** The number of results listed, for search. */
  readonly hits?: number;
}

const engine = fixtureEngine();
const todaysTitle = engine.termOfDay(NOW.toISOString().slice(0, 10)).title;

const TABLE: ReadonlyArray<readonly [string, ReplyKind]> = [
  ['help', { kind: 'help' }],
  ['define krypton', { kind: 'answer', title: 'Krypton' }],
  ['what is a pod?', { kind: 'answer', title: 'Pod' }],
  ['define zzqxv', { kind: 'answer', title: engine.define('zzqxv').title }],
  ['define', { kind: 'usage' }],
  ['ask', { kind: 'usage' }],
  ['search', { kind: 'usage' }],
  // 'container' has seven hits in the fixture knowledge: more than the five Discord once listed.
  ['search container', { kind: 'search', hits: engine.search('container', 10).length }],
  ['today', { kind: 'term_of_day', title: todaysTitle }],
  ['termofday now', { kind: 'term_of_day', title: todaysTitle }],
  ['termofday subscribe 09:00 UTC', { kind: 'notice' }],
];

type Block = { type: string; text?: { text: string } };

function slackKind(body: Record<string, unknown>): ReplyKind {
  const text = String(body.text);
  const blocks = body.blocks as Block[];
  const [first, second] = blocks;
  if (first?.type === 'header') {
    const header = first.text?.text ?? '';
    if (header.startsWith('Term of the day —')) {
      return { kind: 'term_of_day', title: (second?.text?.text ?? '').replace(/^\*|\*$/g, '') };
    }
    return { kind: 'answer', title: header };
  }
  if (text.startsWith('Stevedore answers questions')) return { kind: 'help' };
  if (text.startsWith('Usage:')) return { kind: 'usage' };
  if (text.startsWith('Results for') || text.startsWith('Nothing found for')) {
    const lines = (first?.text?.text ?? '').split('\n').slice(1);
    return { kind: 'search', hits: lines.length };
  }
  return { kind: 'notice' };
}

interface DiscordPosted {
  content?: string;
  embeds: { title?: string; description?: string; author?: { name: string } }[];
}

function discordKind(body: DiscordPosted): ReplyKind {
  const [embed] = body.embeds;
  if (!embed) return { kind: body.content?.startsWith('Usage:') ? 'usage' : 'notice' };
  if (embed.author?.name.startsWith('Term of the day —')) {
    return { kind: 'term_of_day', title: embed.title ?? '' };
  }
  if (embed.title === 'Stevedore') return { kind: 'help' };
  if (embed.title?.startsWith('Search:')) {
    const lines = (embed.description ?? '').split('\n').filter((line) => /^\d+\. /.test(line));
    return { kind: 'search', hits: lines.length };
  }
  return { kind: 'answer', title: embed.title ?? '' };
}

function shellKind(output: string): ReplyKind {
  const text = output.trim();
  if (text.startsWith('Term of the day (')) {
    return { kind: 'term_of_day', title: text.split('\n')[2] ?? '' };
  }
  if (text.includes('In this shell you can also type')) return { kind: 'help' };
  if (text.startsWith('Usage:')) return { kind: 'usage' };
  if (/^\d+\. /.test(text) || text.startsWith('Nothing found for')) {
    return { kind: 'search', hits: text.split('\n').filter((line) => /^\d+\. /.test(line)).length };
  }
  if (text.startsWith('The term of the day is managed')) return { kind: 'notice' };
  return { kind: 'answer', title: text.split('\n')[0] ?? '' };
}

let fakeSlack: FakeSlack;
let slack: SlackHarness;
let discord: DiscordHarness;
beforeAll(async () => {
  fakeSlack = await FakeSlack.start();
  slack = await startSlack(fakeSlack, {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
  });
  discord = await startDiscord({ now: () => NOW });
});
afterAll(async () => {
  await slack?.stop();
  await fakeSlack?.close();
  await discord?.stop();
});

let sequence = 0;

/** Mentions the bot in a Slack channel; the reply posted in the thread. */
async function askSlack(text: string): Promise<ReplyKind> {
  sequence += 1;
  const base = fixture<{ event: Record<string, unknown> }>('app-mention');
  const before = fakeSlack.callsOf('chat.postMessage').length;
  await send(
    slack.url,
    JSON.stringify({
      ...base,
      event_id: `EvSame${sequence}`,
      event: { ...base.event, text: `<@${BOT_USER_ID}> ${text}`, ts: `1710001000.${sequence}` },
    }),
    JSON_TYPE,
  );
  const posts = await fakeSlack.waitFor('chat.postMessage', before + 1);
  return slackKind(posts[before]?.body ?? {});
}

/** Mentions the bot in a Discord channel; the reply to the message. */
async function askDiscord(text: string): Promise<ReplyKind> {
  const from = discord.fake.requests.length;
  discord.message(messageCreate(`<@${BOT_USER.id}> ${text}`, { mentionsBot: true }));
  const request = await discord.fake.request(`/api/v10/channels/${CHANNEL_ID}/messages`, from);
  return discordKind(request.body as DiscordPosted);
}

/** Types the line into the local shell (through a pipe); what it prints. */
async function askShell(text: string): Promise<ReplyKind> {
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  await runShell({
    engine,
    input: Readable.from([`${text}\n`]),
    output,
    interactive: false,
    style: { color: false },
    timeZone: 'UTC',
    now: () => NOW,
  });
  return shellKind(printed);
}

describe('the same message gets the same kind of reply on Slack, Discord and in the shell', () => {
  it.each(TABLE)('%j', async (text, expected) => {
    const replies = {
      slack: await askSlack(text),
      discord: await askDiscord(text),
      shell: await askShell(text),
    };
    expect(replies).toEqual({ slack: expected, discord: expected, shell: expected });
  });
});
