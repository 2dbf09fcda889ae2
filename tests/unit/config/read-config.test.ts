import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../../src/config/read-config.js';

function problems(env: Record<string, string>): string[] {
  try {
    readConfig(env, '/srv/app');
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('readConfig', () => {
  it('has working defaults with an empty environment: no platforms, shipped knowledge', () => {
    const config = readConfig({}, '/srv/app');
    expect(config.slack).toBeUndefined();
    expect(config.discord).toBeUndefined();
    expect(config.logLevel).toBe('info');
    expect(path.basename(config.knowledgeDir)).toBe('knowledge');
    expect(config.databasePath).toBe('/srv/app/data/stevedore.db');
    expect(config.termOfDayDefaultTimeZone).toBe('UTC');
  });

  it('reads Slack in Socket Mode and HTTP mode', () => {
    const socket = readConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test' });
    expect(socket.slack).toMatchObject({
      botToken: 'xoxb-test',
      appToken: 'xapp-test',
      apiUrl: 'https://slack.com/api/',
      port: 3000,
    });
    const http = readConfig({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 's',
      PORT: '8080',
      SLACK_API_URL: 'http://127.0.0.1:9/api',
    });
    expect(http.slack).toMatchObject({
      signingSecret: 's',
      port: 8080,
      apiUrl: 'http://127.0.0.1:9/api/',
    });
  });

  it('reads Discord, and a database URL in either form', () => {
    const config = readConfig(
      {
        DISCORD_TOKEN: 't',
        DISCORD_APPLICATION_ID: '123456789012345678',
        DISCORD_API_URL: 'http://127.0.0.1:9/api/',
        DATABASE_URL: 'sqlite:/tmp/x.db',
      },
      '/srv/app',
    );
    expect(config.discord).toEqual({
      token: 't',
      applicationId: '123456789012345678',
      apiUrl: 'http://127.0.0.1:9/api',
    });
    expect(config.databasePath).toBe('/tmp/x.db');
    expect(readConfig({ DATABASE_URL: 'db/s.db' }, '/srv/app').databasePath).toBe(
      '/srv/app/db/s.db',
    );
  });

  it('puts the knowledge cache in the user’s cache directory, as XDG_CACHE_HOME says', () => {
    expect(readConfig({ XDG_CACHE_HOME: '/srv/cache' }).cacheDir).toBe('/srv/cache/stevedore');
  });

  it('reads OPS_PORT, the port of the ops endpoints, and rejects a bad one', () => {
    expect(readConfig({ OPS_PORT: '9090' }).opsPort).toBe(9090);
    expect(readConfig({}).opsPort).toBeUndefined();
    expect(problems({ OPS_PORT: '99999' })).toEqual([
      expect.stringMatching(/^OPS_PORT: must be a port number/),
    ]);
  });

  it('names every bad variable and how to fix it', () => {
    const found = problems({
      SLACK_BOT_TOKEN: 'xoxp-user-token',
      SLACK_APP_TOKEN: 'nope',
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      TERM_OF_DAY_DEFAULT_TZ: 'Mars/Olympus',
      DISCORD_APPLICATION_ID: 'abc',
    });
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SLACK_BOT_TOKEN: must be a bot token starting with "xoxb-"/),
        expect.stringMatching(/^SLACK_APP_TOKEN: must be an app-level token/),
        expect.stringMatching(/^PORT: must be a port number/),
        expect.stringMatching(/^LOG_LEVEL: must be one of/),
        expect.stringMatching(/^TERM_OF_DAY_DEFAULT_TZ: must be an IANA time zone/),
        expect.stringMatching(/^DISCORD_APPLICATION_ID: must be the numeric application id/),
      ]),
    );
  });

  it('requires a way to connect for Slack, and an application id for Discord', () => {
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-test' })[0]).toMatch(
      /SLACK_APP_TOKEN or SLACK_SIGNING_SECRET/,
    );
    expect(problems({ SLACK_SIGNING_SECRET: 's' })[0]).toMatch(/^SLACK_BOT_TOKEN: is required/);
    expect(problems({ DISCORD_TOKEN: 't' })[0]).toMatch(/^DISCORD_APPLICATION_ID: is required/);
  });

  it('treats empty values as unset', () => {
    expect(readConfig({ SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '  ' }).slack).toBeUndefined();
  });
});
