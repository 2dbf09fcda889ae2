import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FoundAnswer } from '../../../src/core/types.js';
import { openSqliteStore } from '../../../src/store/sqlite-store.js';
import type { Platform, Store } from '../../../src/store/store.js';
import { parseTermOfDayCommand } from '../../../src/term-of-day/parse-command.js';
import { describeScheduleChange } from '../../../src/term-of-day/term-of-day-commands.js';
import type { TermOfDayPoster } from '../../../src/term-of-day/term-of-day-scheduler.js';
import { TermOfDayService } from '../../../src/term-of-day/term-of-day-service.js';
import { fixtureEngine } from '../../helpers/fixture-engine.js';

const engine = fixtureEngine();
const logger = pino({ level: 'silent' });

class RecordingPoster implements TermOfDayPoster {
  readonly posts: { channelId: string; term: string; date: string }[] = [];
  failWith: string | undefined;
  async post(channelId: string, card: FoundAnswer, date: string) {
    if (this.failWith) throw new Error(this.failWith);
    this.posts.push({ channelId, term: card.entry.id, date });
    return `M${this.posts.length}`;
  }
}

let dir: string;
let stores: Store[];
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'stevedore-tod-'));
  stores = [];
});
afterEach(() => {
  vi.useRealTimers();
  for (const store of stores) store.close();
  rmSync(dir, { recursive: true, force: true });
});

function service(file = 'shared.db', instanceId = 'test') {
  const store = openSqliteStore(path.join(dir, file));
  stores.push(store);
  const poster = new RecordingPoster();
  const svc = new TermOfDayService({ store, engine, logger, defaultTimeZone: 'UTC', instanceId });
  svc.registerPoster('slack', poster);
  return { store, poster, svc };
}

async function subscribe(
  svc: TermOfDayService,
  args: string,
  now: Date,
  channelId = 'C1',
  platform: Platform = 'slack',
) {
  return svc.handle(
    {
      platform,
      channelId,
      workspaceId: 'T1',
      userId: 'U1',
      command: parseTermOfDayCommand(args, 'UTC'),
      canManage: async () => true,
      managers: 'the managers',
    },
    now,
  );
}

const at = (iso: string) => new Date(iso);

describe('term of the day: when posts are due', () => {
  it('posts at the local time, not before, once per local date', async () => {
    const { svc, poster } = service();
    await subscribe(svc, 'subscribe 09:00 Europe/Berlin', at('2026-11-28T06:00:00Z'));
    expect((await svc.tick(at('2026-11-28T07:59:00Z'))).posted).toBe(0); // 08:59 in Berlin
    expect((await svc.tick(at('2026-11-28T08:00:00Z'))).posted).toBe(1); // 09:00
    expect((await svc.tick(at('2026-11-28T08:01:00Z'))).posted).toBe(0);
    expect((await svc.tick(at('2026-11-28T22:59:00Z'))).posted).toBe(0); // 23:59, same day
    expect((await svc.tick(at('2026-11-29T08:00:00Z'))).posted).toBe(1); // next day
    expect(poster.posts.map((p) => p.date)).toEqual(['2026-11-28', '2026-11-29']);
  });

  it('posts the same term the core gives for that date', async () => {
    const { svc, poster } = service();
    await subscribe(svc, 'subscribe 00:00 UTC', at('2026-11-28T00:00:00Z'));
    await svc.tick(at('2026-11-28T00:00:00Z'));
    expect(poster.posts[0]?.term).toBe(engine.termOfDay('2026-11-28').entry.id);
  });

  it('keeps 09:00 Berlin at 09:00 across the spring-forward change', async () => {
    const { svc, poster } = service();
    await subscribe(svc, 'subscribe 09:00 Europe/Berlin', at('2026-03-27T00:00:00Z'));
    await svc.tick(at('2026-03-28T08:00:00Z')); // 09:00 CET
    expect((await svc.tick(at('2026-03-29T06:59:00Z'))).posted).toBe(0); // 08:59 CEST
    expect((await svc.tick(at('2026-03-29T07:00:00Z'))).posted).toBe(1); // 09:00 CEST
    expect(poster.posts).toHaveLength(2);
  });

  it('posts a time skipped by spring-forward at the next valid minute', async () => {
    const { svc, poster } = service();
    await subscribe(svc, 'subscribe 02:30 Europe/Berlin', at('2026-03-28T12:00:00Z'));
    expect((await svc.tick(at('2026-03-29T00:59:00Z'))).posted).toBe(0); // 01:59 CET
    expect((await svc.tick(at('2026-03-29T01:00:00Z'))).posted).toBe(1); // 03:00 CEST
    expect(poster.posts[0]?.date).toBe('2026-03-29');
  });

  it('posts once when fall-back repeats the hour', async () => {
    const { svc, poster } = service();
    await subscribe(svc, 'subscribe 02:30 Europe/Berlin', at('2026-10-24T12:00:00Z'));
    await svc.tick(at('2026-10-25T00:30:00Z')); // 02:30 CEST
    await svc.tick(at('2026-10-25T01:30:00Z')); // 02:30 CET, again
    expect(poster.posts).toHaveLength(1);
  });

  it("uses each channel's own local date around midnight", async () => {
    const { svc, poster } = service();
    await subscribe(svc, 'subscribe 00:30 Asia/Tokyo', at('2026-11-28T00:00:00Z'), 'TOKYO');
    await subscribe(svc, 'subscribe 23:30 America/Los_Angeles', at('2026-11-28T00:00:00Z'), 'LA');
    await svc.tick(at('2026-11-28T15:30:00Z')); // 00:30 on the 29th in Tokyo, 07:30 on the 28th in LA
    await svc.tick(at('2026-11-29T07:30:00Z')); // 23:30 on the 28th in LA
    expect(poster.posts).toEqual([
      { channelId: 'TOKYO', term: engine.termOfDay('2026-11-29').entry.id, date: '2026-11-29' },
      { channelId: 'LA', term: engine.termOfDay('2026-11-28').entry.id, date: '2026-11-28' },
    ]);
  });
});

