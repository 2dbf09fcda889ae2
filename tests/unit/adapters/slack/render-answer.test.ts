import { describe, expect, it } from 'vitest';
import {
  renderAnswer,
  renderHelp,
  renderUsage,
} from '../../../../src/adapters/slack/render-answer.js';
import {
  renderDefineModal,
  renderTermOptions,
} from '../../../../src/adapters/slack/render-modal.js';
import { createEngine } from '../../../../src/core/engine/create-engine.js';
import { loadKnowledgeOrThrow } from '../../../../src/core/knowledge/load-knowledge.js';
import type { FoundAnswer } from '../../../../src/core/types.js';

const engine = createEngine(loadKnowledgeOrThrow('tests/fixtures/knowledge/valid'));

type AnyBlock = {
  type: string;
  text?: { text: string };
  elements?: Array<Record<string, unknown>>;
};

function long(overrides: Partial<FoundAnswer> = {}): FoundAnswer {
  const base = engine.define('krypton');
  if (base.kind !== 'answer') throw new Error('fixture knowledge has no krypton');
  return {
    ...base,
    text: `${'Krypton isolates containers in a utility VM. '.repeat(150)}`,
    commands: Array.from({ length: 80 }, (_, i) => ({
      command: `run ${i}`,
      description: `Step ${i}`,
    })),
    ...overrides,
  };
}

describe('renderAnswer', () => {
  it('cuts a long answer to one section of 3000 characters with a link to its source', () => {
    const message = renderAnswer(long());
    const body = message.blocks[1] as AnyBlock;
    expect(body.text?.text.length).toBeLessThanOrEqual(3000);
    expect(body.text?.text).toMatch(
      /… <https:\/\/learn\.microsoft\.com\/[^|]+\|Read more: Isolation modes>$/,
    );
  });

  it('keeps within 50 blocks and keeps the buttons last', () => {
    const message = renderAnswer(long(), { share: 'define' });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    const last = message.blocks.at(-1) as AnyBlock;
    expect(last.type).toBe('actions');
    expect(last.elements?.map((e) => e.action_id)).toEqual([
      'stevedore_feedback_up',
      'stevedore_feedback_down',
      'stevedore_share',
    ]);
  });

  it('says "(shortened)" when no source has a link', () => {
    const message = renderAnswer(
      long({ citations: [{ n: 1, title: 'Notes', publisher: 'Me', url: null }] }),
    );
    expect((message.blocks[1] as AnyBlock).text?.text.endsWith('… (shortened)')).toBe(true);
  });

  it('escapes titles and publishers from the knowledge base', () => {
    const message = renderAnswer(
      long({
        text: 'Short.',
        commands: [],
        title: '<!channel> & co',
        citations: [{ n: 1, title: 'A <b>', publisher: 'P & Q', url: 'https://x.y/?a=1&b=2' }],
      }),
    );
    const all = JSON.stringify(message.blocks);
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '<!channel> & co' },
    });
    expect(all).toContain('[1] <https://x.y/?a=1&amp;b=2|A &lt;b&gt;> — P &amp; Q');
    expect(message.text).toBe('&lt;!channel&gt; &amp; co: Short.');
  });

  it('a no-answer lists the nearest terms as buttons, or as text where buttons cannot go', () => {
    const answer = engine.define('kry');
    expect(answer.kind).toBe('no_answer');
    const withButtons = renderAnswer(answer);
    expect(JSON.stringify(withButtons.blocks)).toContain('"action_id":"stevedore_define_0"');
    const inModal = renderAnswer(answer, { interactive: false });
    expect(JSON.stringify(inModal.blocks)).not.toContain('action_id');
    expect(JSON.stringify(inModal.blocks)).toContain('Did you mean *Krypton*?');
  });

  it('an empty query gets no feedback buttons', () => {
    const message = renderAnswer(engine.ask(''));
    expect(JSON.stringify(message.blocks)).not.toContain('stevedore_feedback');
  });
});

describe('help and usage', () => {
  it('help fits in one section', () => {
    const help = renderHelp();
    expect(help.blocks).toHaveLength(1);
    expect((help.blocks[0] as AnyBlock).text?.text.length).toBeLessThan(1500);
  });

  it('usage is escaped, so its <placeholder> cannot become a Slack token', () => {
    const usage = renderUsage('Usage: `/ask <question>` — for example `/ask what is a pod?`.');
    expect(usage.text).toBe('Usage: /ask &lt;question&gt; — for example /ask what is a pod?.');
    expect(usage.blocks).toEqual([
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: 'Usage: `/ask &lt;question&gt;` — for example `/ask what is a pod?`.',
        },
      },
    ]);
  });
});

describe('define modal', () => {
  it('fits Slack’s modal limits with a card', () => {
    const view = renderDefineModal(long());
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(JSON.stringify(view.blocks)).not.toContain('stevedore_feedback');
  });

  it('term options are cut to Slack’s option limits', () => {
    const options = renderTermOptions([{ id: 'x', title: 'T'.repeat(300), kind: 'topic' }]);
    expect(options[0]?.text.text.length).toBeLessThanOrEqual(75);
    expect(options[0]?.value?.length).toBeLessThanOrEqual(150);
  });
});
