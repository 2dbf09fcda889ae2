import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

/**
 * Why the bot is not ready, or undefined when it is. Kept by start-bot: "starting" until every
 * configured platform is connected, "stopping" from the moment shutdown begins, so a load
 * balancer stops sending traffic before anything closes.
 */
export class Readiness {
  #reason: string | undefined = 'starting: platforms are connecting';

  get reason(): string | undefined {
    return this.#reason;
  }

  ready(): void {
    this.#reason = undefined;
  }

  notReady(reason: string): void {
    this.#reason = reason;
  }
}

/** The metrics registry: process metrics and the knowledge size, every name `stevedore_`. */
export function createMetricsRegistry(knowledgeEntries: () => number): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'stevedore_' });
  new Gauge({
    name: 'stevedore_knowledge_entries',
    help: 'Entries in the knowledge base being served',
    registers: [registry],
    collect() {
      this.set(knowledgeEntries());
    },
  });
  return registry;
}

export interface OpsServer {
  readonly port: number;
  /** Stops accepting connections; requests already received are answered first. */
  close(): Promise<void>;
}

/** Serves GET /healthz, /readyz and /metrics on `port` (0: any free port). */
export async function startOpsServer(
  port: number,
  readiness: Readiness,
  registry: Registry,
  host?: string,
): Promise<OpsServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET') {
      response.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    if (path === '/healthz') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    } else if (path === '/readyz') {
      const reason = readiness.reason;
      response
        .writeHead(reason === undefined ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify(reason === undefined ? { ready: true } : { ready: false, reason }));
    } else if (path === '/metrics') {
      registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
        () => response.writeHead(500).end(),
      );
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        // close() waits for requests in progress; idle keep-alive sockets would hold it open.
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
