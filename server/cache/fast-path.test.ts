import { describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { DataVersion, responseCache } from './index.ts';
import { withCachedFastPath } from './fast-path.ts';
import { describeApi } from '../../tests/support/index.ts';
import { clientAddress, parseTrustProxy } from '../http/client.ts';
import { securityHeaders } from '../security/index.ts';

/**
 * A small app shaped like server/app.ts: a first middleware that adds a header after the handler
 * (like server/security) and counts the requests that reach it, the cache, and a handler that
 * counts its own runs. The counters tell which requests the fast path answered.
 */
function tinyApp(version = { value: '1' }) {
  const counts = { stack: 0, handler: 0 };
  const app = new Hono();
  app.use('*', async (c, next) => {
    counts.stack++;
    await next();
    c.res.headers.set('X-Frame-Options', 'DENY');
  });
  const cache = responseCache({ version: new DataVersion(async () => version.value, 60_000) });
  app.use('/api/*', cache);
  app.get('/api/thing', (c) => {
    counts.handler++;
    return c.json({ n: Number(c.req.query('n') ?? 0), version: version.value, pad: 'x'.repeat(Number(c.req.query('pad') ?? 0)) });
  });
  app.get('/other', (c) => c.text('not cached'));
  withCachedFastPath(app, cache);
  return { app, counts, cache };
}

/** The headers to compare: not the date, nor the request id, which is new for every response. */
const headersOf = (res: Response) => Object.fromEntries([...res.headers].filter(([k]) => k !== 'date' && k !== 'x-request-id'));

describe('cache fast path', () => {
  it('answers repeated anonymous hits without the middleware chain, with the headers the chain sent', async () => {
    const version = { value: '1' };
    const { app, counts, cache } = tinyApp(version);
    const first = await app.request('/api/thing?n=1&b=2');
    expect(counts).toEqual({ stack: 1, handler: 1 });
    const second = await app.request('/api/thing?n=1&b=2'); // a hit through the full app: records the headers
    expect(counts).toEqual({ stack: 2, handler: 1 });
    const third = await app.request('/api/thing?b=2&n=1'); // same key (query order normalised): the fast path
    expect(counts).toEqual({ stack: 2, handler: 1 });
    expect(await third.text()).toBe(await first.text());
    expect(headersOf(third)).toEqual(headersOf(second));
    // each answer of the fast path has its own request id, or the proxy's when it sent one
    expect(third.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const withId = await app.request('/api/thing?n=1&b=2', { headers: { 'X-Request-Id': 'nginx-0123abcd' } });
    expect(counts).toEqual({ stack: 2, handler: 1 });
    expect(withId.headers.get('x-request-id')).toBe('nginx-0123abcd');
    expect(third.headers.get('x-frame-options')).toBe('DENY');
    expect(third.headers.get('etag')).toBe(first.headers.get('etag'));

    // 304 on the fast path: the chain's headers, minus the body's
    const notModified = await app.request('/api/thing?n=1&b=2', { headers: { 'If-None-Match': first.headers.get('etag')! } });
    expect(counts.stack).toBe(2);
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('x-frame-options')).toBe('DENY');
    expect(notModified.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(notModified.headers.get('content-type')).toBeNull();

    // credentials, a session cookie, HEAD: always the full app
    const inits: RequestInit[] = [
      { headers: { Authorization: 'Bearer x' } },
      { headers: { Cookie: 'theme=dark; mc_session=abc' } },
      { method: 'HEAD' },
    ];
    for (const init of inits) {
      const before = counts.stack;
      await app.request('/api/thing?n=1&b=2', init);
      expect(counts.stack).toBe(before + 1);
    }
    const before = counts.stack;
    await app.request('/other');
    expect(counts.stack).toBe(before + 1);
    // another cookie is still the public
    await app.request('/api/thing?n=1&b=2', { headers: { Cookie: 'theme=dark' } });
    expect(counts.stack).toBe(before + 1);

    // a new data version: the full app answers, with the new data
    version.value = '2';
    cache.version.invalidate();
    const fresh = await app.request('/api/thing?n=1&b=2');
    expect(counts.handler).toBe(2);
    expect((await fresh.json()).version).toBe('2');
  });

  it('keeps identity and gzip answers apart', async () => {
    const { app, counts } = tinyApp();
    const url = '/api/thing?pad=5000';
    const gz = { headers: { 'Accept-Encoding': 'gzip' } };
    await app.request(url); // miss
    await app.request(url); // identity recorded
    await app.request(url, gz); // gzip made and recorded
    const stack = counts.stack;
    const identity = await app.request(url);
    const zipped = await app.request(url, gz);
    expect(counts.stack).toBe(stack);
    expect(identity.headers.get('content-encoding')).toBeNull();
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('etag')).not.toBe(identity.headers.get('etag'));
    expect(zipped.headers.get('x-frame-options')).toBe('DENY');
  });

  it('serves through @hono/node-server from the node request, with a Content-Length', async () => {
    const { app, counts } = tinyApp();
    const server = await new Promise<Server>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
    });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/thing?n=7`;
      const plain = { headers: { 'accept-encoding': 'identity' } };
      const a = await fetch(url, plain);
      const b = await fetch(url, plain);
      const stack = counts.stack;
      const c = await fetch(url, plain);
      expect(counts.stack).toBe(stack); // the fast path
      expect(await c.text()).toBe(await a.text());
      await b.arrayBuffer();
      expect(c.headers.get('content-length')).toBe(String(new TextEncoder().encode(await (await fetch(url, plain)).text()).byteLength));
      expect(headersOf(c)).toEqual(headersOf(b));
      const withSession = await fetch(url, { headers: { ...plain.headers, cookie: 'mc_session=zzz' } });
      await withSession.arrayBuffer();
      expect(counts.stack).toBe(stack + 1);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

describe('cache fast path behind an HTTPS proxy', () => {
  /** tinyApp's shape with the real client resolution and security headers (HSTS over HTTPS) in front. */
  function proxiedApp(trustProxy: string) {
    const trust = parseTrustProxy(trustProxy);
    const counts = { stack: 0 };
    const app = new Hono();
    app.use('*', clientAddress(trust));
    app.use('*', async (_c, next) => {
      counts.stack++;
      await next();
    });
    app.use('*', securityHeaders());
    const cache = responseCache({ version: new DataVersion(async () => '1', 60_000) });
    app.use('/api/*', cache);
    app.get('/api/thing', (c) => c.json({ ok: true }));
    withCachedFastPath(app, cache, trust);
    return { app, counts };
  }
  const proxy = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
  const https = { headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '198.51.100.1' } };

  it('answers HTTPS clients of a trusted proxy on the fast path, with HSTS, and plain ones without it', async () => {
    const { app, counts } = proxiedApp('loopback');
    await app.request('/api/thing', https, proxy); // miss
    const full = await app.request('/api/thing', https, proxy); // hit through the full app (records)
    const stack = counts.stack;
    const fast = await app.request('/api/thing', https, proxy);
    expect(counts.stack).toBe(stack); // the fast path
    expect(full.headers.get('strict-transport-security')).toMatch(/^max-age=/);
    expect(headersOf(fast)).toEqual(headersOf(full));
    const plain = await app.request('/api/thing', {}, proxy);
    expect(counts.stack).toBe(stack);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });

  it('ignores X-Forwarded-Proto from a peer that is not a trusted proxy: no HSTS', async () => {
    const { app, counts } = proxiedApp('loopback');
    const stranger = { incoming: { socket: { remoteAddress: '203.0.113.9' } } };
    await app.request('/api/thing', https, stranger);
    await app.request('/api/thing', https, stranger);
    const stack = counts.stack;
    const fast = await app.request('/api/thing', https, stranger);
    expect(counts.stack).toBe(stack);
    expect(fast.headers.get('strict-transport-security')).toBeNull();
  });
});

describeApi('cache fast path on the real app', (ctx) => {
  it('replays exactly what the whole stack sends an anonymous caller, security headers included', async () => {
    const { publicApp } = ctx();
    const url = '/api/hotspots?res=6&from=2015-06-01&to=2015-07-01';
    await publicApp.request(url); // miss
    await publicApp.request(url); // hit through the full app (records)
    const fast = await publicApp.request(url);
    // a stale session cookie is the public too, but always takes the full app
    const full = await publicApp.request(url, { headers: { Cookie: 'mc_session=not-a-session' } });
    expect(fast.status).toBe(200);
    expect(full.status).toBe(200);
    expect(headersOf(fast)).toEqual(headersOf(full));
    expect(fast.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(fast.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await fast.arrayBuffer())).toEqual(new Uint8Array(await full.arrayBuffer()));
  });
});
