import { execFile } from 'node:child_process';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-engine.js';

// `npm run depcheck` checks src/ with the rules in .dependency-cruiser.cjs; here the same rules
// judge planted trees, each standing in for src/ (tests/fixtures/import-graph/README.md).
const RULES = path.join(ROOT, '.dependency-cruiser.cjs');
const TREES = path.join(ROOT, 'tests/fixtures/import-graph');

interface Verdict {
  /** What the depcruise command exits with: non-zero fails the build. */
  readonly exitCode: number;
  /** The report CI prints (the `err` reporter). */
  readonly report: string;
}

/** Cruises a planted tree's src/ in process (one cruise costs ~50 ms; a depcruise process ~2 s). */
async function check(tree: string): Promise<Verdict> {
  const options = await extractDepcruiseOptions(RULES);
  const result = await cruise(['src'], {
    ...options,
    baseDir: path.join(TREES, tree),
    outputType: 'err',
  });
  return { exitCode: result.exitCode, report: String(result.output) };
}

describe('the import rules', () => {
  it('pass a tree whose imports point core ← adapters ← app', async () => {
    const verdict = await check('clean');
    expect(verdict.report).toContain('no dependency violations found');
    expect(verdict.exitCode).toBe(0);
  });

  it("fail the cycle issue 13 found: the app's lazy import of an adapter, and its types imported back", async () => {
    const verdict = await check('type-cycle');
    expect(verdict.exitCode).not.toBe(0);
    expect(verdict.report).toMatch(
      /error no-circular: src\/adapters\/chat\/start-chat\.ts →\s+src\/app\/start-bot\.ts/,
    );
  });

  it('fail a cycle made only of type imports', async () => {
    const verdict = await check('type-cycle-in-core');
    expect(verdict.exitCode).not.toBe(0);
    expect(verdict.report).toMatch(
      /error no-circular: src\/core\/citation\.ts →\s+src\/core\/entry\.ts/,
    );
  });

  it('fail src/core importing an adapter', async () => {
    const verdict = await check('core-imports-adapter');
    expect(verdict.exitCode).not.toBe(0);
    expect(verdict.report).toContain(
      'error core-is-platform-neutral: src/core/answer.ts → src/adapters/chat/render.ts',
    );
  });

  it('fail an adapter importing src/app', async () => {
    const verdict = await check('adapter-imports-app');
    expect(verdict.exitCode).not.toBe(0);
    expect(verdict.report).toContain(
      'error adapters-do-not-know-the-app: src/adapters/chat/greet.ts → src/app/settings.ts',
    );
  });

  it('fail src/core importing a platform SDK, even for a type', async () => {
    const verdict = await check('core-imports-sdk');
    expect(verdict.exitCode).not.toBe(0);
    expect(verdict.report).toMatch(
      /error platform-sdks-stay-in-their-adapter: src\/core\/reply\.ts → \S*node_modules\/discord\.js\//,
    );
  });
});

describe('npm run depcheck', () => {
  it('exits non-zero on a planted cycle, so CI fails', async () => {
    const script = (await import('../../package.json', { with: { type: 'json' } })).default.scripts
      .depcheck;
    const [bin, ...args] = script.split(' ');
    expect(bin).toBe('depcruise');
    const outcome = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.join(ROOT, 'node_modules/.bin/depcruise'), ...args.map(absoluteRules)],
        { cwd: path.join(TREES, 'type-cycle') },
        (error, stdout) => resolve({ code: error ? Number(error.code) : 0, stdout }),
      );
    });
    expect(outcome.stdout).toContain('error no-circular');
    expect(outcome.code).not.toBe(0);
  });
});

/** The script names the rules relative to the project; the planted tree is elsewhere. */
function absoluteRules(arg: string): string {
  return arg === '.dependency-cruiser.cjs' ? RULES : arg;
}
