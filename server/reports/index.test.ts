import { expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { sql } from 'kysely';
import { createApp } from '../app.ts';
import { createToken } from '../../db/queries/tokens.ts';
import { honeypotCount } from '../../db/queries/reports.ts';
import { describeApi, getJson, withBearer } from '../../tests/support/index.ts';
import { localDateHour } from './validate.ts';

/** The Zócalo: in Cuauhtémoc (cvegeo 09015), as every map of the city shows. */
const ZOCALO = { lat: 19.4326, lon: -99.1332 };
const GOOD = {
  category: 'robo_transeunte',
  date: '2015-06-10',
  hour: 21,
  where: ZOCALO,
  consent: true,
  description: 'Me quitaron el celular',
};

async function post(
  app: { request: (p: string, i: RequestInit) => Response | Promise<Response> },
  body: unknown,
  headers: Record<string, string> = {},
) {
  const res = await app.request('/api/reports', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
}

function tomorrow(): string {
  const d = new Date(`${localDateHour(new Date()).date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describeApi(
  'citizen reports and moderation',
  (ctx) => {
    const moderator = async () =>
      withBearer(ctx().publicApp, await createToken(ctx().store, { role: 'moderador', name: 'mod' }));
    const pending = async () =>
      (await getJson(await moderator(), '/api/moderation/reports?status=pending&limit=500')).body.reports as any[];

    it('accepts a report picked on the map: 201, an unguessable folio, and what was understood', async () => {
      const { status, body } = await post(ctx().publicApp, GOOD);
      expect(status).toBe(201);
      expect(body.folio).toMatch(/^MC-[A-Z2-7]{10}$/);
      expect(body.status).toBe('pending');
      expect(body.understood.place).toMatchObject({
        precision: 'point',
        alcaldia_id: '09015',
        lat: ZOCALO.lat,
        lon: ZOCALO.lon,
      });
      const again = await post(ctx().publicApp, GOOD);
      expect(again.body.folio).not.toBe(body.folio);
    });

    it('geocodes a typed Metro station and shows it for confirmation', async () => {
      const { status, body } = await post(ctx().publicApp, { ...GOOD, where: { text: 'Metro Pino Suárez' } });
      expect(status).toBe(201);
      // Pino Suárez (Líneas 1 y 2) is at about 19.4255 N, 99.1327 W, in Cuauhtémoc
      expect(body.understood.place.precision).toBe('station');
      expect(body.understood.place.lat).toBeCloseTo(19.4255, 2);
      expect(body.understood.place.lon).toBeCloseTo(-99.1327, 2);
      expect(body.understood.place.alcaldia_id).toBe('09015');
      const preview = await getJson(ctx().publicApp, '/api/reports/geocode?q=Metro%20Pino%20Su%C3%A1rez');
      expect(preview.body.place).toEqual(body.understood.place);
    });

    it.each([
      ['consent missing', { ...GOOD, consent: undefined }, 400, 'consent_required'],
      ['consent false', { ...GOOD, consent: false }, 400, 'consent_required'],
      ['unknown category', { ...GOOD, category: 'robo_de_dinosaurio' }, 400, 'invalid_category'],
      ['impossible date', { ...GOOD, date: '2015-02-30' }, 400, 'invalid_date'],
      ['date in another format', { ...GOOD, date: '10/06/2015' }, 400, 'invalid_date'],
      ['future date', { ...GOOD, date: tomorrow() }, 400, 'future_date'],
      ['point in Puebla', { ...GOOD, where: { lat: 19.0414, lon: -98.2063 } }, 400, 'outside_cdmx'],
      ['place typed outside the city', { ...GOOD, where: { text: 'Toluca, Estado de México' } }, 400, 'outside_cdmx'],
      ['place that cannot be found', { ...GOOD, where: { text: 'asdfgh qwerty' } }, 400, 'unplaced_location'],
      ['hour 25', { ...GOOD, hour: 25 }, 400, 'invalid_body'],
      ['extra field', { ...GOOD, admin: true }, 400, 'invalid_body'],
      ['no place', { ...GOOD, where: undefined }, 400, 'invalid_body'],
      ['not JSON', '{"category": ', 400, 'invalid_body'],
    ])('%s → %i %s', async (_name, body, status, code) => {
      const res = await post(ctx().publicApp, body);
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
    });

    it('caps the body at 8 KiB (413) and refuses cross-origin posts (403), accepting same-origin ones', async () => {
      const big = await post(ctx().publicApp, { ...GOOD, description: 'x'.repeat(9000) });
      expect([big.status, big.body.error.code]).toEqual([413, 'payload_too_large']);
      const cross = await post(ctx().publicApp, GOOD, { origin: 'https://evil.example' });
      expect([cross.status, cross.body.error.code]).toEqual([403, 'forbidden_origin']);
      const site = await post(ctx().publicApp, GOOD, { 'sec-fetch-site': 'cross-site' });
      expect(site.status).toBe(403);
      const same = await post(ctx().publicApp, GOOD, { origin: 'http://localhost' });
      expect(same.status).toBe(201);
    });

    it('answers a filled honeypot like a success but stores nothing, and counts it', async () => {
      const before = (await pending()).length;
      const hp = await honeypotCount(ctx().store);
      const res = await post(ctx().publicApp, { ...GOOD, website: 'http://spam.example' });
      expect(res.status).toBe(202);
      expect(res.body.folio).toMatch(/^MC-/);
      expect((await pending()).length).toBe(before);
      expect(await honeypotCount(ctx().store)).toBe(hp + 1);
      expect((await getJson(ctx().publicApp, `/api/reports/${res.body.folio}`)).status).toBe(404);
    });

    it('keeps the raw text for moderators only; the folio shows the status, never the text', async () => {
      const withNul = await post(ctx().publicApp, {
        ...GOOD,
        where: { text: 'Metro Pino Su\u0000árez' },
        description: 'a\u0000b',
      });
      expect(withNul.status).toBe(201);
      const text = 'Robo afuera del 55 1234 5678, correo vecino@example.com, auto ABC-123-D <script>alert(1)</script>';
      const { body } = await post(ctx().publicApp, { ...GOOD, description: text });
      const mine = (await pending()).find((r) => r.folio === body.folio);
      expect(mine.description_raw).toBe(text);
      expect(mine.description_redacted).toBe(
        'Robo afuera del [teléfono], correo [correo], auto [placa] <script>alert(1)</script>',
      );
      const pub = await getJson(ctx().publicApp, `/api/reports/${body.folio.toLowerCase()}`);
      expect(pub.status).toBe(200);
      expect(Object.keys(pub.body).sort()).toEqual(['created_at', 'decided_at', 'folio', 'status']);
      expect(pub.body).toMatchObject({ folio: body.folio, status: 'pending' });
      expect((await getJson(ctx().publicApp, '/api/reports/MC-AAAAAAAAAA')).status).toBe(404);
      expect((await getJson(ctx().publicApp, '/api/reports/nope')).status).toBe(404);
    });

    it('lets only moderador and admin moderate: 401 without a token, 403 for mesa', async () => {
      const none = await getJson(ctx().publicApp, '/api/moderation/reports');
      expect([none.status, none.body.error.code]).toEqual([401, 'authentication_required']);
      const mesa = withBearer(
        ctx().publicApp,
        await createToken(ctx().store, { role: 'mesa', name: 'm', territory: ['09015'] }),
      );
      const m = await getJson(mesa, '/api/moderation/reports');
      expect([m.status, m.body.error.code]).toEqual([403, 'forbidden']);
      expect((await getJson(ctx().app, '/api/moderation/reports')).status).toBe(200);
      expect((await getJson(await moderator(), '/api/moderation/reports?status=nope')).status).toBe(400);
    });

    it('approving creates a citizen incident counted in /api/hotspots at the reported cell', async () => {
      const point = { lat: 19.4205, lon: -99.1625 }; // Roma Norte
      const { body } = await post(ctx().publicApp, { ...GOOD, date: '2015-07-04', hour: 22, where: point });
      const cell = latLngToCell(point.lat, point.lon, 9);
      const url = `/api/hotspots?res=9&from=2015-07-01&to=2015-08-01&category=robo_transeunte`;
      const countAt = async () =>
        ((await getJson(ctx().app, url)).body.cells.find((c: any) => c.h3 === cell)?.count ?? 0) as number;
      const before = await countAt();
      const mod = await moderator();
      const res = await mod.request(`/api/moderation/reports/${body.folio}/approve`, { method: 'POST' });
      expect(res.status).toBe(200);
      const approved = (await res.json()) as any;
      expect(await countAt()).toBe(before + 1);
      // source=: the citizen report alone, and the official data without it
      const bySource = async (source: string) =>
        (await getJson(ctx().app, `${url}&source=${source}`)).body.cells as { h3: string; count: number }[];
      expect(await bySource('citizen')).toEqual([{ h3: cell, count: 1 }]);
      expect((await bySource('official')).find((c) => c.h3 === cell)?.count ?? 0).toBe(before);
      expect(await bySource('news,chat')).toEqual([]);
      const bad = await getJson(ctx().app, `${url}&source=rumor`);
      expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_parameter']);
      const compare = await getJson(
        ctx().app,
        '/api/compare?kind=alcaldia&ids=09015&p1=2015-06-01..2015-07-01&p2=2015-07-01..2015-08-01&category=robo_transeunte&source=citizen',
      );
      expect(compare.body.items[0]).toMatchObject({ id: '09015', p1: 0, p2: 1 });
      const series = await getJson(
        ctx().app,
        '/api/areas/alcaldia/09015/series?from=2015-06-01&to=2015-08-01&category=robo_transeunte&source=citizen',
      );
      // the citizen source covers its first … last month in the store: a month outside it is no data, not zero
      const citizen = await ctx()
        .store.db.selectFrom('incidents')
        .select([
          sql<string>`to_char(min(occurred_on), 'YYYY-MM')`.as('first'),
          sql<string>`to_char(max(occurred_on), 'YYYY-MM')`.as('last'),
        ])
        .where('source', '=', 'citizen')
        .executeTakeFirstOrThrow();
      const covered = (period: string) => citizen.first <= period && period <= citizen.last;
      expect(series.body.series).toEqual([
        covered('2015-06') ? { period: '2015-06', count: 0 } : { period: '2015-06', coverage: 'none' },
        { period: '2015-07', count: 1 },
      ]);
      const row = await ctx()
        .store.db.selectFrom('incidents')
        .selectAll()
        .where('id', '=', approved.incident_id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        source_kind: 'citizen',
        source: 'citizen',
        source_record_id: body.folio,
        category: 'robo_transeunte',
        hour: 22,
        alcaldia_2023: '09015',
      });
      expect(String(row.h3_9)).toBe(BigInt(`0x${cell}`).toString());
      expect((await getJson(ctx().publicApp, `/api/reports/${body.folio}`)).body.status).toBe('approved');
      const twice = await mod.request(`/api/moderation/reports/${body.folio}/approve`, { method: 'POST' });
      expect(twice.status).toBe(409);
    });

    it('merges into an existing incident without counting it again, and rejects with a reason', async () => {
      const mod = await moderator();
      const a = (await post(ctx().publicApp, GOOD)).body.folio;
      const b = (await post(ctx().publicApp, GOOD)).body.folio;
      const target = await ctx()
        .store.db.selectFrom('incidents')
        .select('id')
        .orderBy('id')
        .limit(1)
        .executeTakeFirstOrThrow();
      const count = async () =>
        Number(
          (
            await ctx()
              .store.db.selectFrom('incidents')
              .select((e) => e.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      const json = (body: unknown) => ({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const merged = await mod.request(`/api/moderation/reports/${a}/merge`, json({ incident_id: String(target.id) }));
      expect(merged.status).toBe(200);
      expect(await count()).toBe(before);
      expect((await mod.request(`/api/moderation/reports/${b}/merge`, json({ incident_id: '999999999' }))).status).toBe(
        404,
      );
      expect((await mod.request(`/api/moderation/reports/${b}/reject`, json({}))).status).toBe(400);
      const rejected = await mod.request(`/api/moderation/reports/${b}/reject`, json({ reason: 'duplicado' }));
      expect(rejected.status).toBe(200);
      const list = (await getJson(mod, '/api/moderation/reports?status=rejected')).body.reports as any[];
      expect(list.find((r) => r.folio === b)).toMatchObject({
        status: 'rejected',
        decision_reason: 'duplicado',
        decided_by: 'moderador:mod',
      });
      expect((await getJson(ctx().publicApp, `/api/reports/${a}`)).body.status).toBe('merged');
    });

    it('limits reports per IP (429 rate_limited) when configured', async () => {
      const app = createApp({ store: ctx().store, reports: { rateLimit: 2 } });
      expect((await post(app, GOOD)).status).toBe(201);
      expect((await post(app, GOOD)).status).toBe(201);
      const third = await post(app, GOOD);
      expect([third.status, third.body.error.code]).toEqual([429, 'rate_limited']);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  },
  { app: { reports: { rateLimit: 0 } } },
);
