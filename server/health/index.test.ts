import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { openStore } from '../../db/connect.ts';
import { createApp } from '../app.ts';
import { describeApi, getJson } from '../../tests/support/index.ts';

describeApi('GET /api/health', (ctx) => {
  it('reports the backend, the incident count and the latest date of the sample', async () => {
    const { app, sample, backend } = ctx();
    const { status, body, headers } = await getJson(app, '/api/health');
    expect(status).toBe(200);
    const latest = sample.rows
      .map((r) => r.date)
      .sort()
      .at(-1);
    const earliest = sample.rows.map((r) => r.date).sort()[0];
    expect(body).toEqual({
      ok: true,
      db: backend,
      incidents: sample.rows.length,
      data_until: latest,
      sources: [
        { source: 'ssc_points', source_kind: 'official', incidents: sample.rows.length, from: earliest, until: latest },
      ],
    });
    expect(headers.get('etag')).toMatch(/^".+"$/);
    expect(headers.get('cache-control')).toBe('no-cache');
  });
});

describe('GET /api/health with the store gone', () => {
  it('answers 503 with ok false and the db_unavailable code, no stack trace', async () => {
    const store = await openStore({ memory: true });
    const app: Hono = createApp({ store });
    await store.close();
    const res = await app.request('/api/health');
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body).toMatchObject({ ok: false, db: 'pglite', error: { code: 'db_unavailable' } });
    expect(JSON.stringify(body)).not.toMatch(/ at |\.ts:/);
  });
});
