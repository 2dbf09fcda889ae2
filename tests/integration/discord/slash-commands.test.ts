import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/core/engine/create-engine.js';
import { loadKnowledgeOrThrow } from '../../../src/core/knowledge/load-knowledge.js';
import { HOSTILE } from '../../fixtures/discord/hostile.js';
import { nearMiss } from '../../fixtures/discord/near-miss.js';
import { autocomplete, chatInput, DM_CHANNEL_ID } from '../../fixtures/discord/payloads.js';
import { type Harness, startHarness, TOKEN } from './harness.js';

const engine = createEngine(loadKnowledgeOrThrow('tests/fixtures/knowledge/valid'));

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

interface Callback {
  type: number;
  data: {
    content?: string;
    embeds: { title: string; description: string; fields?: { name: string; value: string }[] }[];
    components: { type: number; components: Record<string, unknown>[] }[];
    allowed_mentions: unknown;
    flags?: number;
    choices?: unknown[];
  };
}

async function callbackOf(interaction: { id: string; token: string }): Promise<Callback> {
  return (await h.fake.request(h.fake.callbackPath(interaction))).body as Callback;
}

const KUBERNETES_URL = 'https://kubernetes.io/docs/concepts/workloads/pods/';

describe('/define', () => {
  it('define: answers a term by its alias with an ephemeral card, source links, feedback and Share', async () => {
    const interaction = h.interact(chatInput('define', [{ name: 'term', value: 'k8s' }]));
    expect(await callbackOf(interaction)).toEqual({
      type: 4,
      data: {
        tts: false,
        enforce_nonce: false,
        embeds: [
          {
            title: 'Kubernetes',
            url: KUBERNETES_URL,
            color: 0x2f6fde,
            description:
              'An open-source system for automating the deployment, scaling and management of containerized applications.\n\nKubernetes groups containers into pods and keeps the cluster in its desired state.',
            fields: [
              { name: 'Related', value: 'Pod' },
              {
                name: 'Sources',
                value: `[1] [Pods](${KUBERNETES_URL}) — Kubernetes Documentation`,
              },
            ],
            footer: { text: 'Stevedore · Glossary term' },
          },
        ],
        components: [
          {
            type: 1,
            components: [{ type: 2, style: 5, label: '[1] Pods', url: KUBERNETES_URL }],
          },
          {
            type: 1,
            components: [
              {
                type: 2,
                style: 2,
                emoji: { name: '👍' },
                label: 'Helpful',
                custom_id: 'sd:fb:1:kubernetes:k8s',
              },
              {
                type: 2,
                style: 2,
                emoji: { name: '👎' },
                label: 'Not helpful',
                custom_id: 'sd:fb:0:kubernetes:k8s',
              },
              { type: 2, style: 1, label: 'Share', custom_id: 'sd:share' },
            ],
          },
        ],
        allowed_mentions: { parse: [] },
        flags: 64,
      },
    });
  });

  it('define: lists a source without a URL as plain text and links only the others', async () => {
    const { data } = await callbackOf(
      h.interact(chatInput('define', [{ name: 'term', value: 'Krypton' }])),
    );
    expect(data.embeds[0]?.fields?.find((f) => f.name === 'Sources')?.value).toBe(
      '[1] [Isolation modes](https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-containers/hyperv-container) — Microsoft Learn\n' +
        '[2] Windows Server Containers (K8S 70) — Course notes (no link)',
    );
    expect(data.components[0]?.components).toEqual([
      {
        type: 2,
        style: 5,
        label: '[1] Isolation modes',
        url: 'https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-containers/hyperv-container',
      },
    ]);
  });

  it('define: without an answer says so and offers the nearest terms as buttons', async () => {
    const { query, answer } = nearMiss(engine);
    const { type, data } = await callbackOf(
      h.interact(chatInput('define', [{ name: 'term', value: query }])),
    );
    expect(type).toBe(4);
    expect(data.embeds[0]?.title).toBe('No answer');
    expect(data.embeds[0]?.description).toMatch(/^I don't have an answer for that\./);
    expect(data.components).toEqual([
      {
        type: 1,
        components: answer.suggestions.slice(0, 5).map((s) => ({
          type: 2,
          style: 2,
          label: s.title,
          custom_id: `sd:def:${s.id}`,
        })),
      },
      {
        type: 1,
        components: [
          expect.objectContaining({ custom_id: `sd:fb:1::${query}` }),
          expect.objectContaining({ custom_id: `sd:fb:0::${query}` }),
        ],
      },
    ]);
    expect(data.flags).toBe(64);
  });

  it('define: an empty, missing or mistyped term option gets the usage, privately', async () => {
    const usage = 'Usage: `/define <term>` — for example `/define Krypton` or `/define k8s`.';
    for (const options of [
      [{ name: 'term', value: '' }],
      [],
      [{ name: 'term', type: 4, value: 42 }],
    ]) {
      const { data } = await callbackOf(h.interact(chatInput('define', options)));
      expect(data).toMatchObject({ content: usage, embeds: [], components: [], flags: 64 });
    }
  });
});

describe('/ask', () => {
  it('ask: shows the commands as code blocks and the sources, the gone one without a link', async () => {
    const { data } = await callbackOf(
      h.interact(
        chatInput('ask', [{ name: 'question', value: 'how do I create a pod with podman?' }]),
      ),
    );
    const embed = data.embeds[0];
    expect(embed?.title).toBe('Create a pod with Podman');
    expect(embed?.fields).toEqual([
      { name: 'Syntax', value: '```sh\npodman pod create --name <name>\n```' },
      { name: 'Example', value: '```sh\npodman pod create --name web\n```' },
      { name: 'Related', value: 'Pod' },
      {
        name: 'Sources',
        value:
          '[1] [Podman documentation](https://docs.podman.io/en/latest/) — Podman\n' +
          '[2] Interactive Podman Tutorial (no longer online) — Katacoda (no link)',
      },
    ]);
    expect(data.components[0]?.components).toEqual([
      {
        type: 2,
        style: 5,
        label: '[1] Podman documentation',
        url: 'https://docs.podman.io/en/latest/',
      },
    ]);
  });

  it('ask: a 6000-character question is answered within the limits (the fake refuses oversize)', async () => {
    const interaction = h.interact(chatInput('ask', [{ name: 'question', value: HOSTILE.huge }]));
    const request = await h.fake.request(h.fake.callbackPath(interaction));
    expect(request.body).toMatchObject({ type: 4, data: { flags: 64 } });
    const button = JSON.stringify(request.body).match(/"custom_id":"(sd:fb:1:[^"]*)"/)?.[1];
    expect(button?.length).toBeLessThanOrEqual(100);
  });

  it('ask: @everyone, @here and role mentions in a question never ping anyone', async () => {
    for (const question of [HOSTILE.everyone, HOSTILE.roleAndUser]) {
      const { data } = await callbackOf(
        h.interact(chatInput('ask', [{ name: 'question', value: question }])),
      );
      expect(data.allowed_mentions).toEqual({ parse: [] });
    }
  });
});

