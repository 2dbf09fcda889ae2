import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSWER_AT } from '../../../../src/core/engine/calibration.js';
import { CommandShapes } from '../../../../src/core/engine/command-shape.js';
import { createEngine } from '../../../../src/core/engine/create-engine.js';
import { flagsOf } from '../../../../src/core/engine/flags.js';
import type { Intent } from '../../../../src/core/engine/normalise.js';
import { Ranker } from '../../../../src/core/engine/ranker.js';
import { ToolDetector } from '../../../../src/core/engine/tool-detection.js';
import { loadKnowledgeOrThrow } from '../../../../src/core/knowledge/load-knowledge.js';
import type { Answer, Entry, KnowledgeBase } from '../../../../src/core/types.js';
import { ROOT } from '../../../helpers/fixture-engine.js';

/**
 * Issue 9's failure classes, as specifications over a small knowledge base with tools
 * (tests/fixtures/knowledge/tools): a confident answer about the wrong thing is worse than
 * "I don't know".
 */
const knowledge = loadKnowledgeOrThrow(path.join(ROOT, 'tests/fixtures/knowledge/tools'));
const engine = createEngine(knowledge);
const idOf = (answer: Answer) => (answer.kind === 'answer' ? answer.entry.id : answer.kind);

describe('tool awareness: a question that names a tool gets that tool’s command or none', () => {
  it.each([
    ['with podman, attach to a running container', 'lxc-attach'],
    ['podman, create a secret', 'kubectl-create-secret'],
    ['how do I tag an image with podman', 'docker-tag'],
  ])('"%s" never answers %s', (question, wrong) => {
    const answer = engine.ask(question);
    expect(idOf(answer)).not.toBe(wrong);
    expect(answer.suggestions.map((s) => s.id)).not.toContain(wrong);
  });

  it('answers with the named tool’s card when it has one', () => {
    expect(idOf(engine.ask('with podman, open a shell in a running container'))).toBe(
      'podman-exec',
    );
    expect(idOf(engine.ask('lxc-attach to a running container'))).toBe('lxc-attach');
  });

  it('lets a docker question get a card of a docker plugin (buildx), not the reverse', () => {
    const detector = new ToolDetector(knowledge.tools);
    expect([...detector.detect('docker build an image').allowed].sort()).toEqual([
      'buildx',
      'docker',
    ]);
    expect([...detector.detect('buildx bake').allowed]).toEqual(['buildx']);
  });

  it('reads a tool named with its usual spellings, and only implies kubectl from "kubernetes"', () => {
    const detector = new ToolDetector(knowledge.tools);
    expect([...detector.detect('lxc-attach -n c1').named]).toEqual(['lxc']);
    expect([...detector.detect('kubectl’s config').named]).toEqual(['kubectl']);
    const implied = detector.detect('secrets in kubernetes');
    expect([...implied.named]).toEqual([]);
    expect([...implied.implied]).toEqual(['kubectl']);
    expect(detector.detect('helm on kubernetes').implied.size).toBe(0);
  });
});

describe('task phrases and subcommand words', () => {
  it('finds the command by the job people describe, not by a shared word', () => {
    const back = engine.ask('helm upgrade broke prod, how do I go back to the previous release?');
    // Answered, or offered first when it only nearly fits — never the upgrade card it mentions.
    expect(idOf(back)).not.toBe('helm-upgrade');
    expect(back.kind === 'answer' ? back.entry.id : back.suggestions[0]?.id).toBe('helm-rollback');
    expect(idOf(engine.ask('how do I go back to the previous release with helm'))).toBe(
      'helm-rollback',
    );
    expect(idOf(engine.ask('build an image from a dockerfile and tag it with docker'))).toBe(
      'docker-build',
    );
  });

  it('answers a command typed as a command line with that command, arguments and all', () => {
    const answer = engine.ask('helm rollback web 3');
    expect(idOf(answer)).toBe('helm-rollback');
    expect(answer.score).toBeGreaterThanOrEqual(ANSWER_AT);
  });

  it('never answers a typed subcommand it lacks with a sibling', () => {
    // helm history is a real command (reference list) the fixture has no card for.
    const answer = engine.ask('helm history web');
    expect(answer.kind).toBe('no_answer');
    expect(answer.suggestions.map((s) => s.id)).toContain('helm-rollback');
  });

  it('reads the options a question names', () => {
    expect(flagsOf('Clean up (--rm) with docker')).toEqual(['--rm']);
    expect(flagsOf('Set environment variables (-e, --env, --env-file)')).toEqual([
      '-e',
      '--env',
      '--env-file',
    ]);
    expect(flagsOf('a well-known non-flag')).toEqual([]);
  });
});

describe('strict define: only a name of the entry, its acronym or a typo of a whole name', () => {
  it.each([
    ['its title', 'veth pair', 'veth-pair'],
    ['an alias', 'QoS class', 'quality-of-service'],
    ['a plural', 'veth pairs', 'veth-pair'],
    ['a typo of a whole name', 'opreator pattern', 'operator'],
    ['the initials of its title', 'QOSC', 'quality-of-service'],
  ])('answers by %s', (_, term, id) => {
    expect(idOf(engine.define(term))).toBe(id);
  });

  it.each([
    ['a term it does not have that shares a word', 'Device Plugin'],
    ['a real word one typo from a name word', 'Quantity'],
    ['a different thing with a longer name', 'Cluster Operator'],
  ])('says it does not know %s (%s)', (_, term) => {
    expect(engine.define(term).kind).toBe('no_answer');
  });

  it('suggests only entries that share a meaningful word or a close spelling', () => {
    expect(engine.define('Device Plugin').suggestions.map((s) => s.id)).toContain('veth-pair');
    expect(engine.define('quali').suggestions.map((s) => s.id)).toEqual(['quality-of-service']);
    expect(engine.define('lxc-att').suggestions.map((s) => s.id)).toEqual(['lxc-attach']);
  });
});

