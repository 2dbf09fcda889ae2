import { describe, expect, it } from 'vitest';
import {
  decodeFeedback,
  decodeShare,
  encodeFeedback,
  encodeShare,
} from '../../../../src/adapters/slack/action-ids.js';

describe('button values', () => {
  it('round-trip a share and a feedback value', () => {
    expect(decodeShare(encodeShare({ source: 'ask', query: 'what is a pod?' }))).toEqual({
      source: 'ask',
      query: 'what is a pod?',
    });
    expect(decodeFeedback(encodeFeedback({ entryId: null, query: 'zzz' }))).toEqual({
      entryId: null,
      query: 'zzz',
    });
  });

  it('stay within Slack’s 2000 characters whatever the query', () => {
    const query = '"\\\u0001'.repeat(2_000);
    expect(encodeShare({ source: 'define', query }).length).toBeLessThanOrEqual(2_000);
    expect(encodeFeedback({ entryId: 'pod', query }).length).toBeLessThanOrEqual(2_000);
  });

  it('reject values Stevedore did not make', () => {
    for (const value of [
      undefined,
      '',
      'not json',
      '{"s":"rm","q":"x"}',
      '{"s":"ask"}',
      '[]',
      'null',
      'x'.repeat(3_000),
    ]) {
      expect(decodeShare(value)).toBeUndefined();
    }
    expect(decodeFeedback('{"e":5,"q":"x"}')).toBeUndefined();
  });
});
