import { describe, expect, it } from 'vitest';
import { noAnswer } from '../../../../src/core/engine/build-answer.js';
import type { Answer, FoundAnswer } from '../../../../src/core/types.js';
import { fixtureEngine } from '../../../helpers/fixture-engine.js';

const engine = fixtureEngine();

function found(answer: Answer): FoundAnswer {
  if (answer.kind !== 'answer')
    throw new Error(`expected an answer, got no_answer for "${answer.query}"`);
  return answer;
}

describe('define: finds a term', () => {
  it.each([
    ['its title', 'Krypton', 'krypton'],
    ['its title in any case', 'KRYPTON', 'krypton'],
    ['an alias', 'k8s', 'kubernetes'],
    ['a multi-word alias with other punctuation', 'hyper v isolation', 'krypton'],
    ['a plural', 'pods', 'pod'],
    ['a question around it', 'what is conmon?', 'conmon'],
    ['a misspelling', 'kripton', 'krypton'],
    // "proces" is stemmed to "proce", two edits from "process"; the typed word is one.
    ['a misspelling whose plural stem hides it', 'proces isolation', 'argon'],
    ['a transposition', 'kubernetse', 'kubernetes'],
    ['a topic by its alias', 'noble gases', 'windows-container-types'],
  ])('by %s', (_, term, id) => {
    expect(found(engine.define(term)).entry.id).toBe(id);
  });

  it('builds the card: title, definition first, related terms, numbered citations', () => {
    const answer = found(engine.define('krypton'));
    expect(answer).toMatchObject({
      kind: 'answer',
      query: 'krypton',
      title: 'Krypton',
      commands: [],
      suggestions: [],
      related: [{ id: 'argon', title: 'Argon', kind: 'glossary' }],
    });
    // An exact name is right nearly always: its score is that share, measured (calibration).
    expect(answer.score).toBeGreaterThanOrEqual(0.95);
    expect(
      answer.text.startsWith(
        'A Windows container that runs in its own lightweight Hyper-V virtual machine.',
      ),
    ).toBe(true);
    expect(answer.citations).toEqual([
      {
        n: 1,
        title: 'Isolation modes',
        publisher: 'Microsoft Learn',
        url: 'https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-containers/hyperv-container',
      },
      { n: 2, title: 'Windows Server Containers (K8S 70)', publisher: 'Course notes', url: null },
    ]);
  });

  it('never links a source that is gone', () => {
    const answer = found(engine.define('conmon'));
    expect(answer.citations[0]?.url).toBe('https://docs.podman.io/en/latest/');
    expect(answer.citations[1]).toMatchObject({
      url: null,
      title: 'Interactive Podman Tutorial (no longer online)',
    });
  });

  it('scores a corrected spelling below an exact match', () => {
    const answer = found(engine.define('kripton'));
    expect(answer.score).toBeGreaterThan(0.5);
    expect(answer.score).toBeLessThan(1);
  });

  it('says it does not know an unknown term, with a hint of what it can answer', () => {
    const answer = engine.define('sourdough');
    expect(answer).toMatchObject({
      kind: 'no_answer',
      reason: 'not_found',
      score: 0,
      citations: [],
    });
    expect(answer.text).toContain('I answer questions about containers');
  });

  it('answers empty or punctuation-only input with an "empty" no_answer', () => {
    for (const input of ['', '   ', '?!', '\t\n']) {
      expect(engine.define(input)).toMatchObject({ kind: 'no_answer', reason: 'empty' });
    }
  });
});

