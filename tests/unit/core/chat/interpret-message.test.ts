import { describe, expect, it } from 'vitest';
import { interpretMessage } from '../../../../src/core/chat/interpret-message.js';

describe('interpretMessage', () => {
  it.each([
    ['', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['/help', { kind: 'help' }],
    ['?', { kind: 'help' }],
    ['define krypton', { kind: 'define', term: 'krypton' }],
    ['/define  Hyper-V isolation ', { kind: 'define', term: 'Hyper-V isolation' }],
    ['/ask how do I list pods', { kind: 'ask', question: 'how do I list pods' }],
    ['/search cgroups', { kind: 'search', query: 'cgroups' }],
    ['/today', { kind: 'today' }],
    ['/termofday now', { kind: 'today' }],
    ['termofday today', { kind: 'today' }],
    ['/termofday subscribe 09:00', { kind: 'termofday', args: 'subscribe 09:00' }],
    ['what is a pod?', { kind: 'ask', question: 'what is a pod?' }],
    ['help me with pods', { kind: 'ask', question: 'help me with pods' }],
    ['defined benefits of pods', { kind: 'ask', question: 'defined benefits of pods' }],
  ])('reads %j', (text, request) => {
    expect(interpretMessage(text)).toEqual(request);
  });
});
