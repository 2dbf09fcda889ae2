/**
 * The real Bolt app in HTTP mode on a loopback port: signed slash commands, button clicks, the
 * shortcut and its typeahead, with the Web API and response URLs on a fake Slack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack, TEAM_ID } from './fake-slack.js';
import {
  BOT_TOKEN,
  commandBody,
  FORM,
  fixture,
  type Harness,
  interactionBody,
  SIGNING_SECRET,
  send,
  startHarness,
} from './harness.js';

let fake: FakeSlack;
let h: Harness;

beforeAll(async () => {
  fake = await FakeSlack.start();
  h = await startHarness(fake, {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
  });
});

afterAll(async () => {
  await h?.stop();
  await fake?.close();
});

async function command(fields: Record<string, string>): Promise<Record<string, unknown>> {
  const res = await send(h.url, commandBody(fields), FORM);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

const KRYPTON_CARD = [
  { type: 'header', text: { type: 'plain_text', text: 'Krypton' } },
  {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: 'A Windows container that runs in its own lightweight Hyper-V virtual machine.\n\nEach Krypton container has its own kernel, so it is isolated from the host and from other containers.',
    },
  },
  { type: 'section', text: { type: 'mrkdwn', text: '*Related:* Argon' } },
  {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: '*Sources*\n[1] <https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-containers/hyperv-container|Isolation modes> — Microsoft Learn\n[2] Windows Server Containers (K8S 70) (no link) — Course notes',
    },
  },
];

const feedbackButtons = (entryId: string | null, query: string) => {
  const value = JSON.stringify({ e: entryId, q: query });
  return [
    {
      type: 'button',
      action_id: 'stevedore_feedback_up',
      text: { type: 'plain_text', text: '👍 Helpful', emoji: true },
      value,
    },
    {
      type: 'button',
      action_id: 'stevedore_feedback_down',
      text: { type: 'plain_text', text: '👎 Not helpful', emoji: true },
      value,
    },
  ];
};

describe('slash commands (HTTP mode)', () => {
  it('/define: answers privately with the card, feedback and Share in channel', async () => {
    const reply = await command({ command: '/define', text: 'krypton' });
    expect(reply).toEqual({
      response_type: 'ephemeral',
      text: 'Krypton: A Windows container that runs in its own lightweight Hyper-V virtual machine.',
      blocks: [
        ...KRYPTON_CARD,
        { type: 'context', elements: [{ type: 'mrkdwn', text: '/define krypton' }] },
        {
          type: 'actions',
          elements: [
            ...feedbackButtons('krypton', 'krypton'),
            {
              type: 'button',
              action_id: 'stevedore_share',
              text: { type: 'plain_text', text: 'Share in channel', emoji: true },
              value: JSON.stringify({ s: 'define', q: 'krypton' }),
              style: 'primary',
            },
          ],
        },
      ],
    });
  });

  it('/define: answers a term by its alias', async () => {
    const reply = await command({ command: '/define', text: 'k8s' });
    const blocks = reply.blocks as Array<Record<string, unknown>>;
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Kubernetes' } });
    expect(JSON.stringify(blocks)).toContain(
      '<https://kubernetes.io/docs/concepts/workloads/pods/|Pods>',
    );
  });

  it('/define: a fragment gets "did you mean" buttons and no weak guess', async () => {
    const reply = await command({ command: '/define', text: 'kry' });
    const blocks = reply.blocks as Array<Record<string, unknown>>;
    expect(reply.text).toBe('No answer. Did you mean Krypton?');
    expect(blocks).toContainEqual({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: 'stevedore_define_0',
          text: { type: 'plain_text', text: 'Krypton', emoji: true },
          value: 'Krypton',
        },
      ],
    });
    expect(JSON.stringify(blocks)).not.toContain('stevedore_share');
    expect(JSON.stringify(blocks)).not.toContain('Hyper-V');
  });

  it('/define: empty or blank text gets the usage message', async () => {
    for (const text of ['', '   ', '<@U0VICTIM1>']) {
      const reply = await command({ command: '/define', text });
      expect(reply).toEqual({
        response_type: 'ephemeral',
        text: 'Usage: /define &lt;term&gt; — for example /define Krypton or /define k8s.',
        blocks: [
          {
            type: 'section',
            text: {
              type: 'mrkdwn',
              text: 'Usage: `/define &lt;term&gt;` — for example `/define Krypton` or `/define k8s`.',
            },
          },
        ],
      });
    }
  });

  it('/ask: answers with commands as code blocks and sources', async () => {
    const reply = await command({ command: '/ask', text: 'how do I create a pod with podman?' });
    const blocks = reply.blocks as Array<Record<string, unknown>>;
    expect(blocks).toContainEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*Syntax*\n```podman pod create --name &lt;name&gt;```' },
    });
    expect(blocks).toContainEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*Example*\n```podman pod create --name web```' },
    });
    expect(blocks[1]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: 'Creates a new pod with its infra container.\n\nAdd containers to the pod with `podman run --pod web ...`.\n\n*Flags that matter*\n• `--name, -n` — Name of the pod.',
      },
    });
    expect(JSON.stringify(blocks)).toContain(
      '<https://docs.podman.io/en/latest/|Podman documentation>',
    );
    expect(JSON.stringify(blocks)).toContain(
      'Interactive Podman Tutorial (no longer online) (no link) — Katacoda',
    );
  });

  it('/ask help: gives the help text', async () => {
    const reply = await command({ command: '/ask', text: 'help' });
    const text = JSON.stringify(reply.blocks);
    expect(text).toContain('*Stevedore* answers questions about containers');
    expect(text).toContain('`/define &lt;term&gt;`');
    expect(reply.response_type).toBe('ephemeral');
  });

  it('/ask: a mention-injection question is answered without echoing any mention or markup', async () => {
    const hostile = fixture<Record<string, string>>('hostile-texts');
    const reply = await command({ command: '/ask', text: hostile.mentionInjection ?? '' });
    // Everything Slack renders; button values are data Slack never shows.
    const text = JSON.stringify(reply, (key, v: unknown) => (key === 'value' ? undefined : v));
    expect(text).not.toMatch(/<!(channel|here|everyone|subteam)/);
    expect(text).not.toContain('<@U0VICTIM1');
    expect(text).not.toContain('<#C0SECRET1');
    expect(text).not.toContain('<https://evil.example');
    expect(text).not.toContain('<script>');
    const context = (
      reply.blocks as Array<{ type: string; elements?: Array<{ text: string }> }>
    ).find((b) => b.type === 'context');
    expect(context?.elements?.[0]?.text).toBe(
      '/ask #secret what is a pod &lt;script&gt; &amp; click me',
    );
  });

  it('/ask: typed @channel words are broken so they can never broadcast', async () => {
    const hostile = fixture<Record<string, string>>('hostile-texts');
    const reply = await command({ command: '/ask', text: hostile.typedBroadcasts ?? '' });
    const context = (
      reply.blocks as Array<{ type: string; elements?: Array<{ text: string }> }>
    ).find((b) => b.type === 'context');
    expect(context?.elements?.[0]?.text).toBe(
      '/ask @\u200bchannel @\u200bhere @\u200beveryone what is a pod',
    );
  });

  it('/ask: a 10 kB question is acknowledged with an answer within Block Kit limits', async () => {
    const question = `what is krypton ${'x'.repeat(10_240)}`;
    const reply = await command({ command: '/ask', text: question });
    const blocks = reply.blocks as Array<{ type: string; text?: { text: string } }>;
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const block of blocks) expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    const actions = blocks.filter((b) => b.type === 'actions') as unknown as Array<{
      elements: Array<{ value: string }>;
    }>;
    for (const a of actions)
      for (const e of a.elements) expect(e.value.length).toBeLessThanOrEqual(2000);
  });

  it('an unknown command is acknowledged with a notice, not left to time out', async () => {
    const reply = await command({ command: '/stevedore-old', text: 'subscribe' });
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toBe(
      'I do not know the command /stevedore-old. Try `/define &lt;term&gt;` or `/ask &lt;question&gt;`.',
    );
  });
});

describe('buttons (HTTP mode)', () => {
  it('Share in channel: posts the answer visibly, says who shared it, removes the private copy', async () => {
    const before = fake.calls.length;
    const payload = fixture('block-actions-ephemeral', { response_url: fake.responseUrl('share') });
    const res = await send(h.url, interactionBody(payload), FORM);
    expect(res.status).toBe(200);
    const calls = await fake.waitFor('response:share', 2);
    expect(calls[0]?.body).toEqual({
      response_type: 'in_channel',
      replace_original: false,
      text: 'Krypton: A Windows container that runs in its own lightweight Hyper-V virtual machine.',
      blocks: [
        ...KRYPTON_CARD,
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: 'Shared by <@U0ASKER01> · /define krypton' }],
        },
        { type: 'actions', elements: feedbackButtons('krypton', 'krypton') },
      ],
    });
    expect(calls[1]?.body).toEqual({ delete_original: true });
    expect(fake.calls.slice(before).map((c) => c.method)).toEqual([
      'response:share',
      'response:share',
    ]);
  });

  it('Share in channel: an expired response URL is logged and the user told privately', async () => {
    fake.failNext('response:expired', { status: 404, body: { ok: false, error: 'expired_url' } });
    const payload = fixture('block-actions-ephemeral', {
      response_url: fake.responseUrl('expired'),
    });
    await send(h.url, interactionBody(payload), FORM);
    const [ephemeral] = await fake.waitFor('chat.postEphemeral');
    expect(ephemeral?.body).toMatchObject({ channel: 'C0CHAN001', user: 'U0ASKER01' });
    expect(String(ephemeral?.body.text)).toContain('could not share');
    expect(h.logs.some((l) => l.method === 'response_url (share)' && l.level === 40)).toBe(true);
    fake.calls.length = 0;
  });

  it('did you mean: a click on a private suggestion replaces it with the card', async () => {
    const payload = fixture('block-actions-ephemeral', {
      response_url: fake.responseUrl('suggest'),
      actions: [
        {
          action_id: 'stevedore_define_0',
          block_id: 'b3',
          text: { type: 'plain_text', text: 'Krypton', emoji: true },
          value: 'Krypton',
          type: 'button',
          action_ts: '1710000402.000200',
        },
      ],
    });
    await send(h.url, interactionBody(payload), FORM);
    const [call] = await fake.waitFor('response:suggest');
    expect(call?.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(((call?.body.blocks ?? []) as unknown[]).slice(0, 4)).toEqual(KRYPTON_CARD);
  });

  it('did you mean: a click in a thread answers in that thread', async () => {
    const before = fake.callsOf('chat.postMessage').length;
    await send(h.url, interactionBody(fixture('block-actions-message')), FORM);
    const posts = await fake.waitFor('chat.postMessage', before + 1);
    const post = posts[before];
    expect(post?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(post?.body).toMatchObject({ channel: 'C0CHAN001', thread_ts: '1710000000.000100' });
    expect(((post?.body.blocks ?? []) as unknown[]).slice(0, 4)).toEqual(KRYPTON_CARD);
  });

  it('feedback: a 👍 is recorded once per person and answer, and thanked privately', async () => {
    const value = JSON.stringify({ e: 'krypton', q: 'krypton' });
    const click = fixture('block-actions-ephemeral', {
      response_url: fake.responseUrl('feedback'),
      container: {
        type: 'message',
        message_ts: '1710000800.000100',
        channel_id: 'C0CHAN001',
        is_ephemeral: false,
      },
      actions: [
        {
          action_id: 'stevedore_feedback_up',
          block_id: 'b4',
          value,
          type: 'button',
          action_ts: '1',
        },
      ],
    });
    await send(h.url, interactionBody(click), FORM);
    const [thanks] = await fake.waitFor('response:feedback');
    expect(thanks?.body).toEqual({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'Thanks for the 👍 — noted.',
    });
    expect(h.feedback).toEqual([
      {
        platform: 'slack',
        workspaceId: TEAM_ID,
        channelId: 'C0CHAN001',
        userId: 'U0ASKER01',
        entryId: 'krypton',
        query: 'krypton',
        helpful: true,
        at: expect.any(Date),
      },
    ]);
    await send(h.url, interactionBody(click), FORM);
    const calls = await fake.waitFor('response:feedback', 2);
    expect(calls[1]?.body.text).toBe('You already rated this answer — thank you.');
    expect(h.feedback).toHaveLength(1);
  });

  it('feedback: a 👎 on "no answer" is recorded with a null entry', async () => {
    const value = JSON.stringify({ e: null, q: 'zzzz' });
    const click = fixture('block-actions-ephemeral', {
      response_url: fake.responseUrl('feedback-down'),
      container: {
        type: 'message',
        message_ts: '1710000900.000100',
        channel_id: 'C0CHAN001',
        is_ephemeral: true,
      },
      actions: [
        {
          action_id: 'stevedore_feedback_down',
          block_id: 'b5',
          value,
          type: 'button',
          action_ts: '1',
        },
      ],
    });
    const before = h.feedback.length;
    await send(h.url, interactionBody(click), FORM);
    await fake.waitFor('response:feedback-down');
    expect(h.feedback[before]).toMatchObject({ entryId: null, query: 'zzzz', helpful: false });
  });

  it('an unknown action id, or a forged button value, is acknowledged and ignored', async () => {
    const before = fake.calls.length;
    const unknown = fixture('block-actions-ephemeral', {
      response_url: fake.responseUrl('unknown'),
      actions: [
        {
          action_id: 'someone_elses_button',
          block_id: 'x',
          value: '1',
          type: 'button',
          action_ts: '1',
        },
      ],
    });
    const forged = fixture('block-actions-ephemeral', {
      response_url: fake.responseUrl('forged'),
      actions: [
        {
          action_id: 'stevedore_share',
          block_id: 'x',
          value: '{"s":"rm -rf","q":1}',
          type: 'button',
          action_ts: '1',
        },
      ],
    });
    const feedbackBefore = h.feedback.length;
    for (const payload of [unknown, forged]) {
      const res = await send(h.url, interactionBody(payload), FORM);
      expect(res.status).toBe(200);
    }
    // A later click that does answer proves the two were handled (and dropped) before it.
    await send(
      h.url,
      interactionBody(
        fixture('block-actions-ephemeral', { response_url: fake.responseUrl('after') }),
      ),
      FORM,
    );
    await fake.waitFor('response:after', 2);
    expect(fake.calls.slice(before).map((c) => c.method)).toEqual([
      'response:after',
      'response:after',
    ]);
    expect(h.feedback).toHaveLength(feedbackBefore);
    expect(
      h.logs.some((l) => l.msg === 'ignoring a click on an action Stevedore does not know'),
    ).toBe(true);
  });
});

describe('Define a term shortcut (HTTP mode)', () => {
  it('opens the modal with an external select term picker', async () => {
    await send(h.url, interactionBody(fixture('shortcut')), FORM);
    const [open] = await fake.waitFor('views.open');
    expect(open?.body.trigger_id).toBe('1234.5678.shortcut');
    expect(open?.body.view).toEqual({
      type: 'modal',
      callback_id: 'stevedore_define_modal',
      title: { type: 'plain_text', text: 'Define a term' },
      close: { type: 'plain_text', text: 'Close' },
      blocks: [
        {
          type: 'actions',
          block_id: 'stevedore_term_picker_block',
          elements: [
            {
              type: 'external_select',
              action_id: 'stevedore_term_picker',
              placeholder: { type: 'plain_text', text: 'Start typing a term…' },
              min_query_length: 1,
            },
          ],
        },
        {
          type: 'context',
          elements: [
            { type: 'mrkdwn', text: 'Type a few letters: close spellings are suggested too.' },
          ],
        },
      ],
    });
  });

  it('feeds the term picker from suggest()', async () => {
    const res = await send(h.url, interactionBody(fixture('block-suggestion')), FORM);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      options: [{ text: { type: 'plain_text', text: 'Krypton' }, value: 'Krypton' }],
    });
  });

  it('answers an options request for an unknown select with no options', async () => {
    const res = await send(
      h.url,
      interactionBody(fixture('block-suggestion', { action_id: 'not_ours', value: 'k' })),
      FORM,
    );
    expect(await res.json()).toEqual({ options: [] });
  });

  it('shows the chosen term’s card in the modal', async () => {
    await send(h.url, interactionBody(fixture('block-actions-view')), FORM);
    const [update] = await fake.waitFor('views.update');
    expect(update?.body).toMatchObject({ view_id: 'V0MODAL01', hash: '1710000600.abc' });
    const view = update?.body.view as { blocks: Array<{ type: string }> };
    expect(view.blocks.slice(2, 6)).toEqual(KRYPTON_CARD);
    expect(JSON.stringify(view)).not.toContain('stevedore_feedback');
  });
});
