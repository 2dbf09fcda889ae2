import { readFileSync } from 'node:fs';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { COMMAND_TERM_OF_DAY, SHORTCUT_DEFINE } from '../../../../src/adapters/slack/action-ids.js';

interface Manifest {
  features: {
    slash_commands: Array<{ command: string; usage_hint?: string }>;
    shortcuts: Array<{ callback_id: string }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const manifest = load(readFileSync('slack/manifest.yaml', 'utf8'), {
  schema: CORE_SCHEMA,
}) as Manifest; // checked below

describe('slack/manifest.yaml', () => {
  it('declares what the adapter handles: commands, the shortcut, events, interactivity', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([
      '/define',
      '/ask',
      COMMAND_TERM_OF_DAY,
    ]);
    expect(manifest.features.shortcuts.map((s) => s.callback_id)).toEqual([SHORTCUT_DEFINE]);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['app_mention', 'message.im', 'message.channels']),
    );
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('asks for the scopes those need, and no more', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'app_mentions:read',
      'channels:history',
      'chat:write',
      'commands',
      'groups:history',
      'im:history',
      'mpim:history',
      'users:read',
    ]);
  });

  it('/termofday has a usage hint naming its subcommands', () => {
    const command = manifest.features.slash_commands.find((c) => c.command === '/termofday');
    expect(command?.usage_hint).toBe('now | status | subscribe [HH:MM] [Area/City] | unsubscribe');
  });
});
