import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  echoUserText,
  isSlackUserId,
  readUserText,
} from '../../../../src/adapters/slack/user-text.js';
import { MAX_MESSAGE_LENGTH } from '../../../../src/core/chat/limits.js';

const hostile = JSON.parse(
  readFileSync('tests/fixtures/slack/hostile-texts.json', 'utf8'),
) as Record<string, string>;

describe('readUserText', () => {
  it('drops the bot mention and reads the question', () => {
    expect(readUserText('<@UBOT0001> what is krypton?')).toBe('what is krypton?');
  });

  it('drops mentions and broadcasts, keeps channel names and link labels, decodes entities', () => {
    expect(readUserText(hostile.mentionInjection ?? '')).toBe(
      '#secret what is a pod <script> & click me',
    );
  });

  it('keeps a date token’s fallback text and a bare link', () => {
    expect(readUserText('since <!date^1392734382^{date}|Feb 18> see <https://a.b/c>')).toBe(
      'since Feb 18 see https://a.b/c',
    );
  });

  it('bounds a huge message', () => {
    expect(readUserText('pod '.repeat(50_000)).length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
  });
});

describe('echoUserText', () => {
  it('escapes &, < and > so no token can form', () => {
    expect(echoUserText('<!channel> & <@U1>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt;');
  });

  it('breaks typed broadcast words with a zero-width space', () => {
    expect(echoUserText(hostile.typedBroadcasts ?? '')).toBe(
      '@\u200bchannel @\u200bhere @\u200beveryone what is a pod',
    );
  });

  it('cuts long text', () => {
    expect(echoUserText('x'.repeat(1_000), 50)).toHaveLength(50);
  });
});

describe('isSlackUserId', () => {
  it('accepts Slack user ids and rejects anything that could break out of <@…>', () => {
    expect(isSlackUserId('U0ASKER01')).toBe(true);
    expect(isSlackUserId('W0ENTERPR1')).toBe(true);
    expect(isSlackUserId('U1>|<!channel')).toBe(false);
    expect(isSlackUserId(undefined)).toBe(false);
  });
});
