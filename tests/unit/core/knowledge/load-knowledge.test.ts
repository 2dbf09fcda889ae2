import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  loadKnowledge,
  loadKnowledgeOrThrow,
} from '../../../../src/core/knowledge/load-knowledge.js';
import { formatProblem, InvalidKnowledgeError } from '../../../../src/core/knowledge/problem.js';
import { BROKEN_KNOWLEDGE, FIXTURE_KNOWLEDGE } from '../../../helpers/fixture-engine.js';

function problemsOf(dir: string): string[] {
  const result = loadKnowledge(dir);
  if (result.ok) throw new Error(`expected ${dir} to be invalid`);
  return result.problems.map(formatProblem);
}

const rel = (dir: string) => path.relative(process.cwd(), dir);

describe('loadKnowledge: valid knowledge', () => {
  it('reads every entry of every kind with its fields and body', () => {
    const result = loadKnowledge(FIXTURE_KNOWLEDGE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const ids = result.knowledge.entries.map((e) => `${e.kind}:${e.id}`).sort();
    expect(ids).toEqual([
      'command:podman-pod-create',
      'glossary:argon',
      'glossary:conmon',
      'glossary:krypton',
      'glossary:kubernetes',
      'glossary:pod',
      'topic:windows-container-types',
    ]);
    const command = result.knowledge.entries.find((e) => e.id === 'podman-pod-create');
    expect(command).toMatchObject({
      kind: 'command',
      command: 'podman pod create --name <name>',
      example: 'podman pod create --name web',
      tool: 'podman',
      flags: [{ flag: '--name, -n', description: 'Name of the pod.' }],
      body: 'Add containers to the pod with `podman run --pod web ...`.',
      file: path.join('commands', 'podman-pod-create.md'),
    });
  });

  it('keeps sources without a link and marks gone ones', () => {
    const knowledge = loadKnowledgeOrThrow(FIXTURE_KNOWLEDGE);
    expect(knowledge.sources.get('course-notes')).toMatchObject({ gone: false });
    expect(knowledge.sources.get('course-notes')?.url).toBeUndefined();
    expect(knowledge.sources.get('katacoda')).toMatchObject({ gone: true });
  });
});

describe('loadKnowledge: broken knowledge is reported all at once, by file and field', () => {
  const problems = problemsOf(BROKEN_KNOWLEDGE);
  const at = (file: string) => `${rel(path.join(BROKEN_KNOWLEDGE, file))}`;

  it.each([
    ['an unknown source', `${at('glossary/krypton.md')}: sources[1]: unknown source "s99"`],
    ['a related id that does not exist', `${at('glossary/krypton.md')}: related[1]: unknown entry "no-such-entry"`],
    ['a relative source URL', `${at('sources.yaml')}: [1].url: must be an absolute http(s) URL`],
    ['a duplicate source id', `${at('sources.yaml')}: [3].id: duplicate source id "good"`],
    ['an alias colliding with another entry', `${at('glossary/krypton.md')}: aliases[0]: "Hyper-V isolation" collides with aliases[0] of ${at('glossary/argon.md')}`],
    ['an entry whose only source is gone', `${at('glossary/argon.md')}: sources: has no source that is online with a link`],
    ['an empty body', `${at('glossary/empty-body.md')}: body: is empty`],
    ['an id that is not the file name', `${at('glossary/wrong-name.md')}: id: "another-name" does not match the file name`],
    ['an empty title', `${at('glossary/bad-fields.md')}: title: must not be empty`],
    ['no sources at all', `${at('glossary/bad-fields.md')}: sources: must cite at least one source`],
    ['a misspelt field, with the fix', `${at('glossary/bad-fields.md')}: alias: is not a known field; did you mean "aliases"?`],
    ['a kind that does not match the folder', `${at('topics/misfiled.md')}: kind: is "command" but the file is in topics/`],
    ['a missing required command field', `${at('commands/no-example.md')}: example: is required`],
    ['front matter that is not YAML', `${at('commands/bad-yaml.md')}: has front matter that is not valid YAML`],
    ['a command that does not say its tool', `${at('commands/no-tool.md')}: tool: is required`],
    ['a tool missing from tools.yaml, with the known ones', `${at('commands/unknown-tool.md')}: tool: unknown tool "dokcer": use an id from knowledge/tools.yaml (podman, compose)`],
    ['a tool whose parent is not a tool', `${at('tools.yaml')}: [1].parent: unknown tool "dokcer"`],
    ['a source id repeated in another source file, naming the first', `${at('sources/more.yaml')}: [1].id: duplicate source id "good" (first in ${at('sources.yaml')})`],
    ['a page listed under a second source id, naming the first', `${at('sources/more.yaml')}: [2].url: the same page as source "good": cite "good" instead`],
  ])('reports %s', (_, expected) => {
    expect(problems.some((p) => p.startsWith(expected))).toBe(true);
  });

  it('throws every problem at start-up with a hint to run validate', () => {
    expect(() => loadKnowledgeOrThrow(BROKEN_KNOWLEDGE)).toThrow(InvalidKnowledgeError);
    try {
      loadKnowledgeOrThrow(BROKEN_KNOWLEDGE);
    } catch (error) {
      expect((error as InvalidKnowledgeError).problems.length).toBe(problems.length);
      expect((error as Error).message).toContain('stevedore validate');
    }
  });
});

describe('loadKnowledge: edge cases', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('reports a missing directory instead of throwing', () => {
    expect(problemsOf('/no/such/knowledge')[0]).toContain('is not a knowledge directory');
  });

  it('reports a missing source registry', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'stevedore-kb-'));
    cpSync(FIXTURE_KNOWLEDGE, dir, { recursive: true });
    rmSync(path.join(dir, 'sources.yaml'));
    expect(problemsOf(dir).some((p) => p.includes('sources.yaml: is missing'))).toBe(true);
  });

  it('reports every unknown field of a file at once, with the nearest known one', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'stevedore-kb-'));
    cpSync(FIXTURE_KNOWLEDGE, dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'glossary', 'pod.md'),
      '---\nid: pod\ntitle: Pod\nkind: glossary\nsummary: A pod.\nsources: [k8s-pods]\nalias: [pods]\ncolour: red\n---\nBody.\n',
    );
    const file = path.join(dir, 'glossary', 'pod.md');
    expect(problemsOf(dir).filter((p) => p.startsWith(file))).toEqual([
      `${file}: alias: is not a known field; did you mean "aliases"? (see knowledge/README.md)`,
      `${file}: colour: is not a known field (see knowledge/README.md)`,
    ]);
  });

  it('reports a missing or unknown kind with the kinds there are', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'stevedore-kb-'));
    cpSync(FIXTURE_KNOWLEDGE, dir, { recursive: true });
    const body = '---\nid: pod\ntitle: Pod\nsummary: A pod.\nsources: [k8s-pods]\n';
    writeFileSync(path.join(dir, 'glossary', 'pod.md'), `${body}---\nBody.\n`);
    writeFileSync(path.join(dir, 'glossary', 'conmon.md'), `${body.replace('pod', 'conmon')}kind: term\n---\nBody.\n`);
    expect(problemsOf(dir).filter((p) => p.includes(': kind: '))).toEqual([
      `${path.join(dir, 'glossary', 'conmon.md')}: kind: must be glossary, topic or command, and match the folder the file is in`,
      `${path.join(dir, 'glossary', 'pod.md')}: kind: is required`,
    ]);
  });

  it('reports a file that is not Markdown and a title used twice', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'stevedore-kb-'));
    cpSync(FIXTURE_KNOWLEDGE, dir, { recursive: true });
    writeFileSync(path.join(dir, 'glossary', 'notes.txt'), 'stray');
    writeFileSync(
      path.join(dir, 'glossary', 'pod-again.md'),
      '---\nid: pod-again\ntitle: POD\nkind: glossary\nsummary: Again.\nsources: [k8s-pods]\n---\nBody.\n',
    );
    const problems = problemsOf(dir);
    expect(problems.some((p) => p.includes('notes.txt: is not a Markdown (.md) file'))).toBe(true);
    const collision = problems.find((p) => p.includes('collides with'));
    expect(collision).toContain('pod-again.md');
    expect(collision).toContain(`${path.sep}pod.md`);
  });
});

