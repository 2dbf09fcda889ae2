import { describe, expect, it } from 'vitest';
import { channelOrigin } from '../../../../src/adapters/slack/handler-deps.js';

describe('channelOrigin: where a Slack slash command or click was made', () => {
  it('a D… channel is a direct message, anything else a channel', () => {
    expect(channelOrigin('D0DM00001')).toEqual({
      place: 'direct',
      channel: { platform: 'slack', id: 'D0DM00001' },
    });
    expect(channelOrigin('C0CHAN001')).toEqual({
      place: 'channel',
      channel: { platform: 'slack', id: 'C0CHAN001' },
    });
  });

  it('without a channel id, a channel the core cannot look up', () => {
    expect(channelOrigin(undefined)).toEqual({ place: 'channel' });
  });
});
