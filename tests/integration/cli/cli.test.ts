import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BROKEN_KNOWLEDGE, FIXTURE_KNOWLEDGE } from '../../helpers/fixture-engine.js';
import { ensureBuilt, runCli } from '../../helpers/run-cli.js';

const KB = ['--knowledge', FIXTURE_KNOWLEDGE];
const CONTRACT_KEYS = [
  'query',
  'kind',
  'title',
  'text',
  'commands',
  'related',
  'citations',
  'suggestions',
  'score',
];

beforeAll(() => ensureBuilt(), 120_000);

describe('stevedore define / ask: answers', () => {
  it('prints the answer as a chat user would read it', async () => {
    const { code, stdout, stderr } = await runCli(['define', 'krypton', ...KB]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain(
      'Krypton\n\nA Windows container that runs in its own lightweight Hyper-V virtual machine.',
    );
    expect(stdout).toContain('Related: Argon');
    expect(stdout).toContain('[1] Isolation modes — Microsoft Learn <https://learn.microsoft.com/');
    expect(stdout).toContain('[2] Windows Server Containers (K8S 70) — Course notes (no link)');
    // Not a terminal: no colour codes.
    expect(stdout).not.toContain('\u001b[');
  });

  it('prints one JSON object with the documented keys in order', async () => {
    const { code, stdout } = await runCli([
      'ask',
      'how',
      'do',
      'I',
      'create',
      'a',
      'pod',
      'with',
      'podman',
      '--json',
      ...KB,
    ]);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer).slice(0, CONTRACT_KEYS.length)).toEqual(CONTRACT_KEYS);
    expect(answer).toMatchObject({
      query: 'how do I create a pod with podman',
      kind: 'answer',
      title: 'Create a pod with Podman',
      commands: [
        { command: 'podman pod create --name <name>', description: 'Syntax' },
        { command: 'podman pod create --name web', description: 'Example' },
      ],
      citations: [
        { n: 1, title: 'Podman documentation', url: 'https://docs.podman.io/en/latest/' },
        { n: 2, title: 'Interactive Podman Tutorial (no longer online)', url: null },
      ],
      suggestions: [],
    });
    expect(answer.score).toBeGreaterThan(0.5);
  });

  it('gives no_answer with suggestions as JSON for an unknown term', async () => {
    const { code, stdout } = await runCli(['define', 'kubernetz', 'autoscaler', '--json', ...KB]);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(
      answer.kind === 'no_answer'
        ? answer.suggestions.map((s: { id: string }) => s.id)
        : [answer.entry.id],
    ).toContain('kubernetes');
  });

  it.each([
    ['a 10 kB question', 'pod '.repeat(2500)],
    ['emoji', '🐳 pod 🚢'],
    ['regex specials', '(.*+?^$|['],
    ['markup', '<!channel> <script>x</script>'],
    ['whitespace only', '   '],
  ])('never crashes on %s', async (_, input) => {
    const { code, stdout } = await runCli(['ask', input, '--json', ...KB]);
    expect(code).toBe(0);
    expect(['answer', 'no_answer']).toContain(JSON.parse(stdout).kind);
  });
});

describe('--stdin: one query per line', () => {
  it('writes one JSON object per input line, in order', async () => {
    const { code, stdout } = await runCli(['define', '--stdin', '--json', ...KB], {
      stdin: 'krypton\nk8s\nsourdough\n\npods\n',
    });
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((a) => (a.kind === 'answer' ? a.entry.id : a.kind))).toEqual([
      'krypton',
      'kubernetes',
      'no_answer',
      'no_answer',
      'pod',
    ]);
  });

  it('answers questions and dates from standard input', async () => {
    const asked = await runCli(['ask', '--stdin', '--json', ...KB], { stdin: 'what is argon\n' });
    expect(JSON.parse(asked.stdout).entry.id).toBe('argon');
    const dates = await runCli(['today', '--stdin', '--json', ...KB], {
      stdin: '2026-11-28\nnot-a-date\n',
    });
    const [first, second] = dates.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(first).toMatchObject({ query: '2026-11-28', kind: 'answer' });
    expect(second).toMatchObject({ query: 'not-a-date', kind: 'error' });
    expect(dates.code).toBe(2);
  });

  it('searches from standard input', async () => {
    const { stdout } = await runCli(['search', '--stdin', '--json', '--limit', '2', ...KB], {
      stdin: 'windows\n',
    });
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ query: 'windows', kind: 'search' });
    expect(result.results.length).toBeGreaterThan(0);
    expect(result.results.length).toBeLessThanOrEqual(2);
  });
});

