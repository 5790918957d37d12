/**
 * The real app behind a fake HTTPS reverse proxy: requests come from the proxy's socket address
 * (passed as the Node bindings `app.request` hands to the app, as @hono/node-server does) with
 * `X-Forwarded-*` headers. Addresses are hand-written examples (RFC 5737 documentation ranges for
 * clients, 10.0.0.0/8 for the proxy).
 */
import { expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp, type AppOptions } from '../app.ts';
import { createUser } from '../../db/queries/accounts.ts';
import { describeApi } from '../../tests/support/index.ts';

const PROXY = '10.0.0.2';
const SITE = 'https://mapa.example.org';
/** The Zócalo, in Cuauhtémoc. */
const REPORT = {
  category: 'robo_transeunte',
  date: '2015-06-10',
  hour: 21,
  where: { lat: 19.4326, lon: -99.1332 },
  consent: true,
};
const PASSWORD = 'correcto-caballo-bateria';
/** a fixed clock in the middle of a minute: no window boundary can fall inside a test */
const clock = () => Date.UTC(2026, 0, 15, 12, 0, 30);

/** Node bindings with a socket from `address`, the shape getConnInfo and server/http/client.ts read. */
const fromPeer = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

function viaProxy(clientIp: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    host: 'mapa.example.org',
    origin: SITE,
    'x-forwarded-proto': 'https',
    'x-forwarded-for': clientIp,
    ...extra,
  };
}

async function postReport(app: Hono, headers: Record<string, string>, peer = PROXY) {
  const res = await app.request(
    'http://mapa.example.org/api/reports',
    { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(REPORT) },
    fromPeer(peer),
  );
  return {
    status: res.status,
    code: res.status >= 400 ? (((await res.json()) as any).error.code as string) : undefined,
    res,
  };
}

