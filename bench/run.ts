/**
 * `npm run bench`: the speed and memory figures Stevedore promises, measured on this machine.
 * Targets: ask p99 < 2 ms on the shipped knowledge and < 20 ms at 10,000 entries; CLI cold start
 * at most 3× a bare `node -e 0`. Exits 1 when a target is missed. Not part of CI: timings on
 * shared machines vary, which is why they are not tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { packageRoot } from '../src/config/package-root.js';
import { createEngine } from '../src/core/engine/create-engine.js';
import { loadKnowledgeOrThrow } from '../src/core/knowledge/load-knowledge.js';
import type { AnswerEngine, Entry, KnowledgeBase } from '../src/core/types.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { TermOfDayService } from '../src/term-of-day/term-of-day-service.js';

const ROOT = packageRoot();
const CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src/cli/main.js');

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function latencies(run: (q: string) => unknown, queries: readonly string[], rounds = 3) {
  for (const q of queries.slice(0, 50)) run(q); // warm-up
  const samples: number[] = [];
  for (let r = 0; r < rounds; r += 1) for (const q of queries) samples.push(time(() => run(q)));
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), n: samples.length };
}

/** Everyday queries derived from the entries themselves, so the figures follow the knowledge. */
function queriesFor(entries: readonly Entry[]) {
  const define: string[] = [];
  const ask: string[] = [];
  for (const entry of entries) {
    define.push(entry.title);
    const typo =
      entry.title.length > 5 ? `${entry.title.slice(0, 2)}${entry.title.slice(3)}` : entry.title;
    define.push(typo);
    ask.push(
      entry.kind === 'command'
        ? `how do I ${entry.title.toLowerCase()}?`
        : `what is ${entry.title}?`,
    );
  }
  ask.push("what's the weather", 'tell me a joke', 'how do I bake bread');
  return { define, ask };
}

const WORDS =
  'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu container image node pod volume network cluster runtime registry layer kernel process'.split(
    ' ',
  );

/** A synthetic knowledge base of `n` entries built from the real one's sources. */
function generated(base: KnowledgeBase, n: number): KnowledgeBase {
  const [source] = [...base.sources.keys()];
  const entries: Entry[] = [];
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const word = () => WORDS[Math.floor(rand() * WORDS.length)] as string;
  for (let i = 0; i < n; i += 1) {
    const title = `${word()} ${word()} ${i.toString(36)}`;
    const common = {
      id: `gen-${i}`,
      title,
      aliases: [`g${i.toString(36)}x`],
      tags: [word()],
      related: [],
      tasks: [],
      sources: [source as string],
      summary: Array.from({ length: 12 }, word).join(' '),
      body: Array.from({ length: 80 }, word).join(' '),
      file: `glossary/gen-${i}.md`,
    };
    entries.push(
      i % 5 === 0
        ? {
            ...common,
            kind: 'command',
            tool: 'docker',
            command: `tool ${word()} <name>`,
            example: `tool ${word()} x`,
            flags: [],
          }
        : { ...common, kind: i % 5 === 1 ? 'topic' : 'glossary' },
    );
  }
  return {
    entries: [...base.entries, ...entries],
    sources: base.sources,
    tools: base.tools,
    commandNames: base.commandNames,
  };
}

/**
 * Median wall time of starting each command line, runs interleaved so that both see the same
 * machine load (shared machines drift by tens of milliseconds from one second to the next).
 */
function coldStarts(commands: readonly (readonly string[])[], runs = 20): number[] {
  const samples: number[][] = commands.map(() => []);
  for (let i = 0; i < runs; i += 1) {
    commands.forEach((args, j) => {
      const start = process.hrtime.bigint();
      execFileSync(process.execPath, args, {
        cwd: ROOT,
        stdio: 'ignore',
        env: { PATH: process.env.PATH ?? '' },
      });
      samples[j]?.push(Number(process.hrtime.bigint() - start) / 1e6);
    });
  }
  return samples.map((list) =>
    percentile(
      [...list].sort((a, b) => a - b),
      50,
    ),
  );
}

const mb = (bytes: number) => Math.round(bytes / 1048576);
const ms = (n: number) => `${n.toFixed(3)} ms`;
const results: { name: string; value: string; target?: string; ok?: boolean }[] = [];

