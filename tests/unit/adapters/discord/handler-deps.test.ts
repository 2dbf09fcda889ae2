import { describe, expect, it } from 'vitest';
import { interactionOrigin } from '../../../../src/adapters/discord/handler-deps.js';

describe('interactionOrigin: where a Discord slash command or click was made', () => {
  it('in a server it is a channel; without one, a direct message', () => {
    expect(interactionOrigin({ guildId: '1180000000000000100', channelId: '42' })).toEqual({
      place: 'channel',
      channel: { platform: 'discord', id: '42' },
    });
    expect(interactionOrigin({ guildId: null, channelId: '43' })).toEqual({
      place: 'direct',
      channel: { platform: 'discord', id: '43' },
    });
  });
});