describe('loadKnowledge: tools and reference lists', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('reads the tools with their spellings; without tools.yaml a command’s tool is unknown', () => {
    const knowledge = loadKnowledgeOrThrow(FIXTURE_KNOWLEDGE);
    expect(knowledge.tools.get('podman')).toEqual({
      id: 'podman',
      name: 'Podman',
      spellings: ['podman'],
      impliedBy: [],
    });
    dir = mkdtempSync(path.join(tmpdir(), 'stevedore-kb-'));
    cpSync(FIXTURE_KNOWLEDGE, dir, { recursive: true });
    rmSync(path.join(dir, 'tools.yaml'));
    expect(problemsOf(dir)).toEqual([
      `${path.join(dir, 'commands/podman-pod-create.md')}: tool: unknown tool "podman": use an id from knowledge/tools.yaml (none yet) or add the tool there`,
    ]);
  });

  it('reads the names of the reference lists as the tools’ command vocabulary', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'stevedore-kb-'));
    cpSync(FIXTURE_KNOWLEDGE, dir, { recursive: true });
    mkdirSync(path.join(dir, 'reference'));
    writeFileSync(
      path.join(dir, 'reference', 'podman.tsv'),
      'name\tkind\turl\tnotes\npodman pod create\tcommand\thttps://example.org\t\npodman pod rm\tcommand\thttps://example.org\t\n',
    );
    expect(loadKnowledgeOrThrow(dir).commandNames).toEqual(['podman pod create', 'podman pod rm']);
  });

  it('reports a reference list without its header line', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'stevedore-kb-'));
    cpSync(FIXTURE_KNOWLEDGE, dir, { recursive: true });
    mkdirSync(path.join(dir, 'reference'));
    writeFileSync(path.join(dir, 'reference', 'bad.tsv'), 'podman pod create\tcommand\n');
    expect(problemsOf(dir).some((p) => p.includes('bad.tsv: must start with a header line'))).toBe(true);
  });
});
