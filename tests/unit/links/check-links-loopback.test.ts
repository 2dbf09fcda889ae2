/**
 * The link checker and `stevedore links` over real sockets: a local site on 127.0.0.1 for what
 * only a real server shows (requests in flight, a refused connection) and for the command as a
 * user runs it; and the command run against nocked HTTPS sources (nock preloaded into the child).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../../../src/core/types.js';
import { checkLinks } from '../../../src/links/check-links.js';
import { FIXTURE_KNOWLEDGE, ROOT } from '../../helpers/fixture-engine.js';
import { ensureBuilt, runCli } from '../../helpers/run-cli.js';

/** A local site: pages that answer after a moment (to count requests in flight) or not at all. */
let server: Server;
let base = '';
let inFlight = 0;
let maxInFlight = 0;
const seen: string[] = [];

beforeAll(async () => {
  ensureBuilt();
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight -= 1;
      if (req.url === '/ok') res.writeHead(200).end();
      else if (req.url === '/old') res.writeHead(301, { location: '/ok' }).end();
      else res.writeHead(404).end();
    }, 20);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const source = (id: string, page: string): Source => ({
  id,
  title: id,
  publisher: 'Test',
  url: `${base}${page}`,
  gone: false,
});

describe('checkLinks over real sockets', () => {
  it('never has more requests open than the concurrency allows', async () => {
    maxInFlight = 0;
    const many = Array.from({ length: 12 }, (_, i) => source(`ok-${i}`, '/ok'));
    const results = await checkLinks(many, { concurrency: 3 });
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    expect(maxInFlight).toBeLessThanOrEqual(3);
    expect(maxInFlight).toBeGreaterThan(1);
  });

  it('reports a host that refuses the connection, with the socket’s error code', async () => {
    // A port that was just free: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const [refused] = await checkLinks([
      {
        id: 'closed',
        title: 'closed',
        publisher: 'Test',
        url: `http://127.0.0.1:${port}/x`,
        gone: false,
      },
    ]);
    expect(refused).toMatchObject({ status: 'broken', reason: 'fetch failed (ECONNREFUSED)' });
  });

  it('says why fetch itself refused an address (a port browsers block)', async () => {
    const [blocked] = await checkLinks([
      {
        id: 'blocked',
        title: 'blocked',
        publisher: 'Test',
        url: 'http://127.0.0.1:1/x',
        gone: false,
      },
    ]);
    expect(blocked).toMatchObject({ status: 'broken', reason: 'fetch failed (bad port)' });
  });
});

describe('stevedore links', () => {
  it('checks a knowledge base’s sources against a local server and exits 1 when one is broken', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'stevedore-links-'));
    try {
      cpSync(FIXTURE_KNOWLEDGE, dir, { recursive: true });
      // The fixture's sources, moved to the local site: no real address is asked for.
      const local = (id: string, page: string) =>
        `- id: ${id}\n  title: ${id}\n  publisher: Test\n  url: ${base}${page}\n`;
      writeFileSync(
        path.join(dir, 'sources.yaml'),
        `${local('k8s-pods', '/ok')}${local('ms-isolation', '/missing')}${local('podman-docs', '/old')}- id: katacoda\n  title: gone\n  publisher: Test\n  gone: true\n- id: course-notes\n  title: no link\n  publisher: Test\n`,
      );
      seen.length = 0;
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
      expect(lines).toEqual([
        { source: 'k8s-pods', url: `${base}/ok`, status: 'ok', code: 200 },
        {
          source: 'ms-isolation',
          url: `${base}/missing`,
          status: 'broken',
          code: 404,
          reason: 'HTTP 404',
        },
        {
          source: 'podman-docs',
          url: `${base}/old`,
          status: 'moved',
          code: 200,
          finalUrl: `${base}/ok`,
        },
      ]);
      expect(seen.sort()).toEqual([
        'GET /missing',
        'HEAD /missing',
        'HEAD /ok',
        'HEAD /ok',
        'HEAD /old',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints the report for HTTPS sources (nocked in the child) and exits 1 for the broken one', async () => {
    const preload = path.join(ROOT, 'tests/fixtures/links/nock-fixture-sources.mjs');
    const { code, stdout, stderr } = await runCli(['links', '--knowledge', FIXTURE_KNOWLEDGE], {
      env: { NODE_OPTIONS: `--import=${preload}` },
    });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout.trim().split('\n')).toEqual([
      'Broken (1) — fix the URL or mark the source gone: true:',
      '  podman-docs: https://docs.podman.io/en/latest/ — HTTP 404',
      'Moved (1) — update the URL to the new address:',
      '  ms-isolation: https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-containers/hyperv-container → https://learn.microsoft.com/en-us/virtualization/windowscontainers/hyperv-isolation',
      '3 links checked: 1 ok, 1 moved, 0 redirected, 1 broken.',
    ]);
  });

  it('refuses a concurrency out of bounds with a usage error', async () => {
    const { code, stderr } = await runCli(['links', '--concurrency', '1000']);
    expect(code).toBe(2);
    expect(stderr).toContain('--concurrency takes a whole number from 1 to 32');
  });
});
