import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Feedback } from '../core/feedback.js';
import type {
  ClaimInput,
  Platform,
  PostRecord,
  Store,
  Subscription,
  SubscriptionInput,
} from './store.js';

/**
 * Schema migrations, in order. The database's `user_version` is the number of migrations applied;
 * a new migration is appended here and never edited once released.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE subscriptions (
     platform TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     workspace_id TEXT,
     time TEXT NOT NULL,
     time_zone TEXT NOT NULL,
     created_by TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     paused INTEGER NOT NULL DEFAULT 0,
     failure_count INTEGER NOT NULL DEFAULT 0,
     last_error TEXT,
     last_attempt_at INTEGER,
     PRIMARY KEY (platform, channel_id)
   );
   CREATE TABLE post_log (
     platform TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     local_date TEXT NOT NULL,
     term_id TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('claimed', 'posted')),
     claimed_by TEXT NOT NULL,
     claimed_at INTEGER NOT NULL,
     posted_at INTEGER,
     message_id TEXT,
     PRIMARY KEY (platform, channel_id, local_date)
   );
   CREATE INDEX post_log_by_date ON post_log (local_date);
   CREATE TABLE feedback (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     platform TEXT NOT NULL,
     workspace_id TEXT,
     channel_id TEXT NOT NULL,
     user_id TEXT NOT NULL,
     entry_id TEXT,
     query TEXT NOT NULL,
     helpful INTEGER NOT NULL,
     at INTEGER NOT NULL
   );`,
  // The scheduler asks, every minute and per time zone, which subscriptions are due.
  `CREATE INDEX subscriptions_due ON subscriptions (time_zone, paused, time);`,
];

/** Thrown when the database cannot be opened or migrated; says where and what to do. */
export class StoreError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StoreError';
  }
}

interface SubscriptionRow {
  platform: Platform;
  channel_id: string;
  workspace_id: string | null;
  time: string;
  time_zone: string;
  created_by: string;
  created_at: number;
  updated_at: number;
  paused: number;
  failure_count: number;
  last_error: string | null;
  last_attempt_at: number | null;
}

interface PostRow {
  platform: Platform;
  channel_id: string;
  local_date: string;
  term_id: string;
  status: 'claimed' | 'posted';
  claimed_by: string;
  claimed_at: number;
  posted_at: number | null;
  message_id: string | null;
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    platform: row.platform,
    channelId: row.channel_id,
    workspaceId: row.workspace_id,
    time: row.time,
    timeZone: row.time_zone,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    paused: row.paused === 1,
    failureCount: row.failure_count,
    lastError: row.last_error,
    lastAttemptAt: row.last_attempt_at === null ? null : new Date(row.last_attempt_at),
  };
}

function toPost(row: PostRow): PostRecord {
  return {
    platform: row.platform,
    channelId: row.channel_id,
    localDate: row.local_date,
    termId: row.term_id,
    status: row.status,
    claimedBy: row.claimed_by,
    claimedAt: new Date(row.claimed_at),
    postedAt: row.posted_at === null ? null : new Date(row.posted_at),
    messageId: row.message_id,
  };
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new StoreError(
      `the database is at schema version ${version}, newer than this Stevedore knows (${MIGRATIONS.length}): upgrade Stevedore or use another DATABASE_URL`,
    );
  }
  for (let i = version; i < MIGRATIONS.length; i += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[i] as string);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
}

/**
 * Opens (creating if needed) the SQLite store at `file` (`:memory:` for tests), applies
 * migrations and turns on WAL so several processes can share it. Fails at once, with a
 * `StoreError` naming the file, when the database is corrupt or cannot be written.
 */
