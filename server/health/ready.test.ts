/**
 * `/api/ready`: 503 while the process starts (what main.ts serves before the app is mounted), 200
 * once the app answers, 503 again when the store is gone; `/api/health` stays what it was.
 */
import { expect, it } from 'vitest';
import { openStore } from '../../db/connect.ts';
import { createApp } from '../app.ts';
import { describeApi } from '../../tests/support/index.ts';
import { startingHandler } from './index.ts';

describeApi(
  '/api/ready',
  (ctx) => {
    it('before the app is mounted: 503 service_starting with the phase, no-store and Retry-After; every other path 503 too', async () => {
      let phase = 'importación inicial';
      const starting = startingHandler(() => phase);
      const res = starting(new Request('http://localhost/api/ready'));
      expect(res.status).toBe(503);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await res.json()).toMatchObject({
        ready: false,
        phase: 'importación inicial',
        error: { code: 'service_starting' },
      });
      phase = 'aplicación web';
      expect(((await starting(new Request('http://localhost/api/ready')).json()) as any).phase).toBe('aplicación web');
      const other = starting(new Request('http://localhost/api/hotspots?res=8'));
      expect([other.status, ((await other.json()) as any).error.code]).toEqual([503, 'service_starting']);
      // every answer carries a request id: a fresh one, or the proxy's when it sent an acceptable one
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const traced = starting(new Request('http://localhost/api/ready', { headers: { 'X-Request-Id': 'lb-probe-7' } }));
      expect(traced.headers.get('x-request-id')).toBe('lb-probe-7');
    });

    it('after: 200 {ready: true}, never cached', async () => {
      const res = await ctx().publicApp.request('/api/ready');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ready: true });
      expect(res.headers.get('cache-control')).toMatch(/no-store/);
    });

    it('503 db_unavailable once the store is gone', async () => {
      const store = await openStore({ memory: true });
      const app = createApp({ store });
      expect((await app.request('/api/ready')).status).toBe(200);
      await store.close();
      const res = await app.request('/api/ready');
      expect(res.status).toBe(503);
      expect(((await res.json()) as any).error.code).toBe('db_unavailable');
    });
  },
  { seed: false },
);