describeApi(
  'behind a reverse proxy (TRUST_PROXY)',
  (ctx) => {
    const app = (opts: Partial<AppOptions> = {}) =>
      createApp({
        store: ctx().store,
        security: { trustProxy: '10.0.0.0/8' },
        reports: { rateLimit: 0, clock },
        ...opts,
      });

    it('accepts a citizen report sent from the HTTPS page through the proxy, and still refuses another site', async () => {
      const ok = await postReport(app(), viaProxy('198.51.100.1'));
      expect(ok.status).toBe(201);
      expect((await postReport(app(), viaProxy('198.51.100.1', { origin: 'https://evil.example' }))).code).toBe(
        'forbidden_origin',
      );
      // the same headers from a peer that is not a trusted proxy: the page's https origin does not match http
      expect((await postReport(app(), viaProxy('198.51.100.1'), '203.0.113.50')).code).toBe('forbidden_origin');
      // Referer stands in for a missing Origin
      const { origin: _omit, ...noOrigin } = viaProxy('198.51.100.1');
      expect((await postReport(app(), { ...noOrigin, referer: `${SITE}/#reportar` })).status).toBe(201);
      expect((await postReport(app(), { ...noOrigin, referer: 'https://evil.example/x' })).code).toBe(
        'forbidden_origin',
      );
    });

    it('limits reports per forwarded client IP: the 11th from one IP is 429 while another IP goes on', async () => {
      const limited = app({ reports: { rateLimit: 10, clock } });
      for (let i = 0; i < 10; i++)
        expect((await postReport(limited, viaProxy('198.51.100.11'))).status, `report ${i + 1}`).toBe(201);
      const eleventh = await postReport(limited, viaProxy('198.51.100.11'));
      expect([eleventh.status, eleventh.code]).toEqual([429, 'rate_limited']);
      expect(Number(eleventh.res.headers.get('retry-after'))).toBe(30);
      expect((await postReport(limited, viaProxy('198.51.100.12'))).status).toBe(201);
    });

    it('shares the limit between two apps (two processes) on the same store', async () => {
      const a = app({ reports: { rateLimit: 10, clock } });
      const b = app({ reports: { rateLimit: 10, clock } });
      for (let i = 0; i < 5; i++) {
        expect((await postReport(a, viaProxy('198.51.100.21'))).status).toBe(201);
        expect((await postReport(b, viaProxy('198.51.100.21'))).status).toBe(201);
      }
      expect((await postReport(a, viaProxy('198.51.100.21'))).status).toBe(429);
      expect((await postReport(b, viaProxy('198.51.100.21'))).status).toBe(429);
    });

    it('ignores a spoofed X-Forwarded-For without TRUST_PROXY: every address it claims counts against the socket', async () => {
      const direct = createApp({
        store: ctx().store,
        security: { trustProxy: 'off' },
        reports: { rateLimit: 3, clock },
      });
      const peer = '203.0.113.77';
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await postReport(direct, { 'x-forwarded-for': `192.0.2.${i + 1}` }, peer)).status);
      expect(statuses).toEqual([201, 201, 201, 429]);
      // the same from a trusted proxy: four different clients
      const proxied = app({ reports: { rateLimit: 3, clock } });
      for (let i = 0; i < 4; i++)
        expect((await postReport(proxied, { 'x-forwarded-for': `192.0.2.${i + 101}` })).status).toBe(201);
    });

    it('logs in from the HTTPS page through the proxy: Secure cookie, HSTS, cookie-authenticated writes pass the same origin check', async () => {
      const { store } = ctx();
      await createUser(store, { email: 'proxy.admin@example.mx', password: PASSWORD, role: 'admin', name: 'Proxy' });
      const api = app();
      const login = await api.request(
        'http://mapa.example.org/api/session',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...viaProxy('198.51.100.31') },
          body: JSON.stringify({ email: 'proxy.admin@example.mx', password: PASSWORD }),
        },
        fromPeer(PROXY),
      );
      expect(login.status).toBe(200);
      expect(login.headers.get('set-cookie')).toMatch(/; Secure/);
      expect(login.headers.get('strict-transport-security')).toMatch(/^max-age=/);
      const cookie = /^(mc_session=[^;]+)/.exec(login.headers.get('set-cookie')!)![1];
      const csrf = ((await login.json()) as any).csrf_token as string;
      const logout = (origin: string) =>
        api.request(
          'http://mapa.example.org/api/session',
          { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrf, ...viaProxy('198.51.100.31', { origin }) } },
          fromPeer(PROXY),
        );
      const cross = await logout('https://evil.example');
      expect([cross.status, ((await cross.json()) as any).error.code]).toEqual([403, 'forbidden_origin']);
      expect((await logout(SITE)).status).toBe(200);
      // no HSTS and no Secure for a client that merely claims https
      const claimed = await api.request(
        'http://mapa.example.org/api/session',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
          body: JSON.stringify({ email: 'proxy.admin@example.mx', password: PASSWORD }),
        },
        fromPeer('203.0.113.5'),
      );
      expect(claimed.status).toBe(200);
      expect(claimed.headers.get('set-cookie')).not.toMatch(/Secure/);
      expect(claimed.headers.get('strict-transport-security')).toBeNull();
    });

    it('counts failed logins per forwarded client IP, not per proxy', async () => {
      const api = app({ accounts: { maxFailures: 0, ipMaxFailures: 2, lockoutMinutes: 15 } });
      const attempt = (ip: string) =>
        api.request(
          'http://mapa.example.org/api/session',
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...viaProxy(ip) },
            body: JSON.stringify({ email: 'nadie@example.mx', password: 'equivocada-123' }),
          },
          fromPeer(PROXY),
        );
      expect((await attempt('198.51.100.41')).status).toBe(401);
      expect((await attempt('198.51.100.41')).status).toBe(401);
      expect((await attempt('198.51.100.41')).status).toBe(429);
      expect((await attempt('198.51.100.42')).status).toBe(401);
    });
  },
  { seed: false },
);
