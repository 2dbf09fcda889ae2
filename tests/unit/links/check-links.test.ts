import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../../../src/core/types.js';
import { checkLinks, formatLinkReport } from '../../../src/links/check-links.js';
import { FIXTURE_KNOWLEDGE } from '../../helpers/fixture-engine.js';
import { ensureBuilt, runCli } from '../../helpers/run-cli.js';

/** A local site with every kind of link a maintainer meets. */
let server: Server;
let base = '';
let inFlight = 0;
let maxInFlight = 0;
const seen: string[] = [];

beforeAll(async () => {
  ensureBuilt();
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (req.url === '/slow') return; // never answers (and is not counted as in flight)
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const done = (status: number, headers: Record<string, string> = {}) => {
      setTimeout(() => {
        inFlight -= 1;
        res.writeHead(status, headers).end(req.method === 'GET' ? 'page' : undefined);
      }, 20);
    };
    switch (req.url) {
      case '/ok':
      case '/new':
        return done(200);
      case '/moved':
        return done(301, { location: '/new' });
      case '/moved-twice':
        return done(308, { location: `${base}/moved` });
      case '/temporary':
        return done(302, { location: '/ok' });
      case '/no-head':
        return done(req.method === 'HEAD' ? 405 : 200);
      case '/loop':
        return done(301, { location: '/loop' });
      case '/error':
        return done(500);
      default:
        return done(404);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const source = (id: string, page: string, gone = false): Source => ({
  id,
  title: id,
  publisher: 'Test',
  url: `${base}${page}`,
  gone,
});

describe('checkLinks', () => {
  it('tells ok, moved, redirected and broken links apart, in the sources’ order', async () => {
    const results = await checkLinks(
      [
        source('ok', '/ok'),
        source('moved', '/moved'),
        source('moved-twice', '/moved-twice'),
        source('temporary', '/temporary'),
        source('no-head', '/no-head'),
        source('missing', '/missing'),
        source('error', '/error'),
        source('loop', '/loop'),
      ],
      { timeoutMs: 2000 },
    );
    expect(results.map((r) => [r.source, r.status])).toEqual([
      ['ok', 'ok'],
      ['moved', 'moved'],
      ['moved-twice', 'moved'],
      ['temporary', 'redirected'],
      ['no-head', 'ok'],
      ['missing', 'broken'],
      ['error', 'broken'],
      ['loop', 'broken'],
    ]);
    expect(results[1]).toMatchObject({ finalUrl: `${base}/new`, code: 200 });
    expect(results[2]?.finalUrl).toBe(`${base}/new`);
    expect(results[5]).toMatchObject({ code: 404, reason: 'HTTP 404' });
    expect(results[7]?.reason).toBe('more than 5 redirects');
  });

  it('tries HEAD first and GET only when HEAD is refused', async () => {
    seen.length = 0;
    await checkLinks([source('ok', '/ok'), source('no-head', '/no-head')]);
    expect(seen.sort()).toEqual(['GET /no-head', 'HEAD /no-head', 'HEAD /ok']);
  });

  it('gives up on a page that does not answer in time, as broken', async () => {
    const [slow] = await checkLinks([source('slow', '/slow')], { timeoutMs: 200 });
    expect(slow).toMatchObject({ status: 'broken', reason: 'timed out' });
  });

  it('reports a host that refuses the connection', async () => {
    const [refused] = await checkLinks([
      {
        id: 'closed',
        title: 'closed',
        publisher: 'Test',
        url: 'http://127.0.0.1:1/x',
        gone: false,
      },
    ]);
    expect(refused?.status).toBe('broken');
    expect(refused?.reason).toMatch(/ECONNREFUSED|fetch failed/);
  });

  it('never has more requests open than the concurrency allows', async () => {
    maxInFlight = 0;
    const many = Array.from({ length: 12 }, (_, i) => source(`ok-${i}`, '/ok'));
    const results = await checkLinks(many, { concurrency: 3 });
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    expect(maxInFlight).toBeLessThanOrEqual(3);
    expect(maxInFlight).toBeGreaterThan(1);
  });

  it('skips sources without a link and those marked gone', async () => {
    const results = await checkLinks([
      source('gone', '/missing', true),
      { id: 'no-url', title: 'no url', publisher: 'Test', gone: false },
      source('ok', '/ok'),
    ]);
    expect(results.map((r) => r.source)).toEqual(['ok']);
  });

  it('writes a report with the problems first and what to do about them', async () => {
    const report = formatLinkReport(
      await checkLinks([
        source('ok', '/ok'),
        source('moved', '/moved'),
        source('missing', '/missing'),
      ]),
    );
    expect(report).toContain('Broken (1) — fix the URL or mark the source gone: true:');
    expect(report).toContain(`missing: ${base}/missing — HTTP 404`);
    expect(report).toContain(`moved: ${base}/moved → ${base}/new`);
    expect(report.split('\n').at(-1)).toBe(
      '3 links checked: 1 ok, 1 moved, 0 redirected, 1 broken.',
    );
  });
});

describe('stevedore links', () => {
  it('checks a knowledge base’s sources and exits 1 when one is broken', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'stevedore-links-'));
    try {
      cpSync(FIXTURE_KNOWLEDGE, dir, { recursive: true });
      mkdirSync(path.join(dir, 'sources'), { recursive: true });
      writeFileSync(
        path.join(dir, 'sources', 'local.yaml'),
        `- id: local-ok\n  title: OK\n  publisher: Test\n  url: ${base}/ok\n- id: local-missing\n  title: Missing\n  publisher: Test\n  url: ${base}/missing\n`,
      );
      const { code, stdout } = await runCli([
        'links',
        '--knowledge',
        dir,
        '--json',
        '--timeout',
        '300',
      ]);
      expect(code).toBe(1);
      const lines = stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines.find((l) => l.source === 'local-ok')).toMatchObject({ status: 'ok' });
      expect(lines.find((l) => l.source === 'local-missing')).toMatchObject({
        status: 'broken',
        code: 404,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a concurrency out of bounds with a usage error', async () => {
    const { code, stderr } = await runCli(['links', '--concurrency', '1000']);
    expect(code).toBe(2);
    expect(stderr).toContain('--concurrency takes a whole number from 1 to 32');
  });
});
