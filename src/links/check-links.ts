import type { Source } from '../core/types.js';

/**
 * `stevedore links`: checks that every source's address still answers. What a maintainer runs
 * monthly, and what a scheduled CI job runs where the network exists (this project's CI has
 * none). HEAD first, GET when a server refuses HEAD; redirects are followed by hand so that a
 * moved page is reported with its new address.
 */

export type LinkStatus =
  /** Answers 2xx at the address given. */
  | 'ok'
  /** Answers 2xx after a permanent redirect (301, 308): the source should be updated. */
  | 'moved'
  /** Answers 2xx after a temporary redirect (302, 303, 307): usually fine, shown for review. */
  | 'redirected'
  /** Anything else: 4xx/5xx, a redirect loop, a timeout, a refused connection. */
  | 'broken';

export interface LinkResult {
  readonly source: string;
  readonly url: string;
  readonly status: LinkStatus;
  /** The last HTTP status seen (absent when no response came). */
  readonly code?: number;
  /** Where a redirected or moved link ends up. */
  readonly finalUrl?: string;
  /** What went wrong, for a broken link. */
  readonly reason?: string;
}

export interface CheckOptions {
  /** How many requests at once (default 8): enough to be quick, few enough to be polite. */
  readonly concurrency?: number;
  /** Per request, in milliseconds (default 10 s). */
  readonly timeoutMs?: number;
  /** Redirects followed before giving up (default 5, as browsers' loop guards). */
  readonly maxRedirects?: number;
  /** The fetch to use (tests pass one bound to a local server; default: the global one). */
  readonly fetch?: typeof fetch;
  /** The User-Agent sent: some sites refuse requests without one. */
  readonly userAgent?: string;
}

const DEFAULTS = {
  concurrency: 8,
  timeoutMs: 10_000,
  maxRedirects: 5,
  userAgent: 'stevedore-link-check (+https://github.com/)',
} as const;

/** Statuses after which a HEAD request is retried as GET: servers that do not do HEAD. */
const RETRY_AS_GET: ReadonlySet<number> = new Set([400, 403, 404, 405, 501]);

async function request(
  url: string,
  method: 'HEAD' | 'GET',
  options: Required<Omit<CheckOptions, 'fetch'>> & { fetch: typeof fetch },
): Promise<Response> {
  const response = await options.fetch(url, {
    method,
    redirect: 'manual',
    signal: AbortSignal.timeout(options.timeoutMs),
    headers: { 'user-agent': options.userAgent, accept: 'text/html,*/*' },
  });
  // The body is never needed; release the connection.
  await response.body?.cancel().catch(() => undefined);
  return response;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'timed out';
    // fetch says only "fetch failed"; what failed is in its cause: a socket's code (ECONNRESET,
    // ENOTFOUND…) or, for a refusal of fetch itself, a message ("bad port").
    const cause = (error as Error & { cause?: { code?: unknown; message?: unknown } }).cause;
    const detail = typeof cause?.code === 'string' ? cause.code : cause?.message;
    return typeof detail === 'string' && detail !== ''
      ? `${error.message} (${detail})`
      : error.message;
  }
  return String(error);
}

async function checkOne(
  source: string,
  url: string,
  options: Required<Omit<CheckOptions, 'fetch'>> & { fetch: typeof fetch },
): Promise<LinkResult> {
  let current = url;
  let permanent = true;
  for (let hop = 0; hop <= options.maxRedirects; hop += 1) {
    let response: Response;
    try {
      response = await request(current, 'HEAD', options);
      if (RETRY_AS_GET.has(response.status)) response = await request(current, 'GET', options);
    } catch (error) {
      return { source, url, status: 'broken', reason: describe(error) };
    }
    const { status } = response;
    if (status >= 300 && status < 400) {
      const location = response.headers.get('location');
      if (!location) {
        return {
          source,
          url,
          status: 'broken',
          code: status,
          reason: 'redirect without a Location',
        };
      }
      if (status !== 301 && status !== 308) permanent = false;
      current = new URL(location, current).toString();
      continue;
    }
    if (status >= 200 && status < 300) {
      if (current === url) return { source, url, status: 'ok', code: status };
      return {
        source,
        url,
        status: permanent ? 'moved' : 'redirected',
        code: status,
        finalUrl: current,
      };
    }
    return { source, url, status: 'broken', code: status, reason: `HTTP ${status}` };
  }
  return { source, url, status: 'broken', reason: `more than ${options.maxRedirects} redirects` };
}

/**
 * Checks the address of every linked source that is not marked gone, at most `concurrency` at a
 * time; results come back in the sources' order.
 */
export async function checkLinks(
  sources: Iterable<Source>,
  options: CheckOptions = {},
): Promise<LinkResult[]> {
  const settings = {
    concurrency: Math.max(1, Math.floor(options.concurrency ?? DEFAULTS.concurrency)),
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    maxRedirects: options.maxRedirects ?? DEFAULTS.maxRedirects,
    userAgent: options.userAgent ?? DEFAULTS.userAgent,
    fetch: options.fetch ?? fetch,
  };
  const todo = [...sources].filter(
    (source): source is Source & { url: string } => source.url !== undefined && !source.gone,
  );
  const results = new Array<LinkResult>(todo.length);
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const index = next;
      next += 1;
      const source = todo[index];
      if (source) results[index] = await checkOne(source.id, source.url, settings);
    }
  };
  await Promise.all(Array.from({ length: Math.min(settings.concurrency, todo.length) }, worker));
  return results;
}

/** The report a maintainer reads: problems first, with what to do about each. */
export function formatLinkReport(results: readonly LinkResult[]): string {
  const broken = results.filter((r) => r.status === 'broken');
  const moved = results.filter((r) => r.status === 'moved');
  const redirected = results.filter((r) => r.status === 'redirected');
  const lines: string[] = [];
  if (broken.length > 0) {
    lines.push(`Broken (${broken.length}) — fix the URL or mark the source gone: true:`);
    for (const r of broken) lines.push(`  ${r.source}: ${r.url} — ${r.reason ?? 'broken'}`);
  }
  if (moved.length > 0) {
    lines.push(`Moved (${moved.length}) — update the URL to the new address:`);
    for (const r of moved) lines.push(`  ${r.source}: ${r.url} → ${r.finalUrl}`);
  }
  if (redirected.length > 0) {
    lines.push(`Redirected (${redirected.length}) — temporary redirects, review:`);
    for (const r of redirected) lines.push(`  ${r.source}: ${r.url} → ${r.finalUrl}`);
  }
  const ok = results.length - broken.length - moved.length - redirected.length;
  lines.push(
    `${results.length} links checked: ${ok} ok, ${moved.length} moved, ${redirected.length} redirected, ${broken.length} broken.`,
  );
  return lines.join('\n');
}
