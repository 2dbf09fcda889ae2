import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE_KNOWLEDGE } from '../../helpers/fixture-engine.js';
import { CLI, ensureBuilt, runCli } from '../../helpers/run-cli.js';
import { FakeSlack } from '../slack/fake-slack.js';
import { commandBody, FORM, SIGNING_SECRET, send } from '../slack/harness.js';

beforeAll(() => ensureBuilt(), 120_000);

let dir: string;
let fake: FakeSlack | undefined;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'stevedore-start-'));
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor<T>(probe: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the bot');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('stevedore start, as a process', () => {
  it('runs Slack in HTTP mode with the store and the ticker, answers, and stops cleanly on SIGTERM', async () => {
    fake = await FakeSlack.start();
    const port = await freePort();
    const child = spawn(process.execPath, [CLI, 'start', '--knowledge', FIXTURE_KNOWLEDGE], {
      env: {
        PATH: process.env.PATH ?? '',
        LOG_LEVEL: 'info',
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: String(port),
        DATABASE_URL: `sqlite:${path.join(dir, 'bot.db')}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    const response = await waitFor(async () => {
      const res = await send(
        `http://127.0.0.1:${port}`,
        commandBody({ command: '/define', text: 'krypton' }),
        FORM,
      );
      return res.ok ? res : undefined;
    });
    const reply = (await response.json()) as { response_type: string; text: string };
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain('Krypton');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('Stevedore is running');
    expect(stderr).toContain('stopping');
    // Tokens never reach the logs.
    expect(stderr).not.toContain('xoxb-test-token');
    expect(stderr).not.toContain(SIGNING_SECRET);
  });

  it('refuses to start on a corrupt database, naming it', async () => {
    const db = path.join(dir, 'corrupt.db');
    writeFileSync(db, 'not a database '.repeat(200));
    const { code, stderr } = await runCli(['start', '--knowledge', FIXTURE_KNOWLEDGE], {
      env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 's', DATABASE_URL: db },
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/will not start: cannot open the database at .*corrupt\.db/);
  });

  it('refuses to start on bad configuration with every problem listed', async () => {
    const { code, stderr } = await runCli(['start', '--knowledge', FIXTURE_KNOWLEDGE], {
      env: { SLACK_BOT_TOKEN: 'xoxp-user', PORT: 'x' },
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/SLACK_BOT_TOKEN: must be a bot token/);
    expect(stderr).toMatch(/PORT: must be a port number/);
  });
});