describe('term of the day: restarts and several processes', () => {
  it('two schedulers on one database post once', async () => {
    const a = service('shared.db', 'a');
    const b = service('shared.db', 'b');
    b.svc.registerPoster('slack', a.poster);
    await subscribe(a.svc, 'subscribe 09:00 UTC', at('2026-11-28T00:00:00Z'));
    const now = at('2026-11-28T09:00:00Z');
    const reports = await Promise.all([a.svc.tick(now), b.svc.tick(now), a.svc.tick(now)]);
    expect(reports.reduce((n, r) => n + r.posted, 0)).toBe(1);
    expect(a.poster.posts).toHaveLength(1);
  });

  it('a restart after the post time posts late, once, the same day', async () => {
    const first = service('restart.db');
    await subscribe(first.svc, 'subscribe 09:00 UTC', at('2026-11-28T00:00:00Z'));
    first.store.close();
    stores.splice(stores.indexOf(first.store), 1);
    const second = service('restart.db'); // the process was down from 08:00 to 14:00
    expect((await second.svc.tick(at('2026-11-28T14:00:00Z'))).posted).toBe(1);
    expect((await second.svc.tick(at('2026-11-28T14:01:00Z'))).posted).toBe(0);
  });

  it('a restart after the post does not post again', async () => {
    const first = service('again.db');
    await subscribe(first.svc, 'subscribe 09:00 UTC', at('2026-11-28T00:00:00Z'));
    await first.svc.tick(at('2026-11-28T09:00:00Z'));
    first.store.close();
    stores.splice(stores.indexOf(first.store), 1);
    const second = service('again.db');
    expect((await second.svc.tick(at('2026-11-28T09:05:00Z'))).posted).toBe(0);
  });

  it('never posts for past days after downtime', async () => {
    const { svc, poster } = service();
    await subscribe(svc, 'subscribe 09:00 UTC', at('2026-11-25T00:00:00Z'));
    await svc.tick(at('2026-11-28T08:00:00Z')); // down for three days; today's time has not come
    expect(poster.posts).toHaveLength(0);
    await svc.tick(at('2026-11-28T09:00:00Z'));
    expect(poster.posts.map((p) => p.date)).toEqual(['2026-11-28']);
  });
});

describe('term of the day: failing channels', () => {
  it('retries a bounded number of times with back-off, then pauses and says so in status', async () => {
    const { svc, poster, store } = service();
    await subscribe(svc, 'subscribe 09:00 UTC', at('2026-11-28T00:00:00Z'));
    poster.failWith = 'channel_not_found';
    expect((await svc.tick(at('2026-11-28T09:00:00Z'))).failed).toBe(1);
    expect((await svc.tick(at('2026-11-28T09:00:30Z'))).due).toBe(0); // waiting before a retry
    expect((await svc.tick(at('2026-11-28T09:02:00Z'))).failed).toBe(1);
    expect((await svc.tick(at('2026-11-28T09:08:00Z'))).failed).toBe(1);
    expect(store.getSubscription('slack', 'C1')).toMatchObject({ paused: true, failureCount: 3 });
    expect((await svc.tick(at('2026-11-28T12:00:00Z'))).due).toBe(0);
    expect(svc.status('slack', 'C1', at('2026-11-28T12:00:00Z'))).toMatch(
      /paused.*3 failed attempts.*channel_not_found/s,
    );
  });

  it('one failing channel does not stop the others', async () => {
    const { svc, store } = service();
    const good = new RecordingPoster();
    const bad = new RecordingPoster();
    bad.failWith = 'Missing Access';
    svc.registerPoster('slack', good);
    svc.registerPoster('discord', bad);
    await subscribe(svc, 'subscribe 09:00 UTC', at('2026-11-28T00:00:00Z'), 'C1', 'slack');
    await subscribe(svc, 'subscribe 09:00 UTC', at('2026-11-28T00:00:00Z'), 'D1', 'discord');
    const report = await svc.tick(at('2026-11-28T09:00:00Z'));
    expect(report).toEqual({ due: 2, posted: 1, failed: 1 });
    expect(store.getSubscription('discord', 'D1')?.failureCount).toBe(1);
  });
});

