import { describe, expect, it } from 'vitest';
import {
  defineId,
  feedbackId,
  parseCustomId,
  SHARE_ID,
} from '../../../../src/adapters/discord/custom-ids.js';

describe('custom ids', () => {
  it('round-trips share, define and feedback', () => {
    expect(parseCustomId(SHARE_ID)).toEqual({ kind: 'share' });
    expect(parseCustomId(defineId('windows-container-types'))).toEqual({
      kind: 'define',
      entryId: 'windows-container-types',
    });
    expect(parseCustomId(feedbackId(true, 'pod', 'what: is a pod?'))).toEqual({
      kind: 'feedback',
      helpful: true,
      entryId: 'pod',
      query: 'what: is a pod?',
    });
    expect(parseCustomId(feedbackId(false, null, 'xenon'))).toEqual({
      kind: 'feedback',
      helpful: false,
      entryId: null,
      query: 'xenon',
    });
  });

  it('cuts the query so the id fits Discord’s 100 characters', () => {
    const id = feedbackId(true, 'podman-pod-create', 'q'.repeat(500));
    expect(id).toHaveLength(100);
    expect(parseCustomId(id)).toMatchObject({ entryId: 'podman-pod-create' });
  });

  it.each([
    'sd:def:',
    'sd:def:../etc',
    'sd:def:Pod',
    'sd:fb:2:pod:x',
    'sd:fb:1:POD:x',
    'sd:fb:1',
    'sd:shared',
    'stevedore:share',
    '',
  ])('refuses %j', (customId) => {
    expect(parseCustomId(customId)).toBeUndefined();
  });
});