export function openSqliteStore(file: string): Store {
  let db: Database.Database;
  try {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    // Reading the schema fails here, not later, when the file is not a database or is corrupt.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    migrate(db);
    // Proves the file is writable now rather than at the first post.
    db.exec('BEGIN IMMEDIATE; ROLLBACK;');
  } catch (error) {
    if (error instanceof StoreError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreError(
      `cannot open the database at ${file}: ${reason}. Check that the path is writable and is a Stevedore SQLite database, or point DATABASE_URL elsewhere.`,
      { cause: error },
    );
  }

  const statements = {
    upsert: db.prepare(
      `INSERT INTO subscriptions (platform, channel_id, workspace_id, time, time_zone, created_by, created_at, updated_at)
       VALUES (@platform, @channelId, @workspaceId, @time, @timeZone, @createdBy, @now, @now)
       ON CONFLICT (platform, channel_id) DO UPDATE SET
         time = excluded.time, time_zone = excluded.time_zone, workspace_id = excluded.workspace_id,
         updated_at = excluded.updated_at, paused = 0, failure_count = 0, last_error = NULL`,
    ),
    get: db.prepare('SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ?'),
    remove: db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel_id = ?'),
    active: db.prepare('SELECT * FROM subscriptions WHERE paused = 0'),
    zones: db.prepare('SELECT DISTINCT time_zone FROM subscriptions WHERE paused = 0'),
    pending: db.prepare(
      `SELECT s.* FROM subscriptions s
       WHERE s.time_zone = @timeZone AND s.paused = 0 AND s.time <= @localTime
         AND NOT EXISTS (SELECT 1 FROM post_log p
                         WHERE p.platform = s.platform AND p.channel_id = s.channel_id
                           AND p.local_date = @localDate)`,
    ),
    claim: db.prepare(
      `INSERT OR IGNORE INTO post_log (platform, channel_id, local_date, term_id, status, claimed_by, claimed_at)
       VALUES (@platform, @channelId, @localDate, @termId, 'claimed', @claimedBy, @now)`,
    ),
    posted: db.prepare(
      `UPDATE post_log SET status = 'posted', posted_at = @now, message_id = @messageId
       WHERE platform = @platform AND channel_id = @channelId AND local_date = @localDate`,
    ),
    clearFailures: db.prepare(
      `UPDATE subscriptions SET failure_count = 0, last_error = NULL, last_attempt_at = @now
       WHERE platform = @platform AND channel_id = @channelId`,
    ),
    release: db.prepare(
      `DELETE FROM post_log WHERE platform = ? AND channel_id = ? AND local_date = ? AND status = 'claimed'`,
    ),
    fail: db.prepare(
      `UPDATE subscriptions SET failure_count = failure_count + 1, last_error = @error, last_attempt_at = @now,
         paused = CASE WHEN failure_count + 1 >= @maxFailures THEN 1 ELSE paused END
       WHERE platform = @platform AND channel_id = @channelId`,
    ),
    post: db.prepare(
      'SELECT * FROM post_log WHERE platform = ? AND channel_id = ? AND local_date = ?',
    ),
    feedback: db.prepare(
      `INSERT INTO feedback (platform, workspace_id, channel_id, user_id, entry_id, query, helpful, at)
       VALUES (@platform, @workspaceId, @channelId, @userId, @entryId, @query, @helpful, @at)`,
    ),
    feedbackCounts: db.prepare(
      'SELECT coalesce(sum(helpful), 0) AS helpful, coalesce(sum(1 - helpful), 0) AS unhelpful FROM feedback',
    ),
  };

  const markFailed = db.transaction(
    (
      platform: Platform,
      channelId: string,
      localDate: string,
      error: string,
      now: Date,
      maxFailures: number,
    ) => {
      statements.release.run(platform, channelId, localDate);
      statements.fail.run({
        platform,
        channelId,
        error: error.slice(0, 500),
        now: now.getTime(),
        maxFailures,
      });
      const row = statements.get.get(platform, channelId) as SubscriptionRow | undefined;
      return row ? toSubscription(row) : undefined;
    },
  );

  const markPosted = db.transaction(
    (
      platform: Platform,
      channelId: string,
      localDate: string,
      messageId: string | null,
      now: Date,
    ) => {
      statements.posted.run({ platform, channelId, localDate, messageId, now: now.getTime() });
      statements.clearFailures.run({ platform, channelId, now: now.getTime() });
    },
  );

  return {
    upsertSubscription(input: SubscriptionInput, now: Date) {
      statements.upsert.run({ ...input, now: now.getTime() });
      return toSubscription(statements.get.get(input.platform, input.channelId) as SubscriptionRow);
    },
    removeSubscription(platform, channelId) {
      return statements.remove.run(platform, channelId).changes > 0;
    },
    getSubscription(platform, channelId) {
      const row = statements.get.get(platform, channelId) as SubscriptionRow | undefined;
      return row ? toSubscription(row) : undefined;
    },
    listActiveSubscriptions() {
      return (statements.active.all() as SubscriptionRow[]).map(toSubscription);
    },
    activeTimeZones() {
      return (statements.zones.all() as { time_zone: string }[]).map((row) => row.time_zone);
    },
    pendingSubscriptions(timeZone, localDate, localTime) {
      return (statements.pending.all({ timeZone, localDate, localTime }) as SubscriptionRow[]).map(
        toSubscription,
      );
    },
    claimPost(claim: ClaimInput) {
      return statements.claim.run({ ...claim, now: claim.now.getTime() }).changes === 1;
    },
    markPosted(platform, channelId, localDate, messageId, now) {
      markPosted(platform, channelId, localDate, messageId, now);
    },
    markFailed(platform, channelId, localDate, error, now, maxFailures) {
      return markFailed(platform, channelId, localDate, error, now, maxFailures);
    },
    getPost(platform, channelId, localDate) {
      const row = statements.post.get(platform, channelId, localDate) as PostRow | undefined;
      return row ? toPost(row) : undefined;
    },
    recordFeedback(feedback: Feedback) {
      statements.feedback.run({
        platform: feedback.platform,
        workspaceId: feedback.workspaceId ?? null,
        channelId: feedback.channelId,
        userId: feedback.userId,
        entryId: feedback.entryId,
        query: feedback.query.slice(0, 1000),
        helpful: feedback.helpful ? 1 : 0,
        at: feedback.at.getTime(),
      });
    },
    feedbackCounts() {
      return statements.feedbackCounts.get() as { helpful: number; unhelpful: number };
    },
    close() {
      db.close();
    },
  };
}