// Shipped knowledge.
let knowledge!: KnowledgeBase;
const loadMs = time(() => {
  knowledge = loadKnowledgeOrThrow(path.join(ROOT, 'knowledge'));
});
let engine!: AnswerEngine;
// The full-text indexes are built lazily; warm() builds them, as the bot does at start.
const indexMs = time(() => {
  engine = createEngine(knowledge);
  engine.warm();
});
const shippedQueries = queriesFor(knowledge.entries);
const shippedDefine = latencies((q) => engine.define(q), shippedQueries.define);
const shippedAsk = latencies((q) => engine.ask(q), shippedQueries.ask);
const shippedSuggest = latencies(
  (q) => engine.suggest(q),
  shippedQueries.define.map((q) => q.slice(0, 3)),
);
const rssShipped = process.memoryUsage().rss;
results.push(
  { name: `entries (shipped)`, value: String(knowledge.entries.length) },
  { name: 'load + validate knowledge (shipped)', value: ms(loadMs) },
  { name: 'index build (shipped)', value: ms(indexMs) },
  {
    name: 'define p50 / p99 (shipped)',
    value: `${ms(shippedDefine.p50)} / ${ms(shippedDefine.p99)}`,
  },
  {
    name: 'ask p50 / p99 (shipped)',
    value: `${ms(shippedAsk.p50)} / ${ms(shippedAsk.p99)}`,
    target: 'p99 < 2 ms',
    ok: shippedAsk.p99 < 2,
  },
  {
    name: 'suggest p50 / p99 (shipped)',
    value: `${ms(shippedSuggest.p50)} / ${ms(shippedSuggest.p99)}`,
  },
  { name: 'RSS after loading (shipped)', value: `${mb(rssShipped)} MiB` },
);

// 10,000 entries.
const big = generated(knowledge, 10_000);
let bigEngine!: AnswerEngine;
const bigIndexMs = time(() => {
  bigEngine = createEngine(big);
  bigEngine.warm();
});
const bigQueries = queriesFor(big.entries.filter((_, i) => i % 20 === 0));
const bigDefine = latencies((q) => bigEngine.define(q), bigQueries.define, 1);
const bigAsk = latencies((q) => bigEngine.ask(q), [...bigQueries.ask, ...shippedQueries.ask], 1);
results.push(
  { name: 'index build (10k entries)', value: ms(bigIndexMs) },
  { name: 'define p50 / p99 (10k)', value: `${ms(bigDefine.p50)} / ${ms(bigDefine.p99)}` },
  {
    name: 'ask p50 / p99 (10k)',
    value: `${ms(bigAsk.p50)} / ${ms(bigAsk.p99)}`,
    target: 'p99 < 20 ms',
    ok: bigAsk.p99 < 20,
  },
  { name: 'RSS with 10k entries', value: `${mb(process.memoryUsage().rss)} MiB` },
);

// Term of the day: finding due subscriptions among 10,000.
{
  const dir = mkdtempSync(path.join(tmpdir(), 'stevedore-bench-'));
  const store = openSqliteStore(path.join(dir, 'bench.db'));
  const zones = [
    'UTC',
    'Europe/Berlin',
    'America/New_York',
    'Asia/Tokyo',
    'Australia/Sydney',
    'America/Los_Angeles',
    'Asia/Kolkata',
    'Europe/London',
  ];
  const created = new Date('2026-11-01T00:00:00Z');
  for (let i = 0; i < 10_000; i += 1) {
    store.upsertSubscription(
      {
        platform: i % 2 === 0 ? 'slack' : 'discord',
        channelId: `C${i}`,
        workspaceId: 'T1',
        time: `${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
        timeZone: zones[i % zones.length] as string,
        createdBy: 'U1',
      },
      created,
    );
  }
  const service = new TermOfDayService({
    store,
    engine,
    logger: pino({ level: 'silent' }),
    defaultTimeZone: 'UTC',
  });
  const now = new Date('2026-11-28T12:00:00Z');
  const samples: number[] = [];
  let due = 0;
  for (let i = 0; i < 10; i += 1) {
    samples.push(
      time(() => {
        due = service.findDue(now).length;
      }),
    );
  }
  samples.sort((a, b) => a - b);
  results.push({
    name: 'term of the day: find due among 10k subscriptions (none posted yet)',
    value: `${ms(percentile(samples, 50))} median (${due} due)`,
  });
  // The usual minute: today's posts are already out.
  for (const { subscription, clock } of service.findDue(now)) {
    store.claimPost({
      platform: subscription.platform,
      channelId: subscription.channelId,
      localDate: clock.date,
      termId: 'x',
      claimedBy: 'bench',
      now,
    });
  }
  const quiet: number[] = [];
  for (let i = 0; i < 10; i += 1) quiet.push(time(() => service.findDue(now)));
  quiet.sort((a, b) => a - b);
  results.push({
    name: 'term of the day: find due among 10k subscriptions (all posted)',
    value: `${ms(percentile(quiet, 50))} median`,
  });
  store.close();
  rmSync(dir, { recursive: true, force: true });
}

// CLI cold start.
const [bare = Number.NaN, cli = Number.NaN] = coldStarts([
  ['-e', '0'],
  [CLI, 'define', 'pod'],
]);
results.push(
  { name: 'node -e 0 (median of 20, interleaved)', value: ms(bare) },
  {
    name: 'stevedore define pod, cold (median of 20)',
    value: `${ms(cli)} (${(cli / bare).toFixed(2)}×)`,
    target: '≤ 3× node -e 0',
    ok: cli <= 3 * bare,
  },
);

const width = Math.max(...results.map((r) => r.name.length));
for (const r of results) {
  const verdict = r.target ? `  [${r.ok ? 'ok' : 'MISSED'}: ${r.target}]` : '';
  console.log(`${r.name.padEnd(width)}  ${r.value}${verdict}`);
}
if (results.some((r) => r.ok === false)) process.exitCode = 1;
