import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, StoreError } from '../../../src/store/sqlite-store.js';
import type { Store } from '../../../src/store/store.js';

let dir: string;
const opened: Store[] = [];
const open = (file = path.join(dir, 'stevedore.db')) => {
  const store = openSqliteStore(file);
  opened.push(store);
  return store;
};
const NOW = new Date('2026-11-28T08:00:00Z');
const input = {
  platform: 'slack' as const,
  channelId: 'C1',
  workspaceId: 'T1',
  time: '09:00',
  timeZone: 'Europe/Berlin',
  createdBy: 'U1',
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'stevedore-store-'));
});
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SQLite store: subscriptions', () => {
  it('creates, changes and removes a subscription', () => {
    const store = open();
    expect(store.upsertSubscription(input, NOW)).toMatchObject({
      ...input,
      paused: false,
      failureCount: 0,
    });
    const changed = store.upsertSubscription({ ...input, time: '17:30', timeZone: 'UTC' }, NOW);
    expect(changed).toMatchObject({ time: '17:30', timeZone: 'UTC' });
    expect(store.listActiveSubscriptions()).toHaveLength(1);
    expect(store.removeSubscription('slack', 'C1')).toBe(true);
    expect(store.removeSubscription('slack', 'C1')).toBe(false);
    expect(store.getSubscription('slack', 'C1')).toBeUndefined();
  });

  it('keeps the same channel id apart on different platforms', () => {
    const store = open();
    store.upsertSubscription(input, NOW);
    store.upsertSubscription({ ...input, platform: 'discord' }, NOW);
    expect(store.listActiveSubscriptions()).toHaveLength(2);
  });

  it('survives a restart: subscriptions and the post log are still there', () => {
    const file = path.join(dir, 'persist.db');
    const first = openSqliteStore(file);
    first.upsertSubscription(input, NOW);
    first.claimPost({
      platform: 'slack',
      channelId: 'C1',
      localDate: '2026-11-28',
      termId: 'pod',
      claimedBy: 'a',
      now: NOW,
    });
    first.markPosted('slack', 'C1', '2026-11-28', 'M1', NOW);
    first.close();
    const second = open(file);
    expect(second.getSubscription('slack', 'C1')).toMatchObject({ time: '09:00' });
    expect(second.getPost('slack', 'C1', '2026-11-28')).toMatchObject({
      status: 'posted',
      messageId: 'M1',
      termId: 'pod',
    });
  });
});

describe('SQLite store: pending subscriptions', () => {
  it('lists, per zone, the active subscriptions whose time has come and that have no post today', () => {
    const store = open();
    store.upsertSubscription(input, NOW); // 09:00 Berlin
    store.upsertSubscription({ ...input, channelId: 'C2', time: '11:00' }, NOW);
    store.upsertSubscription({ ...input, channelId: 'C3', timeZone: 'UTC' }, NOW);
    expect(store.activeTimeZones().sort()).toEqual(['Europe/Berlin', 'UTC']);
    const ids = () =>
      store.pendingSubscriptions('Europe/Berlin', '2026-11-28', '10:00').map((s) => s.channelId);
    expect(ids()).toEqual(['C1']);
    store.claimPost({
      platform: 'slack',
      channelId: 'C1',
      localDate: '2026-11-28',
      termId: 'pod',
      claimedBy: 'a',
      now: NOW,
    });
    expect(ids()).toEqual([]);
  });
});

describe('SQLite store: exactly-once claims', () => {
  const claim = {
    platform: 'slack' as const,
    channelId: 'C1',
    localDate: '2026-11-28',
    termId: 'pod',
    claimedBy: 'a',
    now: NOW,
  };

  it('grants a claim once, also to a second connection on the same file', () => {
    const a = open();
    const b = open();
    expect(a.claimPost(claim)).toBe(true);
    expect(b.claimPost({ ...claim, claimedBy: 'b' })).toBe(false);
    expect(a.claimPost(claim)).toBe(false);
    b.upsertSubscription(input, NOW);
    expect(b.pendingSubscriptions('Europe/Berlin', '2026-11-28', '10:00')).toEqual([]);
    expect(b.pendingSubscriptions('Europe/Berlin', '2026-11-29', '10:00')).toHaveLength(1);
  });

  it('releases a failed claim for a retry, counts failures and pauses at the limit', () => {
    const store = open();
    store.upsertSubscription(input, NOW);
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(store.claimPost(claim)).toBe(true);
      const after = store.markFailed('slack', 'C1', '2026-11-28', 'not_in_channel', NOW, 3);
      expect(after).toMatchObject({
        failureCount: attempt,
        lastError: 'not_in_channel',
        paused: attempt === 3,
      });
    }
    expect(store.listActiveSubscriptions()).toHaveLength(0);
    // Subscribing again resumes with a clean slate.
    expect(store.upsertSubscription(input, NOW)).toMatchObject({
      paused: false,
      failureCount: 0,
      lastError: null,
    });
  });

  it('clears failures after a successful post', () => {
    const store = open();
    store.upsertSubscription(input, NOW);
    store.claimPost(claim);
    store.markFailed('slack', 'C1', '2026-11-28', 'ratelimited', NOW, 3);
    store.claimPost(claim);
    store.markPosted('slack', 'C1', '2026-11-28', 'M2', NOW);
    expect(store.getSubscription('slack', 'C1')).toMatchObject({
      failureCount: 0,
      lastError: null,
    });
  });
});

describe('SQLite store: feedback', () => {
  it('records feedback and counts it', () => {
    const store = open();
    const at = NOW;
    store.recordFeedback({
      platform: 'slack',
      channelId: 'C1',
      userId: 'U1',
      entryId: 'pod',
      query: 'what is a pod',
      helpful: true,
      at,
    });
    store.recordFeedback({
      platform: 'discord',
      channelId: 'D1',
      userId: 'U2',
      entryId: null,
      query: 'x'.repeat(5000),
      helpful: false,
      at,
    });
    expect(store.feedbackCounts()).toEqual({ helpful: 1, unhelpful: 1 });
  });
});

describe('SQLite store: opening', () => {
  it('uses WAL and versioned migrations', () => {
    const file = path.join(dir, 'wal.db');
    open(file);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });

  it('fails at once, naming the file, when the database is corrupt', () => {
    const file = path.join(dir, 'corrupt.db');
    writeFileSync(
      file,
      'this is not a database, just some text that is long enough to look like a header'.repeat(20),
    );
    expect(() => openSqliteStore(file)).toThrow(StoreError);
    expect(() => openSqliteStore(file)).toThrow(/corrupt\.db.*DATABASE_URL/s);
  });

  it('fails at once when the database cannot be written', () => {
    if (process.getuid?.() === 0) {
      // root ignores file permissions; a path under a regular file cannot be created by anyone.
      writeFileSync(path.join(dir, 'file'), '');
      expect(() => openSqliteStore(path.join(dir, 'file', 'x.db'))).toThrow(StoreError);
      return;
    }
    const locked = path.join(dir, 'locked');
    rmSync(locked, { force: true, recursive: true });
    writeFileSync(path.join(dir, 'ro.db'), '');
    chmodSync(path.join(dir, 'ro.db'), 0o400);
    expect(() => openSqliteStore(path.join(dir, 'ro.db'))).toThrow(StoreError);
  });

  it('refuses a database from a newer Stevedore', () => {
    const file = path.join(dir, 'future.db');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openSqliteStore(file)).toThrow(/schema version 99/);
  });
});