describe('/help and unknown commands', () => {
  it('help: one embed with the help text, ephemeral, nobody pinged', async () => {
    const { data } = await callbackOf(h.interact(chatInput('help', [])));
    expect(data.embeds).toHaveLength(1);
    expect(data.embeds[0]?.title).toBe('Stevedore');
    expect(data.embeds[0]?.description).toContain('`/define <term>`');
    expect(data.components).toEqual([]);
    expect(data.flags).toBe(64);
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });

  it('a command Stevedore does not know gets a short ephemeral note', async () => {
    const { data } = await callbackOf(h.interact(chatInput('ping', [])));
    expect(data.content).toBe(
      'I do not know this command (it may have been removed). Try /define, /ask, /help or /termofday.',
    );
    expect(data.flags).toBe(64);
  });

  it('commands work in a DM with the bot too', async () => {
    const interaction = h.interact(
      chatInput('define', [{ name: 'term', value: 'pod' }], { dm: true }),
    );
    const { data } = await callbackOf(interaction);
    expect(data.embeds[0]?.title).toBe('Pod');
    expect(interaction.channel_id).toBe(DM_CHANNEL_ID);
  });
});

describe('autocomplete', () => {
  it('autocomplete: suggests the core’s entries for the prefix, the entry id as the value', async () => {
    const expected = engine.suggest('k').map((ref) => ({ name: ref.title, value: ref.id }));
    expect(expected).toContainEqual({ name: 'Kubernetes', value: 'kubernetes' });
    const interaction = h.interact(
      autocomplete('define', [{ name: 'term', value: 'k', focused: true }]),
    );
    expect(await callbackOf(interaction)).toEqual({ type: 8, data: { choices: expected } });
  });

  it('autocomplete: an empty or hostile prefix still gets at most 25 choices', async () => {
    for (const value of ['', HOSTILE.huge, HOSTILE.controlCharacters]) {
      const { data } = await callbackOf(
        h.interact(autocomplete('define', [{ name: 'term', value, focused: true }])),
      );
      expect(data.choices?.length).toBeLessThanOrEqual(25);
    }
  });

  it('autocomplete: without a focused option, or for another command, answers no choices', async () => {
    const unfocused = await callbackOf(
      h.interact(autocomplete('define', [{ name: 'term', value: 'k' }])),
    );
    expect(unfocused).toEqual({ type: 8, data: { choices: [] } });
    const other = await callbackOf(
      h.interact(autocomplete('ask', [{ name: 'question', value: 'k', focused: true }])),
    );
    expect(other).toEqual({ type: 8, data: { choices: [] } });
  });
});

describe('the 3-second deadline', () => {
  it('an interaction that arrives late is deferred at once, then the answer edited in', async () => {
    const interaction = h.interact(
      chatInput('define', [{ name: 'term', value: 'pod' }], { at: Date.now() - 2000 }),
    );
    const first = await h.fake.request(h.fake.callbackPath(interaction));
    expect(first.body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await h.fake.request(
      `/api/v10/webhooks/${interaction.application_id}/${interaction.token}/messages/@original`,
    );
    expect(edit.method).toBe('PATCH');
    expect(edit.body).toMatchObject({
      content: '',
      embeds: [expect.objectContaining({ title: 'Pod' })],
      allowed_mentions: { parse: [] },
    });
  });

  it('an expired interaction (10062) is logged as a warning and the bot keeps answering', async () => {
    const expired = h.interact(
      chatInput('define', [{ name: 'term', value: 'pod' }], { at: Date.now() - 4000 }),
    );
    await h.fake.request(/\/webhooks\/|\/callback$/, 0);
    await h.fake.until(
      () => h.logs.find((l) => l.requestId === expired.id && l.code === 10062),
      'the 10062 warning',
    );
    const line = h.logs.find((l) => l.requestId === expired.id && l.code === 10062);
    expect(line).toMatchObject({ level: 40, platform: 'discord', status: 404 });
    expect(line?.msg).toMatch(/interaction expired or unknown/);

    const next = h.interact(chatInput('define', [{ name: 'term', value: 'pod' }]));
    expect((await callbackOf(next)).data.embeds[0]?.title).toBe('Pod');
  });

  it('no log line holds the bot token or an interaction token', () => {
    const text = JSON.stringify(h.logs);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('interaction-token-');
  });
});
