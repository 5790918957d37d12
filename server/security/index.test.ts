/**
 * Security basics over the real app: every response (API answers, errors, the static web app and
 * its assets) carries the headers; HSTS only over HTTPS; the CSP forbids inline and foreign
 * script; the built index.html has no inline script; /api bodies are capped (413).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { createApp } from '../app.ts';
import { mountWebApp, WEB_DIST } from '../static/index.ts';
import { describeApi } from '../../tests/support/index.ts';
import { contentSecurityPolicy, securityOptions } from './index.ts';

/** `directive → sources` of a CSP header, parsed here independently of the module. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

function expectSecurityHeaders(res: Response, label: string) {
  const csp = res.headers.get('content-security-policy');
  expect(csp, label).toBeTruthy();
  const d = directives(csp!);
  expect(d.get('script-src'), label).toEqual(["'self'"]);
  expect(d.get('object-src'), label).toEqual(["'none'"]);
  expect(d.get('frame-ancestors'), label).toEqual(["'none'"]);
  expect(d.get('base-uri'), label).toEqual(["'self'"]);
  expect(d.get('worker-src'), label).toEqual(["'self'", 'blob:']);
  expect(res.headers.get('x-content-type-options'), label).toBe('nosniff');
  expect(res.headers.get('x-frame-options'), label).toBe('DENY');
  expect(res.headers.get('referrer-policy'), label).toBe('strict-origin-when-cross-origin');
  expect(res.headers.get('permissions-policy'), label).toContain('geolocation=(self)');
}

describeApi(
  'security headers and body limits',
  (ctx) => {
    function webApp(opts: Parameters<typeof createApp>[0]['security'] = {}) {
      const app = createApp({ store: ctx().store, security: opts });
      mountWebApp(app);
      return app;
    }

    it('puts the headers on API answers, errors, cached answers and the static web app', async () => {
      const app = webApp();
      const asset = readdirSync(join(WEB_DIST, 'assets')).find((f) => f.endsWith('.js'))!;
      const paths = [
        '/api/categories',
        '/api/categories',
        '/api/hotspots?res=99',
        '/api/no-such-route',
        '/',
        '/fuentes',
        `/assets/${asset}`,
        '/favicon.svg',
      ];
      const statuses: number[] = [];
      for (const path of paths) {
        const res = await app.request(path);
        statuses.push(res.status);
        expectSecurityHeaders(res, path);
        expect(res.headers.get('strict-transport-security'), path).toBeNull();
      }
      expect(statuses).toEqual([200, 200, 400, 404, 200, 200, 200, 200]);
    });

    it('sends HSTS only when the request came over HTTPS', async () => {
      const app = webApp();
      expect(
        (await app.request('http://mapa.example/api/categories')).headers.get('strict-transport-security'),
      ).toBeNull();
      expect(
        (await app.request('https://mapa.example/api/categories')).headers.get('strict-transport-security'),
      ).toMatch(/^max-age=\d{7,}/);
      // a TLS-terminating proxy's word counts only from a proxy trusted by TRUST_PROXY
      const proxy = { incoming: { socket: { remoteAddress: '10.0.0.2' } } };
      const proxied = await webApp({ trustProxy: '10.0.0.0/8' }).request(
        'http://mapa.example/',
        { headers: { 'X-Forwarded-Proto': 'https' } },
        proxy,
      );
      expect(proxied.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
      const spoofed = await webApp({ trustProxy: '10.0.0.0/8' }).request(
        'http://mapa.example/',
        { headers: { 'X-Forwarded-Proto': 'https' } },
        { incoming: { socket: { remoteAddress: '203.0.113.9' } } },
      );
      expect(spoofed.headers.get('strict-transport-security')).toBeNull();
    });

    it('the built web app has no inline script and loads scripts only from its own origin', () => {
      const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
      const { document } = parseHTML(html);
      const scripts = [...document.querySelectorAll('script')];
      expect(scripts.length).toBeGreaterThan(0);
      for (const s of scripts) {
        expect(s.getAttribute('src'), s.outerHTML).toMatch(/^\/assets\/[\w.-]+\.js$/);
        expect(s.textContent.trim(), s.outerHTML).toBe('');
      }
      const handlers = [...document.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].map((a) => a.name).filter((n) => /^on/i.test(n)),
      );
      expect(handlers).toEqual([]);
      expect(html).not.toMatch(/javascript:/i);
    });

    it('adds configured basemap origins to connect/img/font sources and rejects anything that is not an origin', () => {
      const d = directives(
        contentSecurityPolicy(securityOptions({}, { CSP_EXTRA_ORIGINS: 'https://tiles.example.org' }).extraOrigins),
      );
      expect(d.get('connect-src')).toEqual(["'self'", 'https://tiles.example.org']);
      expect(d.get('script-src')).toEqual(["'self'"]);
      expect(() => securityOptions({}, { CSP_EXTRA_ORIGINS: "'unsafe-inline'" })).toThrow(/CSP_EXTRA_ORIGINS/);
      expect(() => securityOptions({}, { CSP_EXTRA_ORIGINS: 'https://x.org;script-src' })).toThrow(/CSP_EXTRA_ORIGINS/);
      expect(() => securityOptions({}, { API_BODY_LIMIT: '-1' })).toThrow(/API_BODY_LIMIT/);
      expect(securityOptions({}, { API_BODY_LIMIT: '2048' }).apiBodyLimit).toBe(2048);
    });

    it('answers 413 payload_too_large for an /api body over the cap, declared or streamed', async () => {
      const app = webApp({ apiBodyLimit: 4096 });
      const big = JSON.stringify({ pad: 'x'.repeat(5000) });
      const declared = await app.request('/api/moderation/reports/ABC/reject', {
        method: 'POST',
        body: big,
        headers: { 'content-type': 'application/json' },
      });
      expect(declared.status).toBe(413);
      expect(((await declared.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
      expectSecurityHeaders(declared, '413');
      // no Content-Length: the cap counts the bytes as they arrive
      const stream = new ReadableStream({
        start(controller) {
          for (let i = 0; i < 4; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(2000)));
          controller.close();
        },
      });
      const streamed = await app.request(
        new Request('http://localhost/api/reports', {
          method: 'POST',
          body: stream,
          duplex: 'half',
          headers: { 'content-type': 'application/json' },
        } as RequestInit),
      );
      expect(streamed.status).toBe(413);
      // under the cap the route answers as usual (here: no token → 401)
      const small = await app.request('/api/moderation/reports/ABC/reject', {
        method: 'POST',
        body: '{"reason":"x"}',
        headers: { 'content-type': 'application/json' },
      });
      expect(small.status).toBe(401);
    });

    it('keeps the report form’s own, lower cap under the default /api cap', async () => {
      const app = webApp();
      const body = JSON.stringify({
        category: 'robo_transeunte',
        date: '2016-01-10',
        where: { text: 'x' },
        consent: true,
        description: 'z'.repeat(20_000),
      });
      const res = await app.request('/api/reports', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(String(8 * 1024));
    });
  },
  { seed: false },
);
