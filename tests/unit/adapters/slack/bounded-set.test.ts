import { describe, expect, it } from 'vitest';
import { BoundedSet } from '../../../../src/adapters/slack/bounded-set.js';

describe('BoundedSet', () => {
  it('reports whether a key was new', () => {
    const set = new BoundedSet(3);
    expect(set.add('a')).toBe(true);
    expect(set.add('a')).toBe(false);
  });

  it('forgets the oldest key beyond its capacity', () => {
    const set = new BoundedSet(2);
    set.add('a');
    set.add('b');
    set.add('c');
    expect(set.has('a')).toBe(false);
    expect(set.has('b')).toBe(true);
    expect(set.size).toBe(2);
  });

  it('keeps a key seen again as the newest', () => {
    const set = new BoundedSet(2);
    set.add('a');
    set.add('b');
    set.add('a');
    set.add('c');
    expect(set.has('a')).toBe(true);
    expect(set.has('b')).toBe(false);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new BoundedSet(0)).toThrow(/capacity must be a positive integer, got 0/);
  });
});
