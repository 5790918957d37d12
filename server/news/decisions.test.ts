/**
 * Moderators' decisions on news incidents, both backends: the hand-written clustering articles
 * (tests/fixtures/news-clustering/handwritten.ts) go through the pipeline, a moderator rejects,
 * corrects, detaches and merges, and a second pipeline run over the same articles undoes nothing.
 * The places named below are those the hand-written texts state ("alcaldía Benito Juárez", …);
 * the corrected point is Metro Pantitlán's from the bundled transit file.
 */
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { createToken } from '../../db/queries/tokens.ts';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import { getJson, withBearer } from '../../tests/support/index.ts';
import { TUNING } from '../../tests/fixtures/news-clustering/handwritten.ts';
import { handwrittenUrl, processHandwritten } from '../../tests/support/news/handwritten-feed.ts';
import { loadTransit } from '../../reference/transit/index.ts';
import { createApp } from '../app.ts';

const MARCH = 'from=2024-03-01&to=2024-04-01';
const byId = (id: string) => TUNING.find((a) => a.id === id)!;

describeEachBackend('news decisions', (getStore) => {
  let app: Hono;
  let moderator: Hono;
  const post = async (client: Hono, path: string, body: unknown) => {
    const r = await client.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as any };
  };
  const incidentOf = async (articleId: string) => {
    const row = await getStore()
      .db.selectFrom('news_articles')
      .select('incident_id')
      .where('url', '=', handwrittenUrl(byId(articleId)))
      .executeTakeFirstOrThrow();
    return row.incident_id === null ? null : String(row.incident_id);
  };
  const listed = async (alcaldia: string) =>
    (await getJson(moderator, `/api/news/incidents?kind=alcaldia&id=${alcaldia}&${MARCH}`)).body.incidents as any[];
  const urlsOf = (incident: any) => incident.sources.map((s: any) => s.url).sort();

  beforeAll(async () => {
    await processHandwritten(getStore(), TUNING);
    app = createApp({ store: getStore() });
    moderator = withBearer(app, await createToken(getStore(), { role: 'moderador', name: 't' }));
  });

  it('lets only moderators decide', async () => {
    const id = (await incidentOf('t07'))!;
    expect((await post(app, `/api/news/incidents/${id}/reject`, { reason: 'x' })).status).toBe(401);
    const mesa = withBearer(app, await createToken(getStore(), { role: 'mesa', name: 'm', territory: ['09014'] }));
    const refused = await post(mesa, `/api/news/incidents/${id}/reject`, { reason: 'x' });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'forbidden']);
  });

  it('rejects an incident: it leaves the area list, its article stays on record', async () => {
    const id = (await incidentOf('t07'))!;
    expect((await listed('09014')).some((i) => i.id === id)).toBe(true);
    const r = await post(moderator, `/api/news/incidents/${id}/reject`, { reason: 'nota sin hecho verificable' });
    expect(r.status).toBe(200);
    expect((await listed('09014')).some((i) => i.id === id)).toBe(false);
    const article = await getStore()
      .db.selectFrom('news_articles')
      .select(['status', 'reason'])
      .where('url', '=', handwrittenUrl(byId('t07')))
      .executeTakeFirstOrThrow();
    expect(article).toEqual({ status: 'not_incident', reason: 'rejected_by_moderator' });
  });

  it('corrects category and point: the incident keeps its id and moves to the alcaldía of the new point', async () => {
    const id = (await incidentOf('t09'))!;
    const pantitlan = loadTransit().stations.find((s) => s.system === 'metro' && s.name === 'Pantitlán')!;
    const r = await post(moderator, `/api/news/incidents/${id}/correct`, {
      category: 'robo_negocio',
      lat: pantitlan.lat,
      lon: pantitlan.lon,
    });
    expect(r.status).toBe(200);
    expect((await listed('09015')).some((i) => i.id === id)).toBe(false);
    const moved = (await listed('09017')).find((i) => i.id === id);
    expect(moved).toMatchObject({
      category: 'robo_negocio',
      location_precision: 'point',
      lat: pantitlan.lat,
      lon: pantitlan.lon,
    });
  });

  it('detaches a wrongly joined article; the origin cannot be detached', async () => {
    const id = (await incidentOf('t01'))!;
    expect(await incidentOf('t02')).toBe(id);
    const origin = await getStore()
      .db.selectFrom('news_articles')
      .select('id')
      .where('url', '=', handwrittenUrl(byId('t01')))
      .executeTakeFirstOrThrow();
    const joined = await getStore()
      .db.selectFrom('news_articles')
      .select('id')
      .where('url', '=', handwrittenUrl(byId('t02')))
      .executeTakeFirstOrThrow();
    const refused = await post(moderator, `/api/news/incidents/${id}/detach`, { article_id: String(origin.id) });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'origin_article']);
    const r = await post(moderator, `/api/news/incidents/${id}/detach`, { article_id: String(joined.id) });
    expect(r.status).toBe(200);
    // t02 names no place the geocoder resolves by itself: detached, it is no incident of its own
    expect(r.body.new_incident_id).toBeNull();
    const incident = (await listed('09017')).find((i) => i.id === id);
    expect(urlsOf(incident)).toEqual([handwrittenUrl(byId('t01'))]);
  });

  it('merges two incidents into one with every article as a source', async () => {
    const [from, into] = [(await incidentOf('t25'))!, (await incidentOf('t24'))!];
    expect(from).not.toBe(into);
    expect((await post(moderator, `/api/news/incidents/${into}/merge`, { into })).status).toBe(400);
    const r = await post(moderator, `/api/news/incidents/${from}/merge`, { into });
    expect(r.status).toBe(200);
    expect((await listed('09007')).some((i) => i.id === from)).toBe(false);
    const merged = (await listed('09003')).find((i) => i.id === into);
    expect(urlsOf(merged)).toEqual(['t24', 't25', 't26'].map((a) => handwrittenUrl(byId(a))).sort());
  });

  it('a second pipeline run over the same articles undoes no decision', async () => {
    const outcomes = await processHandwritten(getStore(), TUNING);
    expect(new Set(outcomes.values())).toEqual(new Set(['unchanged']));
    expect(await incidentOf('t07')).toBeNull();
    const corrected = await incidentOf('t09');
    expect((await listed('09017')).find((i) => i.id === corrected)?.category).toBe('robo_negocio');
    expect(await incidentOf('t02')).toBeNull();
    expect(await incidentOf('t25')).toBe(await incidentOf('t24'));
    const decisions = await getStore()
      .db.selectFrom('news_decisions')
      .select(['action', 'decided_by'])
      .orderBy('id')
      .execute();
    expect(decisions).toEqual(
      ['reject', 'correct', 'detach', 'merge'].map((action) => ({ action, decided_by: 'moderador:t' })),
    );
  });

  it('refuses bad decisions with a code', async () => {
    const id = (await incidentOf('t13'))!;
    const cases: [string, unknown, number, string][] = [
      [`/api/news/incidents/999999999/reject`, { reason: 'x' }, 404, 'not_found'],
      [`/api/news/incidents/abc/reject`, { reason: 'x' }, 404, 'not_found'],
      [`/api/news/incidents/${id}/reject`, {}, 400, 'invalid_body'],
      [`/api/news/incidents/${id}/correct`, { lat: 19.4 }, 400, 'invalid_body'],
      [`/api/news/incidents/${id}/correct`, { category: 'no_existe' }, 400, 'invalid_body'],
      // Toluca, Estado de México
      [`/api/news/incidents/${id}/correct`, { lat: 19.2826, lon: -99.6557 }, 400, 'invalid_body'],
      [`/api/news/incidents/${id}/detach`, { article_id: '999999999' }, 404, 'not_found'],
    ];
    for (const [path, body, status, code] of cases) {
      const r = await post(moderator, path, body);
      expect([path, r.status, r.body.error?.code]).toEqual([path, status, code]);
    }
  });
});
