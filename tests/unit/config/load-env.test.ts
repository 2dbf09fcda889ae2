import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadEnv } from '../../../src/config/load-env.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'stevedore-env-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadEnv', () => {
  it('reads a .env file in the working directory, with the process environment winning', () => {
    writeFileSync(
      path.join(dir, '.env'),
      '# comment\nLOG_LEVEL=debug\nPORT="8080"\nSLACK_BOT_TOKEN=xoxb-from-file\n',
    );
    const env = loadEnv({ SLACK_BOT_TOKEN: 'xoxb-from-process' }, dir);
    expect(env).toMatchObject({
      LOG_LEVEL: 'debug',
      PORT: '8080',
      SLACK_BOT_TOKEN: 'xoxb-from-process',
    });
  });

  it('works without a .env file and does not touch process.env', () => {
    const before = { ...process.env };
    expect(loadEnv({ A: '1' }, dir)).toEqual({ A: '1' });
    expect(process.env).toEqual(before);
  });
});
