/**
 * /api/news/incidents on both backends: the hand-written clustering articles
 * (tests/fixtures/news-clustering/handwritten.ts) go through the news pipeline's own
 * `processArticle` into a copy of the full import; the expected incidents and sources come from the
 * fixture's event labels and from the station file (Pantitlán lies in Venustiano Carranza, 09017).
 */
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { createToken } from '../../db/queries/tokens.ts';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import { getJson, withBearer } from '../../tests/support/index.ts';
import { TUNING } from '../../tests/fixtures/news-clustering/handwritten.ts';
import { processHandwritten } from '../../tests/support/news/handwritten-feed.ts';
import { booleanPointInPolygon } from '@turf/turf';
import { loadTransit } from '../../reference/transit/index.ts';
import { loadBoundarySets } from '../../reference/boundaries/index.ts';
import { createApp } from '../app.ts';

const MARCH = 'from=2024-03-01&to=2024-04-01';
const url = (kind: string, id: string, extra = '') => `/api/news/incidents?kind=${kind}&id=${id}&${MARCH}${extra}`;

describeEachBackend('GET /api/news/incidents', (getStore) => {
  let app: Hono;
  let admin: Hono;
  const pantitlanAlcaldia = () => {
    const station = loadTransit().stations.find((s) => s.system === 'metro' && s.name === 'Pantitlán');
    if (!station) throw new Error('Pantitlán missing from the station file');
    const alcaldias = loadBoundarySets().find((s) => s.kind === 'alcaldia')!.features;
    return alcaldias.find((f) => booleanPointInPolygon([station.lon, station.lat], f.geometry))?.id;
  };

  beforeAll(async () => {
    const store = getStore();
    await processHandwritten(store, TUNING);
    app = createApp({ store });
    admin = withBearer(app, await createToken(store, { role: 'admin', name: 'tests' }));
  });

  it('lists the event at Metro Pantitlán once, with both outlets as its sources and the sentence that placed it', async () => {
    const alcaldia = pantitlanAlcaldia() ?? 'none';
    expect(alcaldia).toBe('09017');
    const { status, body } = await getJson(admin, url('alcaldia', alcaldia));
    expect(status).toBe(200);
    const e1 = TUNING.filter((a) => a.event === 'E1');
    const incident = body.incidents.find((i: any) => i.sources.some((s: any) => s.url.endsWith('/t01')));
    expect(incident).toBeDefined();
    expect(incident.sources.map((s: any) => s.outlet).sort()).toEqual(e1.map((a) => a.outlet).sort());
    expect(incident.sources.map((s: any) => s.title).sort()).toEqual(e1.map((a) => a.title).sort());
    expect(incident.sources[0].relation).toBe('origin');
    expect(incident.sources[1].relation).toBe('same_event');
    expect(incident.sources[0].placing_sentence).toContain('Pantitlán');
    expect(incident.sources[0].precision).toBe('station');
    expect(incident.occurred_on).toBe('2024-03-04');
    expect(body.total).toBe(body.incidents.length);
  });

  it('answers a moderator and a mesa inside its territory; refuses the public and a mesa elsewhere', async () => {
    const store = getStore();
    const as = async (role: 'mesa' | 'moderador', territory: string[] = []) =>
      withBearer(app, await createToken(store, { role, name: 't', territory }));
    expect((await getJson(await as('moderador'), url('alcaldia', '09017'))).status).toBe(200);
    expect((await getJson(await as('mesa', ['09017']), url('alcaldia', '09017'))).status).toBe(200);
    const outside = await getJson(await as('mesa', ['09015']), url('alcaldia', '09017'));
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe('forbidden');
    const anonymous = await getJson(app, url('alcaldia', '09017'));
    expect(anonymous.status).toBe(403);
    expect(anonymous.body.error.code).toBe('forbidden');
    expect(JSON.stringify(anonymous.body)).not.toContain('Pantitl');
  });

  it('keeps a syndicated copy as a source of the same incident, never as a second one', async () => {
    const { body } = await getJson(admin, url('alcaldia', '09007'));
    const copies = body.incidents.filter((i: any) => i.sources.some((s: any) => /\/t0[56]$/.test(s.url)));
    expect(copies).toHaveLength(1);
    expect(copies[0].sources.map((s: any) => s.relation).sort()).toEqual(['origin', 'same_story']);
  });

  it('lists the whole city for moderators, each incident with its alcaldía; a mesa and the public are refused', async () => {
    const store = getStore();
    const moderator = withBearer(app, await createToken(store, { role: 'moderador', name: 'm' }));
    const city = await getJson(moderator, `/api/news/incidents?${MARCH}&limit=200`);
    expect(city.status).toBe(200);
    expect(city.body.area).toBeNull();
    // a moderator's decision must show on the next look: browsers revalidate instead of reusing it
    const headers = (await moderator.request(`/api/news/incidents?${MARCH}`)).headers;
    expect(headers.get('cache-control')).toBe('private, no-cache');
    // every area list of March is part of the city list: the sum over the 16 alcaldías
    const alcaldias = loadBoundarySets().find((s) => s.kind === 'alcaldia')!.features;
    let perAlcaldia = 0;
    for (const f of alcaldias) perAlcaldia += (await getJson(admin, url('alcaldia', String(f.id)))).body.total;
    expect(city.body.total).toBeGreaterThanOrEqual(perAlcaldia);
    expect(perAlcaldia).toBeGreaterThan(0);
    const pantitlan = city.body.incidents.find((i: any) => i.sources.some((s: any) => s.url.endsWith('/t01')));
    expect(pantitlan.alcaldia_id).toBe(pantitlanAlcaldia());
    const dates = city.body.incidents.map((i: any) => i.occurred_on);
    expect(dates).toEqual([...dates].sort().reverse());
    const mesa = withBearer(app, await createToken(store, { role: 'mesa', name: 'm', territory: ['09017'] }));
    for (const who of [mesa, app]) {
      const r = await getJson(who, `/api/news/incidents?${MARCH}`);
      expect([r.status, r.body.error?.code]).toEqual([403, 'forbidden']);
      expect(JSON.stringify(r.body)).not.toContain('Pantitl');
    }
  });

  it('refuses bad parameters with a code', async () => {
    const cases: [string, number, string][] = [
      ['/api/news/incidents?kind=h3&id=8849a', 400, 'invalid_kind'],
      ['/api/news/incidents?kind=alcaldia', 400, 'invalid_parameter'],
      ['/api/news/incidents?id=09017', 400, 'invalid_kind'],
      ['/api/news/incidents?kind=alcaldia&id=99999', 404, 'unknown_area'],
      [url('alcaldia', '09017', '&limit=0'), 400, 'invalid_parameter'],
      [url('alcaldia', '09017', '&limit=201'), 400, 'invalid_parameter'],
    ];
    for (const [path, status, code] of cases) {
      const r = await getJson(admin, path);
      expect([path, r.status, r.body.error?.code]).toEqual([path, status, code]);
    }
  });
});