describe('term of the day: commands', () => {
  it('subscribe tells the channel who set which schedule, and the next post time in its zone', async () => {
    const { svc } = service();
    const reply = await subscribe(svc, 'subscribe 09:00 Europe/Berlin', at('2026-11-28T12:00:00Z'));
    expect(reply).toEqual({
      kind: 'schedule_changed',
      actorId: 'U1',
      change: {
        kind: 'subscribed',
        time: '09:00',
        timeZone: 'Europe/Berlin',
        nextPost: 'Sun, 29 Nov 2026, 09:00 CET',
      },
    });
    // The words after the actor's mention, which each adapter renders its own way.
    if (reply.kind !== 'schedule_changed') throw new Error('not a schedule change');
    expect(describeScheduleChange(reply.change)).toBe(
      'subscribed this channel to the term of the day at **09:00** (Europe/Berlin). Next post: Sun, 29 Nov 2026, 09:00 CET.',
    );
  });

  it('status shows the schedule; unsubscribe turns it off', async () => {
    const { svc } = service();
    const now = at('2026-11-28T06:00:00Z');
    expect(svc.status('slack', 'C1', now)).toMatch(/not subscribed/);
    await subscribe(svc, 'subscribe 09:00 UTC', now);
    expect(svc.status('slack', 'C1', now)).toBe(
      'This channel gets the term of the day at **09:00** (UTC).\nNext post: Sat, 28 Nov 2026, 09:00 UTC.',
    );
    expect(await subscribe(svc, 'unsubscribe', now)).toEqual({
      kind: 'schedule_changed',
      actorId: 'U1',
      change: { kind: 'unsubscribed' },
    });
    expect(await subscribe(svc, 'unsubscribe', now)).toEqual({
      kind: 'notice',
      ok: true,
      markdown: expect.stringMatching(/not subscribed/),
    });
  });

  it('refuses people who may not manage the channel, but lets anyone use status and now', async () => {
    const { svc, store } = service();
    const ask = (args: string, platform: Platform) =>
      svc.handle(
        {
          platform,
          channelId: 'C1',
          workspaceId: 'T1',
          userId: 'U9',
          command: parseTermOfDayCommand(args, 'UTC'),
          canManage: async () => false,
          managers: 'the channel keepers',
        },
        at('2026-11-28T06:00:00Z'),
      );
    expect(await ask('subscribe 09:00', 'slack')).toEqual({
      kind: 'notice',
      ok: false,
      markdown:
        "Sorry, only the channel keepers can change this channel's term of the day. `/termofday status` and `/termofday now` are open to everyone.",
    });
    expect(await ask('unsubscribe', 'discord')).toMatchObject({
      ok: false,
      markdown: expect.stringMatching(/^Sorry, only the channel keepers/),
    });
    expect(store.getSubscription('slack', 'C1')).toBeUndefined();
    expect(await ask('status', 'slack')).toMatchObject({ ok: true });
    expect(await ask('now', 'slack')).toMatchObject({ kind: 'card', date: '2026-11-28' });
  });

  it('gives bad input a message that names the problem', async () => {
    const { svc } = service();
    expect(
      await subscribe(svc, 'subscribe 9pm Narnia/Cair', at('2026-11-28T06:00:00Z')),
    ).toMatchObject({
      kind: 'notice',
      ok: false,
      markdown: expect.stringMatching(/"9pm" is not a time of day/),
    });
  });
});

describe('term of the day: the scheduler', () => {
  it('ticks at start-up and then every minute, using a scheduler library', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(at('2026-11-28T08:59:30Z'));
    const { svc, poster } = service();
    await subscribe(svc, 'subscribe 09:00 UTC', new Date());
    const running = svc.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(poster.posts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(poster.posts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(poster.posts).toHaveLength(1);
    await running.stop();
  });

  it('stop() waits for a post in progress, which is recorded as posted, and ends the ticking', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(at('2026-11-28T09:00:00Z'));
    const { svc, store } = service();
    await subscribe(svc, 'subscribe 09:00 UTC', at('2026-11-28T00:00:00Z'));
    let sent: () => void = () => {};
    let postStarted: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      postStarted = resolve;
    });
    let posts = 0;
    svc.registerPoster('slack', {
      post: () => {
        posts += 1;
        postStarted();
        return new Promise((resolve) => {
          sent = () => resolve('M1');
        });
      },
    });
    const running = svc.start(); // the catch-up tick at start-up finds the 09:00 post due
    await started;
    let stopped = false;
    const stopping = running.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    expect(store.getPost('slack', 'C1', '2026-11-28')?.status).toBe('claimed');
    sent();
    await stopping;
    expect(store.getPost('slack', 'C1', '2026-11-28')).toMatchObject({
      status: 'posted',
      messageId: 'M1',
    });
    // No tick after stop(): a new subscription due later is never posted.
    await subscribe(svc, 'subscribe 09:05 UTC', at('2026-11-28T09:00:00Z'), 'C2');
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(posts).toBe(1);
  });
});