describe('no answer: honest, and no unrelated suggestions', () => {
  it.each(['weather in Berlin', 'what is the capital of France', 'tell me a joke'])(
    'an off-topic question (%s) gets no suggestions',
    (question) => {
      const answer = engine.ask(question);
      expect(answer).toMatchObject({ kind: 'no_answer', suggestions: [] });
      expect(answer.text).toContain('I answer questions about containers');
    },
  );
});

describe('the score is an estimate that the card is right', () => {
  it('is at least the answering threshold for every answer, and 0 for no answer', () => {
    for (const question of [
      'helm rollback',
      'with podman, open a shell in a running container',
      'veth pair',
    ]) {
      const answer = engine.ask(question);
      expect(answer.kind).toBe('answer');
      expect(answer.score).toBeGreaterThanOrEqual(ANSWER_AT);
      expect(answer.score).toBeLessThanOrEqual(1);
    }
    expect(engine.ask('weather in Berlin').score).toBe(0);
  });
});

describe('reading a question for tools and command lines', () => {
  const detector = new ToolDetector(knowledge.tools);

  it('does not count a tool the question rules out', () => {
    expect([...detector.detect('list containers on a node without docker').named]).toEqual([]);
    expect([...detector.detect('use podman instead of docker').named]).toEqual(['podman']);
  });

  it('reads a comparison as prose, not as a command line', () => {
    const shapes = new CommandShapes(knowledge.entries, knowledge.tools, knowledge.commandNames);
    expect(shapes.shapeOf('helm upgrade vs helm rollback')).toBeUndefined();
    expect(shapes.shapeOf('helm upgrade --install web ./chart')?.words).toEqual([
      'upgrade',
      '--install',
      'web',
      './chart',
    ]);
    expect(shapes.shapeOf('how do I use helm upgrade')).toBeUndefined();
  });

  it('reads a tool followed by words that start none of its listed commands as prose', () => {
    const shapes = new CommandShapes(knowledge.entries, knowledge.tools, knowledge.commandNames);
    // "helm roll back" starts no helm command of the reference list; "helm rollback" does.
    expect(shapes.shapeOf('helm roll back release')).toBeUndefined();
    expect(shapes.shapeOf('helm rollback web 3')?.knownDepth).toBe(1);
  });
});

describe('an entry the question names outright', () => {
  it('stays a candidate however many cards of its tool out-score it on full text', () => {
    const [source] = [...knowledge.sources.keys()];
    const common = { tags: [], related: [], tasks: [], sources: [source as string] };
    const crowd: Entry[] = Array.from({ length: 80 }, (_, i) => ({
      ...common,
      id: `podman-crowd-${i}`,
      title: `Podman crowd command ${i}`,
      aliases: [],
      kind: 'command',
      tool: 'podman',
      summary: 'Sets the name of a thing; the name stands for the thing in podman.',
      body: 'Give it a name with --name; the name is what podman shows.',
      command: `podman crowd${i} --name <name>`,
      example: `podman crowd${i} --name web`,
      flags: [{ flag: '--name', description: 'The name to give.' }],
      file: `commands/podman-crowd-${i}.md`,
    }));
    const podman: Entry = {
      ...common,
      id: 'podman',
      title: 'Podman',
      aliases: ['pod manager'],
      kind: 'glossary',
      summary: 'A daemonless container engine.',
      body: 'Its name is short for pod manager.',
      file: 'glossary/podman.md',
    };
    const crowded: KnowledgeBase = {
      ...knowledge,
      entries: [...knowledge.entries, ...crowd, podman],
    };
    const { ranked } = new Ranker(crowded).rank(
      'what does the name podman stand for',
      'definition',
    );
    expect(ranked.map((r) => r.entry.id)).toContain('podman');
  });

  const featuresOf = (base: KnowledgeBase, question: string, intent: Intent, id: string) =>
    new Ranker(base).rank(question, intent).ranked.find((r) => r.entry.id === id)?.features;

  it('is marked when the question asks about it the way its kind answers', () => {
    // "QoS class" is an alias of the glossary term, spelt out in a fact question.
    const id = 'quality-of-service';
    expect(featuresOf(knowledge, 'is the qos class set per pod?', 'fact', id)?.namedAsked).toBe(1);
    // The same words in a how-to question ask for a command, which the term is not.
    expect(featuresOf(knowledge, 'how do I set the qos class', 'how_to', id)?.namedAsked).toBe(0);
  });

  it('is a tool’s entry only in a question that names the tool', () => {
    const [source] = [...knowledge.sources.keys()];
    // A key of a tool's file format, named like a plain word (as Compose's `hostname` is).
    const valuesKey: Entry = {
      id: 'helm-timeout-key',
      title: 'Helm timeout setting',
      aliases: ['timeout'],
      kind: 'topic',
      tool: 'helm',
      tags: [],
      related: [],
      tasks: [],
      sources: [source as string],
      summary: 'How long Helm waits for a release’s resources to be ready.',
      body: 'The timeout defaults to five minutes.',
      file: 'topics/helm-timeout-key.md',
    };
    const base: KnowledgeBase = { ...knowledge, entries: [...knowledge.entries, valuesKey] };
    const id = 'helm-timeout-key';
    expect(featuresOf(base, 'what is a timeout?', 'definition', id)?.namedAsked).toBe(0);
    expect(featuresOf(base, 'what is the timeout in helm?', 'definition', id)?.namedAsked).toBe(1);
  });
});
