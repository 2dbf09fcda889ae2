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

/** Writes `.env` in the test's working directory (a `.env` cannot be a checked-in fixture: it is ignored by git). */
const dotEnv = (text: string) => writeFileSync(path.join(dir, '.env'), text);

describe('loadEnv: where values come from', () => {
  it('reads a .env file in the working directory, with the process environment winning', () => {
    dotEnv('# comment\nLOG_LEVEL=debug\nPORT="8080"\nSLACK_BOT_TOKEN=xoxb-from-file\n');
    const env = loadEnv({ SLACK_BOT_TOKEN: 'xoxb-from-process' }, dir);
    expect(env).toMatchObject({
      LOG_LEVEL: 'debug',
      PORT: '8080',
      SLACK_BOT_TOKEN: 'xoxb-from-process',
    });
  });

  it('lets a variable set to the empty string in the process environment win over the file', () => {
    dotEnv('LOG_LEVEL=debug\n');
    expect(loadEnv({ LOG_LEVEL: '' }, dir)).toEqual({ LOG_LEVEL: '' });
  });

  it('works without a .env file and does not touch process.env', () => {
    const before = { ...process.env };
    expect(loadEnv({ A: '1' }, dir)).toEqual({ A: '1' });
    expect(process.env).toEqual(before);
  });

  it('leaves process.env alone when a .env file is read', () => {
    const before = { ...process.env };
    dotEnv('STEVEDORE_LOAD_ENV_PROBE=from-file\n');
    expect(loadEnv({}, dir)).toEqual({ STEVEDORE_LOAD_ENV_PROBE: 'from-file' });
    expect(process.env).toEqual(before);
  });
});

describe('loadEnv: the .env syntax', () => {
  it('skips comment lines and blank lines, and cuts a trailing comment off an unquoted value', () => {
    dotEnv('# the Slack app\n\nLOG_LEVEL=info # or debug\n   # indented comment\nPORT=3000\n');
    expect(loadEnv({}, dir)).toEqual({ LOG_LEVEL: 'info', PORT: '3000' });
  });

  it('keeps a # inside quotes, and strips single, double and back quotes', () => {
    dotEnv(
      'DOUBLE="a # b"\nSINGLE=\'c # d\'\nBACK=`e # f`\nSPACES="  kept  "\nEMPTY=\nEMPTY_QUOTED=""\n',
    );
    expect(loadEnv({}, dir)).toEqual({
      DOUBLE: 'a # b',
      SINGLE: 'c # d',
      BACK: 'e # f',
      SPACES: '  kept  ',
      EMPTY: '',
      EMPTY_QUOTED: '',
    });
  });

  it('reads multiline values: real line breaks in quotes, and \\n escapes in double quotes only', () => {
    dotEnv('KEY="-----BEGIN-----\nabc\n-----END-----"\nESCAPED="one\\ntwo"\nRAW=\'one\\ntwo\'\n');
    expect(loadEnv({}, dir)).toEqual({
      KEY: '-----BEGIN-----\nabc\n-----END-----',
      ESCAPED: 'one\ntwo',
      RAW: 'one\\ntwo',
    });
  });

  it('accepts an export prefix, spaces around =, and Windows line endings', () => {
    dotEnv('export LOG_LEVEL=warn\r\nPORT = 4000\r\nKNOWLEDGE_DIR=./kb\r\n');
    expect(loadEnv({}, dir)).toEqual({ LOG_LEVEL: 'warn', PORT: '4000', KNOWLEDGE_DIR: './kb' });
  });

  it('keeps the last of a variable given twice, and ignores lines that are not assignments', () => {
    dotEnv('PORT=1\nnot an assignment\nPORT=2\n');
    expect(loadEnv({}, dir)).toEqual({ PORT: '2' });
  });
});
