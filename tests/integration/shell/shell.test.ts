import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_KNOWLEDGE } from '../../helpers/fixture-engine.js';
import { ensureBuilt, runCli } from '../../helpers/run-cli.js';

beforeAll(() => ensureBuilt(), 120_000);

const KB = ['--knowledge', FIXTURE_KNOWLEDGE];

describe('the local shell, scripted through a pipe', () => {
  it('answers /define, /ask, plain questions, /today and /help, then quits', async () => {
    const { code, stdout } = await runCli(['shell', ...KB], {
      stdin:
        '/define Krypton\n/ask how do I create a pod with podman\nwhat is conmon?\n/today\n/help\n/quit\n/ask how do I create a pod with podman\n',
    });
    expect(code).toBe(0);
    const blocks = stdout.trim().split('\n\n\n');
    expect(stdout).toContain('Krypton\n\nA Windows container');
    expect(stdout).toContain('$ podman pod create --name web');
    expect(stdout).toContain('conmon\n\nThe small monitor process');
    expect(stdout).toMatch(/Term of the day \(\d{4}-\d{2}-\d{2}\)/);
    expect(stdout).toContain('/define <term>');
    // Nothing after /quit is answered: the podman question was asked twice, answered once. (A
    // glossary summary would not do here: the term of the day may be that very term.)
    expect(stdout.split('$ podman pod create --name web').length - 1).toBe(1);
    expect(blocks.length).toBeGreaterThanOrEqual(1);
    // A pipe is not a terminal: no prompt, no greeting.
    expect(stdout).not.toMatch(/^> /m);
    expect(stdout).not.toContain('local shell');
  });

  it('ends at the end of input and survives hostile lines', async () => {
    const { code, stdout } = await runCli(['shell', ...KB], {
      stdin: `\n   \n${'x'.repeat(20_000)}\n🐳\n/define\n/unknown thing\n<!everyone>\n`,
    });
    expect(code).toBe(0);
    expect(stdout).toContain('Nothing to look up');
    expect(stdout).toContain('No answer');
    // A bare /define shows its usage, as it does on Slack and Discord.
    expect(stdout).toContain('Usage: /define <term> — for example /define Krypton');
  });

  it('is what npm start opens when no platform is configured', async () => {
    const { code, stdout } = await runCli(['start', ...KB], { stdin: 'what is a pod\n' });
    expect(code).toBe(0);
    expect(stdout).toContain('Pod\n\nThe smallest deployable unit in Kubernetes');
  });
});
