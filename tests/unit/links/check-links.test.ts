/**
 * The link checker against nocked HTTPS sites: every kind of answer a maintainer meets, without
 * the network. (Real sockets — concurrency, a refused connection, the CLI — are in
 * check-links-loopback.test.ts.)
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../../../src/core/types.js';
import { checkLinks, formatLinkReport } from '../../../src/links/check-links.js';

const SITE = 'https://docs.example.com';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

const source = (id: string, url: string, gone = false): Source => ({
  id,
  title: id,
  publisher: 'Test',
  url,
  gone,
});

/** Checks one address and returns its result, after asserting every nocked request was made. */
async function checkOne(url: string, timeoutMs = 2_000) {
  const [result] = await checkLinks([source('s', url)], { timeoutMs });
  expect(nock.pendingMocks()).toEqual([]);
  return result;
}

/**
 * What undici's fetch throws when the connection fails: `TypeError: fetch failed` with the
 * socket's error as its cause (nock would otherwise reject with the bare cause).
 */
const fetchFailed = (code: string, message: string) =>
  Object.assign(new TypeError('fetch failed'), {
    cause: Object.assign(new Error(message), { code }),
  });

describe('checkLinks: what a status means', () => {
  it('200 at the address given: ok', async () => {
    nock(SITE).head('/guide').reply(200);
    expect(await checkOne(`${SITE}/guide`)).toEqual({
      source: 's',
      url: `${SITE}/guide`,
      status: 'ok',
      code: 200,
    });
  });

  it('301 then 200: moved, with the new address to put in the source', async () => {
    nock(SITE).head('/old').reply(301, '', { location: '/new' }).head('/new').reply(200);
    expect(await checkOne(`${SITE}/old`)).toMatchObject({
      status: 'moved',
      code: 200,
      finalUrl: `${SITE}/new`,
    });
  });

  it('a permanent redirect to another host is moved to that host', async () => {
    nock(SITE).head('/old').reply(308, '', { location: 'https://new.example.org/page' });
    nock('https://new.example.org').head('/page').reply(200);
    expect(await checkOne(`${SITE}/old`)).toMatchObject({
      status: 'moved',
      finalUrl: 'https://new.example.org/page',
    });
  });

  it('a temporary redirect anywhere on the way (302) makes it redirected, not moved', async () => {
    nock(SITE)
      .head('/a')
      .reply(301, '', { location: '/b' })
      .head('/b')
      .reply(302, '', { location: '/c' })
      .head('/c')
      .reply(200);
    expect(await checkOne(`${SITE}/a`)).toMatchObject({
      status: 'redirected',
      finalUrl: `${SITE}/c`,
    });
  });

  it('404: broken, after trying GET in case the server only refuses HEAD', async () => {
    nock(SITE).head('/missing').reply(404).get('/missing').reply(404, 'not here');
    expect(await checkOne(`${SITE}/missing`)).toMatchObject({
      status: 'broken',
      code: 404,
      reason: 'HTTP 404',
    });
  });

  it('410 Gone: broken at once, without a GET (the server has said the page is gone)', async () => {
    nock(SITE).head('/retired').reply(410);
    expect(await checkOne(`${SITE}/retired`)).toMatchObject({
      status: 'broken',
      code: 410,
      reason: 'HTTP 410',
    });
  });

  it('500: broken', async () => {
    nock(SITE).head('/error').reply(500);
    expect(await checkOne(`${SITE}/error`)).toMatchObject({ status: 'broken', code: 500 });
  });

  it('a redirect without a Location: broken, saying so', async () => {
    nock(SITE).head('/odd').reply(301);
    expect(await checkOne(`${SITE}/odd`)).toMatchObject({
      status: 'broken',
      code: 301,
      reason: 'redirect without a Location',
    });
  });

  it('a redirect loop: broken after five redirects', async () => {
    nock(SITE).head('/loop').times(6).reply(301, '', { location: '/loop' });
    expect(await checkOne(`${SITE}/loop`)).toMatchObject({
      status: 'broken',
      reason: 'more than 5 redirects',
    });
  });
});

