import { describe, expect, it } from 'vitest';
import { flagsOf } from '../../../../src/core/engine/flags.js';
import { NameIndex } from '../../../../src/core/engine/name-index.js';
import { contentTerms, type Intent } from '../../../../src/core/engine/normalise.js';
import { type Ranked, rankCandidates } from '../../../../src/core/engine/rank.js';
import { buildSearchIndex } from '../../../../src/core/engine/search-index.js';
import type { NamedTools } from '../../../../src/core/engine/tool-detection.js';
import type { CommandEntry, Entry } from '../../../../src/core/types.js';

/**
 * `rankCandidates` as a pure function over a tiny hand-built index: each case builds the few
 * entries it is about, so what decides the order is visible in the test.
 */
const common = { aliases: [], tags: [], related: [], tasks: [], sources: ['src-1'] };
const term = (id: string, title: string, summary: string, body = ''): Entry => ({
  ...common,
  id,
  title,
  kind: 'glossary',
  summary,
  body,
  file: `glossary/${id}.md`,
});
const command = (
  id: string,
  fields: Pick<CommandEntry, 'title' | 'summary' | 'command' | 'example' | 'flags'>,
): Entry => ({
  ...common,
  ...fields,
  id,
  kind: 'command',
  tool: 'docker',
  body: '',
  file: `commands/${id}.md`,
});

/** The question names no tool. */
const NO_TOOLS: NamedTools = {
  named: new Set(),
  implied: new Set(),
  allowed: new Set(),
  toolWords: new Set(),
};

/** Ranks a question over the entries as the engine does: its content terms and its flags. */
function ranking(
  entries: readonly Entry[],
  question: string,
  intent: Intent,
  flags = flagsOf(question),
): Ranked[] {
  const names = new NameIndex(entries);
  const index = buildSearchIndex(entries, names);
  const query = { terms: contentTerms(question), flags, corrected: false };
  return rankCandidates(index, names, query, intent, NO_TOOLS);
}
const ids = (ranked: readonly Ranked[]) => ranked.map((r) => r.entry.id);

describe('rankCandidates: the kind of entry an intent asks for comes first', () => {
  const entries = [
    term('volume-snapshot', 'Volume snapshot', 'A saved copy of a volume at one moment.'),
    command('docker-volume-snapshot', {
      title: 'docker volume snapshot',
      summary: 'Saves a copy of a volume.',
      command: 'docker volume snapshot <volume>',
      example: 'docker volume snapshot data',
      flags: [],
    }),
  ];
  const question = 'volume snapshot';

  it('ranks the command first for a how-to question', () => {
    const ranked = ranking(entries, question, 'how_to');
    expect(ids(ranked)).toEqual(['docker-volume-snapshot', 'volume-snapshot']);
    expect(ranked[0]?.features.kindFit).toBe(1);
  });

  it('ranks the term first for a definition question with the same words', () => {
    const ranked = ranking(entries, question, 'definition');
    expect(ids(ranked)).toEqual(['volume-snapshot', 'docker-volume-snapshot']);
    expect(ranked[0]?.features.kindFit).toBe(1);
    expect(ranked[1]?.features.kindFit).toBe(0);
  });
});

describe('rankCandidates: a name spelt out in the question', () => {
  const budget = term(
    'pod-disruption-budget',
    'Pod disruption budget',
    'A limit on how many replicas of an application may be down at once.',
  );
  // Its title holds every word of the question and more; its text repeats them.
  const planning: Entry = {
    ...term(
      'disruption-planning',
      'Pod disruption budget planning',
      'Planning a pod disruption budget for every pod, and pod disruption in general.',
      'Each pod may face a disruption; a budget of disruption per pod keeps a pod count up.',
    ),
    tags: ['pod', 'disruption', 'budget'],
  };

  it('beats an entry whose longer title and text hold the same words', () => {
    const ranked = ranking([planning, budget], 'pod disruption budget', 'neutral');
    expect(ids(ranked)).toEqual(['pod-disruption-budget', 'disruption-planning']);
    expect(ranked[0]?.features.spelled).toBe(1);
    expect(ranked[1]?.features.spelled).toBe(0);
  });
});

describe('rankCandidates: an option the question names', () => {
  const entries = [
    command('docker-rm', {
      title: 'docker rm',
      summary: 'Removes stopped containers to clean up.',
      command: 'docker rm <container>',
      example: 'docker rm web',
      flags: [{ flag: '--force', description: 'Remove a running container too.' }],
    }),
    command('docker-run', {
      title: 'docker run',
      summary: 'Runs a command in a new container and can clean up after it.',
      command: 'docker run [options] <image>',
      example: 'docker run --rm -it alpine sh',
      flags: [{ flag: '--rm', description: 'Clean up: remove the container when it exits.' }],
    }),
  ];

  it('lifts the card whose command has it over one that only matches its words', () => {
    const question = 'clean up containers (--rm)';
    // Read as words only, the question points at `docker rm`.
    expect(ids(ranking(entries, question, 'how_to', []))[0]).toBe('docker-rm');
    const ranked = ranking(entries, question, 'how_to');
    expect(ids(ranked)).toEqual(['docker-run', 'docker-rm']);
    expect(ranked[0]?.features).toMatchObject({ flagMatch: 1, flagMiss: 0 });
    expect(ranked[1]?.features).toMatchObject({ flagMatch: 0, flagMiss: 1 });
  });
});

describe('rankCandidates: an entry the question names outright', () => {
  const crowd = Array.from({ length: 60 }, (_, i) =>
    command(`podman-crowd-${i}`, {
      title: `Podman crowd command ${i}`,
      summary: 'Sets the name of a thing; the name stands for the thing in podman.',
      command: `podman crowd${i} --name <name>`,
      example: `podman crowd${i} --name web`,
      flags: [{ flag: '--name', description: 'The name to give.' }],
    }),
  );
  const podman = term(
    'podman',
    'Podman',
    'A daemonless container engine.',
    'Short for pod manager.',
  );
  const entries = [...crowd, podman];
  const question = 'what does the name podman stand for';

  it('is kept as a candidate when fifty others out-score it on full text', () => {
    const names = new NameIndex(entries);
    const index = buildSearchIndex(entries, names);
    // The premise: full text alone puts it past the fifty candidates that are re-weighed.
    const byText = index.fullText.search(contentTerms(question).join(' ')).map((r) => r.id);
    expect(byText.indexOf('podman')).toBeGreaterThanOrEqual(50);
    const ranked = ranking(entries, question, 'definition');
    expect(ids(ranked)).toContain('podman');
    expect(ranked).toHaveLength(51);
  });

  it('is not added when the question does not name it', () => {
    const ranked = ranking(entries, 'what does the name stand for', 'definition');
    expect(ids(ranked)).not.toContain('podman');
    expect(ranked).toHaveLength(50);
  });
});

describe('rankCandidates: a pure function of its arguments', () => {
  it('ranks a question the same whatever was ranked over the index before', () => {
    const entries = [
      term('pod', 'Pod', 'The smallest deployable unit of containers.'),
      term('volume', 'Volume', 'Storage a container can mount.'),
    ];
    const names = new NameIndex(entries);
    const index = buildSearchIndex(entries, names);
    const rank = (question: string) =>
      rankCandidates(
        index,
        names,
        { terms: contentTerms(question), flags: [], corrected: false },
        'neutral',
        NO_TOOLS,
      );
    const first = rank('mount a volume in a pod');
    rank('what is a pod');
    rank('storage');
    expect(rank('mount a volume in a pod')).toEqual(first);
  });
});
