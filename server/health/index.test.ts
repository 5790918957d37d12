import { beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { openStore } from '../../db/connect.ts';
import { createApp } from '../app.ts';
import { describeApi, getJson } from '../../tests/support/index.ts';
import { writeSmallSource } from '../../tests/support/small-source.ts';

// one approved citizen report, months after the sample's last day (hand-written example)
const LONE = { source: 'citizen', kind: 'citizen', day: '2016-03-15', alcaldia: '09015', count: 1 } as const;

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
    // an admin: every fact exact, days included
    expect(body).toEqual({
      ok: true,
      db: backend,
      incidents: sample.rows.length,
      data_until: latest,
      data_until_month: latest!.slice(0, 7),
      sources: [
        {
          source: 'ssc_points',
          source_kind: 'official',
          incidents: sample.rows.length,
          first_month: earliest!.slice(0, 7),
          last_month: latest!.slice(0, 7),
          last_month_complete: isMonthEnd(latest!),
          from: earliest,
          until: latest,
          withheld: false,
        },
      ],
    });
    expect(headers.get('etag')).toMatch(/^".+"$/);
    expect(headers.get('cache-control')).toBe('no-cache');
  });

  it('gives the public months instead of days, and a source of many incidents its exact count', async () => {
    const { publicApp, sample } = ctx();
    const days = sample.rows.map((r) => r.date).sort();
    const { status, body } = await getJson(publicApp, '/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      incidents: sample.rows.length,
      data_until: null,
      data_until_month: days.at(-1)!.slice(0, 7),
      sources: [
        {
          source: 'ssc_points',
          incidents: sample.rows.length,
          first_month: days[0]!.slice(0, 7),
          last_month: days.at(-1)!.slice(0, 7),
          last_month_complete: isMonthEnd(days.at(-1)!),
          from: null,
          until: null,
          withheld: false,
        },
      ],
    });
    expect(JSON.stringify(body)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

/** The day is its month's last: day 0 of the next month, by the calendar (independent of the policy's helper). */
function isMonthEnd(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate() === d;
}

describeApi('GET /api/health with a source of one incident', (ctx) => {
  beforeAll(async () => {
    await writeSmallSource(ctx().store, LONE);
  });

  it('withholds the public the small count and every date of it, and the overall count does not give it back', async () => {
    const { publicApp, sample } = ctx();
    const { status, body } = await getJson(publicApp, '/api/health');
    expect(status).toBe(200);
    const lone = body.sources.find((s: { source: string }) => s.source === LONE.source);
    expect(lone).toEqual({
      source: LONE.source,
      source_kind: LONE.kind,
      incidents: null,
      first_month: null,
      last_month: null,
      last_month_complete: null,
      from: null,
      until: null,
      withheld: true,
    });
    // the attacker's difference: overall − every published per-source count
    const published = body.sources.reduce(
      (sum: number, s: { incidents: number | null }) => sum + (s.incidents ?? 0),
      0,
    );
    expect(body.incidents - published).not.toBe(LONE.count);
    expect(body.incidents).toBe(sample.rows.length);
    // neither its day nor its month anywhere: the overall last month is the sample's
    const text = JSON.stringify(body);
    expect(text).not.toContain(LONE.day.slice(0, 7));
    expect(body.data_until_month).toBe(
      sample.rows
        .map((r) => r.date)
        .sort()
        .at(-1)!
        .slice(0, 7),
    );
  });

  it('gives an admin the exact count and days of the small source', async () => {
    const { app, sample } = ctx();
    const { body } = await getJson(app, '/api/health');
    expect(body.incidents).toBe(sample.rows.length + LONE.count);
    expect(body.data_until).toBe(LONE.day);
    expect(body.sources.find((s: { source: string }) => s.source === LONE.source)).toMatchObject({
      incidents: LONE.count,
      from: LONE.day,
      until: LONE.day,
      first_month: LONE.day.slice(0, 7),
      withheld: false,
    });
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