describe('ask: answers questions', () => {
  it('prefers a command for a how-to question', () => {
    const answer = found(engine.ask('how do I create a pod with podman?'));
    expect(answer.entry.id).toBe('podman-pod-create');
    expect(answer.commands).toEqual([
      { command: 'podman pod create --name <name>', description: 'Syntax' },
      { command: 'podman pod create --name web', description: 'Example' },
    ]);
    expect(answer.text).toContain('**Flags that matter**\n- `--name, -n` — Name of the pod.');
  });

  it('prefers a definition for a what-is question', () => {
    expect(found(engine.ask('what is a pod?')).entry.id).toBe('pod');
    expect(found(engine.ask("what's kubernetes")).entry.id).toBe('kubernetes');
  });

  it('does not answer with a card that only its body words match, in a base this small', () => {
    const answer = engine.ask('which windows container has its own kernel in a virtual machine');
    expect(answer.kind).toBe('no_answer');
    expect(answer.suggestions.length).toBeGreaterThan(0);
  });

  it('asks back about a near miss, naming the card it nearly answered with', () => {
    const answer = noAnswer('q', 'unsure', [{ id: 'krypton', title: 'Krypton', kind: 'glossary' }]);
    expect(
      answer.text.startsWith(
        "I'm not sure I have the right card for that. Did you mean *Krypton*?",
      ),
    ).toBe(true);
  });

  it.each([
    "what's the weather",
    'tell me a joke',
    'what is the capital of France',
    'how do I bake bread',
  ])('does not guess at an off-topic question: %s', (question) => {
    expect(engine.ask(question)).toMatchObject({ kind: 'no_answer', reason: 'not_found' });
  });

  it('suggests the nearest terms when it does not know', () => {
    const answer = engine.ask('kubernetz pod autoscaler quota');
    if (answer.kind === 'no_answer') {
      expect(answer.suggestions.map((s) => s.id)).toContain('kubernetes');
    } else {
      expect(['kubernetes', 'pod']).toContain(answer.entry.id);
    }
  });

  it.each([
    ['a 10 kB question', 'container '.repeat(1000)],
    ['emoji', '🐳🐳 what is a pod 🚢'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${} is the hostile input
    ['regex specials', '.*+?^${}()|[]\\ pod'],
    ['markup', '<script>alert(1)</script> <!channel> @everyone **pod**'],
    ['control characters', '\u0000\u001b[31mpod\u0007'],
    ['only stop words', 'what is the'],
  ])('survives %s', (_, input) => {
    const answer = engine.ask(input);
    expect(['answer', 'no_answer']).toContain(answer.kind);
    expect(answer.query.length).toBeLessThanOrEqual(500);
  });
});

describe('search and suggest', () => {
  it('ranks entries for a query', () => {
    const hits = engine.search('windows container', 3);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(3);
    expect(hits.map((h) => h.id)).toContain('windows-container-types');
    expect(hits[0]).toHaveProperty('summary');
  });

  it('suggests titles by prefix, then by near spelling, at most 25', () => {
    expect(engine.suggest('kr').map((s) => s.id)).toEqual(['krypton']);
    expect(engine.suggest('po').map((s) => s.id)).toEqual(
      expect.arrayContaining(['pod', 'podman-pod-create']),
    );
    expect(engine.suggest('kripton').map((s) => s.id)).toContain('krypton');
    expect(engine.suggest('').length).toBe(5);
    expect(engine.suggest('x'.repeat(10_000)).length).toBeLessThanOrEqual(25);
  });
});

describe('termOfDay', () => {
  const glossary = ['argon', 'conmon', 'krypton', 'kubernetes', 'pod'];

  it('is the same term for the same date', () => {
    expect(engine.termOfDay('2026-11-28').entry.id).toBe(engine.termOfDay('2026-11-28').entry.id);
  });

  it('cycles through every glossary term before any repeats', () => {
    // Day 20,440 is the start of a cycle of 5 (20,440 = 5 × 4,088): 2025-12-18.
    const start = Date.UTC(2025, 11, 18);
    const days = Array.from({ length: 5 }, (_, i) =>
      new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    );
    const ids = days.map((d) => engine.termOfDay(d).entry.id);
    expect([...ids].sort()).toEqual(glossary);
  });

  it('only picks glossary terms', () => {
    for (let i = 0; i < 30; i += 1) {
      const date = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
      expect(glossary).toContain(engine.termOfDay(date).entry.id);
    }
  });

  it('rejects something that is not a calendar date', () => {
    expect(() => engine.termOfDay('2026-02-30')).toThrow(RangeError);
    expect(() => engine.termOfDay('tomorrow')).toThrow(/YYYY-MM-DD/);
  });
});