describe('stevedore today', () => {
  it('gives the same term for the same date, every time', async () => {
    const a = await runCli(['today', '--date', '2026-11-28', '--json', ...KB]);
    const b = await runCli(['today', '--date', '2026-11-28', '--json', ...KB]);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout).entry.id).toBe(JSON.parse(b.stdout).entry.id);
  });
});

describe('usage errors exit 2 with usage on stderr', () => {
  it.each([
    ['an unknown command', ['frobnicate']],
    ['a missing term', ['define', ...KB]],
    ['a missing question', ['ask']],
    ['a bad date', ['today', '--date', '2026-13-01']],
    ['a bad limit', ['search', 'pod', '--limit', 'lots']],
    ['an unknown option', ['define', 'pod', '--colour']],
  ])('%s', async (_, args) => {
    const { code, stdout, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/error|unknown|missing/i);
  });

  it('--help is not an error', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('define');
  });
});

describe('the knowledge cache of one-off calls', () => {
  let home: string | undefined;
  afterEach(() => {
    if (home) rmSync(home, { recursive: true, force: true });
    home = undefined;
  });
  const cacheFilesIn = (folder: string) =>
    existsSync(folder) ? readdirSync(folder).filter((name) => name.startsWith('knowledge-')) : [];

  it('is kept under $XDG_CACHE_HOME/stevedore', async () => {
    home = mkdtempSync(path.join(tmpdir(), 'stevedore-cli-cache-'));
    const { code } = await runCli(['define', 'pod', ...KB], { env: { XDG_CACHE_HOME: home } });
    expect(code).toBe(0);
    expect(cacheFilesIn(path.join(home, 'stevedore'))).toHaveLength(3);
  });

  it('is kept under ~/.cache/stevedore without XDG_CACHE_HOME', async () => {
    home = mkdtempSync(path.join(tmpdir(), 'stevedore-cli-home-'));
    const { code } = await runCli(['define', 'pod', ...KB], {
      env: { HOME: home, XDG_CACHE_HOME: '' },
    });
    expect(code).toBe(0);
    expect(cacheFilesIn(path.join(home, '.cache', 'stevedore'))).toHaveLength(3);
  });

  it('is left out, without an error, when the cache directory cannot be created', async () => {
    home = mkdtempSync(path.join(tmpdir(), 'stevedore-cli-cache-'));
    writeFileSync(path.join(home, 'a-file'), '');
    const env = { XDG_CACHE_HOME: path.join(home, 'a-file') };
    for (let run = 0; run < 2; run += 1) {
      const { code, stdout, stderr } = await runCli(['define', 'pod', ...KB], { env });
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toContain('Pod');
    }
  });
});

describe('stevedore validate', () => {
  it('reports valid knowledge with its size', async () => {
    const { code, stdout } = await runCli(['validate', ...KB]);
    expect(code).toBe(0);
    expect(stdout).toBe('Knowledge is valid: 5 glossary terms, 1 topics, 1 commands, 5 sources.\n');
  });

  it('prints every problem and exits 1', async () => {
    const { code, stderr } = await runCli(['validate', '--knowledge', BROKEN_KNOWLEDGE]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/glossary\/krypton\.md: sources\[1\]: unknown source "s99"/);
    expect(stderr).toMatch(/19 problems found/);
  });

  it('refuses to answer from invalid knowledge, with the same messages', async () => {
    const { code, stdout, stderr } = await runCli([
      'define',
      'pod',
      '--knowledge',
      BROKEN_KNOWLEDGE,
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/sources\[1\]: unknown source "s99"/);
    expect(stderr).toMatch(/Stevedore cannot answer from it: 19 problems found in /);
  });

  it('refuses to start the bot on invalid knowledge', async () => {
    const { code, stderr } = await runCli(['start', '--knowledge', BROKEN_KNOWLEDGE]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/unknown source "s99"/);
    expect(stderr).toMatch(/will not start/);
  });

  it('reports bad configuration clearly', async () => {
    const { code, stderr } = await runCli(['define', 'pod', ...KB], { env: { LOG_LEVEL: 'loud' } });
    expect(code).toBe(1);
    expect(stderr).toMatch(/LOG_LEVEL: must be one of/);
  });
});
