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
import pino from 'pino';
import { sql } from 'kysely';
import { createApp } from '../app.ts';
import { createToken, hashToken } from '../../db/queries/tokens.ts';
import { revokeToken } from '../../db/queries/accounts.ts';
import { listAuditEntries } from '../../db/queries/audit.ts';
import { sessionAs } from '../../tests/support/accounts.ts';

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
    return c.json({
      n: Number(c.req.query('n') ?? 0),
      version: version.value,
      pad: 'x'.repeat(Number(c.req.query('pad') ?? 0)),
    });
  });
  app.get('/other', (c) => c.text('not cached'));
  withCachedFastPath(app, cache);
  return { app, counts, cache };
}

/** The headers to compare: not the date, nor the request id, which is new for every response. */
const headersOf = (res: Response) =>
  Object.fromEntries([...res.headers].filter(([k]) => k !== 'date' && k !== 'x-request-id'));

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
    const notModified = await app.request('/api/thing?n=1&b=2', {
      headers: { 'If-None-Match': first.headers.get('etag')! },
    });
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
      expect(c.headers.get('content-length')).toBe(
        String(new TextEncoder().encode(await (await fetch(url, plain)).text()).byteLength),
      );
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

/**
 * An app of its own whose access lines say which answers the fast path gave, and a request loop
 * that asks until one is fast (the data version is read at most once a second: a request that
 * meets a re-read takes the full app).
 */
function appWithAccessLines(store: Parameters<typeof createApp>[0]['store']) {
  const lines: { cache?: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const app = createApp({ store, logger });
  const fastCount = () => lines.filter((l) => l.cache === 'fast').length;
  async function untilFast(url: string, headers: Record<string, string>) {
    const answers: Response[] = [];
    const before = fastCount();
    while (fastCount() === before && answers.length < 8) answers.push(await app.request(url, { headers }));
    expect(fastCount()).toBe(before + 1);
    return answers;
  }
  return { app, fastCount, untilFast };
}

describeApi('signed-in fast path on the real app', (ctx) => {
  it('answers a signed-in hit before routing, audits it before the answer leaves, and refuses a revoked token whose answer is cached', async () => {
    const { store } = ctx();
    const { app, fastCount, untilFast } = appWithAccessLines(store);
    const token = await createToken(store, {
      role: 'mesa',
      name: `fast-${Math.random().toString(36).slice(2, 8)}`,
      territory: ['09002'],
    });
    const id = Number(
      (await sql<{ id: number }>`select id from api_tokens where token_sha256 = ${hashToken(token)}`.execute(store.db))
        .rows[0].id,
    );
    const auth = { Authorization: `Bearer ${token}` };
    const url = '/api/rank?kind=alcaldia&from=2015-05-01&to=2015-06-01';
    const answers = await untilFast(url, auth);
    expect(answers.length).toBeGreaterThanOrEqual(3); // computed, a hit that records the headers, the fast one
    const [fast, full] = [answers[answers.length - 1], answers[answers.length - 2]];
    expect(fast.status).toBe(200);
    expect(await fast.text()).toBe(await answers[0].text());
    expect(headersOf(fast)).toEqual(headersOf(full));
    expect(fast.headers.get('cache-control')).toMatch(/private/);
    // every answer, the fast one included, is already in the table: read directly, no flush
    const items = (await listAuditEntries(store, { subject: `token:${id}`, limit: 20 })).items;
    expect(items.map((i) => [i.path, i.query, i.status, i.kind])).toEqual(
      Array(answers.length).fill(['/api/rank', 'kind=alcaldia&from=2015-05-01&to=2015-06-01', 200, 'view']),
    );
    // another class never gets this entry: the public's answer is its own
    expect((await app.request(url)).headers.get('cache-control')).not.toMatch(/private/);

    const fastBefore = fastCount();
    expect(await revokeToken(store, { token })).toBe(true);
    const revoked = await app.request(url, { headers: auth });
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as { error: { code: string } }).error.code).toBe('invalid_token');
    expect(fastCount()).toBe(fastBefore);
    expect((await listAuditEntries(store, { subject: `token:${id}`, limit: 20 })).items).toHaveLength(answers.length);
  });

  it('serves a session cookie’s hit on the fast path too, audited, and ends with the session', async () => {
    const { store } = ctx();
    const { app, untilFast } = appWithAccessLines(store);
    const session = await sessionAs(app, store, 'moderador');
    const url = '/api/hotspots?res=7&from=2015-06-01&to=2015-07-01';
    const answers = await untilFast(url, session.read);
    expect(answers.map((a) => a.status)).toEqual(Array(answers.length).fill(200));
    const audited = async () =>
      (await listAuditEntries(store, { subject: `user:${session.user.id}`, limit: 20 })).items.filter(
        (i) => i.path === '/api/hotspots',
      );
    expect(await audited()).toHaveLength(answers.length);
    expect((await app.request('/api/session', { method: 'DELETE', headers: session.write })).status).toBe(200);
    const after = await app.request(url, { headers: session.read }); // a stale cookie: the public's answer
    expect(after.headers.get('cache-control')).not.toMatch(/private/);
    expect(await audited()).toHaveLength(answers.length);
  });
});
