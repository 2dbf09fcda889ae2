import { afterEach, describe, expect, it } from 'vitest';
import {
  createMetricsRegistry,
  type OpsServer,
  Readiness,
  startOpsServer,
} from '../../../src/app/ops-server.js';

let server: OpsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(readiness: Readiness, entries = 42): Promise<string> {
  server = await startOpsServer(
    0,
    readiness,
    createMetricsRegistry(() => entries),
    '127.0.0.1',
  );
  return `http://127.0.0.1:${server.port}`;
}

describe('the ops endpoints', () => {
  it('answer /healthz with 200 while the process is alive, ready or not', async () => {
    const base = await serve(new Readiness());
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('answer /readyz with 503 and the reason until the bot is ready, then 200', async () => {
    const readiness = new Readiness();
    const base = await serve(readiness);
    const starting = await fetch(`${base}/readyz`);
    expect(starting.status).toBe(503);
    expect(await starting.json()).toEqual({
      ready: false,
      reason: 'starting: platforms are connecting',
    });
    readiness.ready();
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });
  });

  it('answer /readyz with 503 from the moment shutdown begins', async () => {
    const readiness = new Readiness();
    readiness.ready();
    const base = await serve(readiness);
    readiness.notReady('stopping: shutdown has begun');
    const stopping = await fetch(`${base}/readyz`);
    expect(stopping.status).toBe(503);
    expect(await stopping.json()).toMatchObject({ reason: 'stopping: shutdown has begun' });
  });

  it('serve Prometheus text with the knowledge size and stevedore_ process metrics', async () => {
    const base = await serve(new Readiness(), 1234);
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('stevedore_knowledge_entries 1234');
    expect(text).toContain('stevedore_process_cpu_user_seconds_total');
  });

  it('answer unknown paths with 404', async () => {
    const base = await serve(new Readiness());
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});