describe('checkLinks: servers that refuse HEAD', () => {
  it.each([405, 403, 501])('HEAD answered %i, GET answered 200: ok', async (refusal) => {
    nock(SITE).head('/page').reply(refusal).get('/page').reply(200, '<html></html>');
    expect(await checkOne(`${SITE}/page`)).toMatchObject({ status: 'ok', code: 200 });
  });

  it('follows a redirect the GET answers with', async () => {
    nock(SITE)
      .head('/page')
      .reply(405)
      .get('/page')
      .reply(301, '', { location: '/moved' })
      .head('/moved')
      .reply(200);
    expect(await checkOne(`${SITE}/page`)).toMatchObject({
      status: 'moved',
      finalUrl: `${SITE}/moved`,
    });
  });

  it('sends a User-Agent, which some sites require', async () => {
    nock(SITE, { reqheaders: { 'user-agent': /^stevedore-link-check/ } })
      .head('/picky')
      .reply(200);
    expect(await checkOne(`${SITE}/picky`)).toMatchObject({ status: 'ok' });
  });
});

describe('checkLinks: network failures', () => {
  it('a server that does not answer in time: broken, timed out', async () => {
    nock(SITE).head('/slow').delay(5_000).reply(200);
    expect(await checkOne(`${SITE}/slow`, 100)).toMatchObject({
      status: 'broken',
      reason: 'timed out',
    });
  });

  it('a connection reset: broken, with the socket’s error code', async () => {
    nock(SITE).head('/reset').replyWithError(fetchFailed('ECONNRESET', 'read ECONNRESET'));
    const result = await checkOne(`${SITE}/reset`);
    expect(result).toMatchObject({ status: 'broken', reason: 'fetch failed (ECONNRESET)' });
    expect(result).not.toHaveProperty('code');
  });

  it('a host that does not resolve: broken, with the resolver’s error code', async () => {
    nock('https://gone.example.net')
      .head('/')
      .replyWithError(fetchFailed('ENOTFOUND', 'getaddrinfo ENOTFOUND gone.example.net'));
    expect(await checkOne('https://gone.example.net/')).toMatchObject({
      status: 'broken',
      reason: 'fetch failed (ENOTFOUND)',
    });
  });

  it('a failure of one link does not stop the others', async () => {
    nock(SITE)
      .head('/reset')
      .replyWithError(fetchFailed('ECONNRESET', 'read ECONNRESET'))
      .head('/fine')
      .reply(200);
    const results = await checkLinks([
      source('reset', `${SITE}/reset`),
      source('fine', `${SITE}/fine`),
    ]);
    expect(results.map((r) => [r.source, r.status])).toEqual([
      ['reset', 'broken'],
      ['fine', 'ok'],
    ]);
  });
});

describe('checkLinks: which sources are checked', () => {
  it('skips sources without a link and those marked gone, keeping the sources’ order', async () => {
    nock(SITE).head('/b').reply(200).head('/a').reply(200);
    const results = await checkLinks([
      source('a', `${SITE}/a`),
      source('gone', `${SITE}/gone`, true),
      { id: 'no-url', title: 'no url', publisher: 'Test', gone: false },
      source('b', `${SITE}/b`),
    ]);
    expect(results.map((r) => r.source)).toEqual(['a', 'b']);
  });
});

describe('formatLinkReport', () => {
  it('puts the problems first, with what to do about each, and counts every kind', async () => {
    nock(SITE)
      .head('/ok')
      .reply(200)
      .head('/old')
      .reply(301, '', { location: '/new' })
      .head('/new')
      .reply(200)
      .head('/tmp')
      .reply(307, '', { location: '/ok' })
      .head('/ok')
      .reply(200)
      .head('/retired')
      .reply(410);
    const report = formatLinkReport(
      await checkLinks(
        [
          source('ok', `${SITE}/ok`),
          source('moved', `${SITE}/old`),
          source('temporary', `${SITE}/tmp`),
          source('retired', `${SITE}/retired`),
        ],
        { concurrency: 1 },
      ),
    );
    expect(report.split('\n')).toEqual([
      'Broken (1) — fix the URL or mark the source gone: true:',
      `  retired: ${SITE}/retired — HTTP 410`,
      'Moved (1) — update the URL to the new address:',
      `  moved: ${SITE}/old → ${SITE}/new`,
      'Redirected (1) — temporary redirects, review:',
      `  temporary: ${SITE}/tmp → ${SITE}/ok`,
      '4 links checked: 1 ok, 1 moved, 1 redirected, 1 broken.',
    ]);
  });
});
