/**
 * Each way a download fails gets its own kind and catalogue code. Only the local news server, a
 * port that was just closed and a `.invalid` host name (RFC 2606/6761: never resolved) are used,
 * so no request leaves the machine.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closedPort } from '../../../tests/support/news/closed-port.ts';
import { startNewsServer, type NewsServer } from '../../../tests/support/news/local-news-server.ts';
import { FetchError, Fetcher } from './index.ts';
import { isReservedInvalidHost, networkFailureKind } from './failure.ts';

let server: NewsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function failureOf(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(FetchError);
    return err as FetchError;
  }
  throw new Error('expected a rejection');
}

const quick = () => new Fetcher({ delayMs: 0, retries: 1, backoffBaseMs: 1, timeoutMs: 1000 });

describe('fetch failures', () => {
  it('a .invalid host is a DNS failure, answered without any lookup', async () => {
    expect(isReservedInvalidHost('noticias.invalid')).toBe(true);
    expect(isReservedInvalidHost('invalid.example')).toBe(false);
    const f = await failureOf(quick().fetch('http://noticias-que-no-existen.invalid/feed.xml'));
    expect([f.kind, f.code]).toEqual(['dns_failure', 'fetch_dns_failed']);
    expect(f.message).toContain('noticias-que-no-existen.invalid');
  });

  it('a closed port is "connection refused", not a robots.txt disallow', async () => {
    const port = await closedPort();
    const f = await failureOf(quick().fetch(`http://127.0.0.1:${port}/feed.xml`));
    expect([f.kind, f.code]).toEqual(['connection_refused', 'fetch_connection_refused']);
    expect(f.message).toContain(`127.0.0.1:${port}`);
  });

  it('robots.txt forbidding the page is a disallow; robots.txt answering 503 is "robots unavailable"', async () => {
    server = await startNewsServer({ articles: [], robots: 'User-agent: *\nDisallow: /privado/\n' });
    const disallowed = await failureOf(quick().fetch(`${server.origin}/privado/nota`));
    expect([disallowed.kind, disallowed.code]).toEqual(['robots_disallowed', 'robots_disallowed']);
    await server.close();
    server = await startNewsServer({ articles: [], robotsStatus: 503 });
    const unavailable = await failureOf(quick().fetch(`${server.origin}/nota`));
    expect([unavailable.kind, unavailable.code, unavailable.httpStatus]).toEqual([
      'robots_unavailable',
      'robots_unavailable',
      503,
    ]);
    expect(unavailable.message).toMatch(/HTTP 503/);
  });

  it('a page that never finishes is a timeout', async () => {
    server = await startNewsServer({ articles: [] });
    const fetcher = new Fetcher({ delayMs: 0, retries: 0, timeoutMs: 300 });
    const f = await failureOf(fetcher.fetch(`${server.origin}/stall`));
    expect([f.kind, f.code]).toEqual(['timeout', 'fetch_timeout']);
  });

  it('classifies Node fetch errors by their system codes, causes and aggregated causes', () => {
    const wrap = (cause: unknown) => Object.assign(new TypeError('fetch failed'), { cause });
    expect(networkFailureKind(wrap(Object.assign(new Error('x'), { code: 'ENOTFOUND' })))).toBe('dns_failure');
    const both = Object.assign(new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })]), {});
    expect(networkFailureKind(wrap(both))).toBe('connection_refused');
    expect(networkFailureKind(Object.assign(new Error('t'), { name: 'TimeoutError' }))).toBe('timeout');
    expect(networkFailureKind(wrap(Object.assign(new Error('r'), { code: 'ECONNRESET' })))).toBe('network_error');
  });
});
