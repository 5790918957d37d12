import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DataVersion } from './index.ts';
import { LruCache, matchesEtag, normaliseUrl } from './index.ts';
import { createAdminApp, describeApi, getJson } from '../../tests/support/index.ts';
import { createToken } from '../../db/queries/tokens.ts';
import { incidentDeltaStatements } from '../../db/incidents/aggregates.ts';

describe('cache helpers', () => {
  it('normalises the query order', () => {
    expect(normaliseUrl('http://x/api/h?to=2&from=1&res=8')).toBe(normaliseUrl('http://x/api/h?res=8&from=1&to=2'));
    expect(normaliseUrl('http://x/api/h?res=8')).not.toBe(normaliseUrl('http://x/api/h?res=9'));
  });
  it('evicts the least recently used entry by count and by bytes', () => {
    const lru = new LruCache<{ bytes: number }>(2, 100);
    lru.set('a', { bytes: 10 });
    lru.set('b', { bytes: 10 });
    lru.get('a');
    lru.set('c', { bytes: 10 });
    expect([lru.get('a'), lru.get('b'), lru.get('c')].map(Boolean)).toEqual([true, false, true]);
    lru.set('d', { bytes: 95 });
    expect(lru.size).toBe(1);
    lru.set('huge', { bytes: 101 });
    expect(lru.get('huge')).toBeUndefined();
  });
  it('matches If-None-Match lists, weak tags and *', () => {
    expect(matchesEtag('"a", W/"b"', '"b"')).toBe(true);
    expect(matchesEtag('*', '"z"')).toBe(true);
    expect(matchesEtag('"a"', '"b"')).toBe(false);
    expect(matchesEtag(undefined, '"b"')).toBe(false);
  });
});

const URL_ = '/api/hotspots?res=6&from=2015-06-01&to=2015-07-01';
const total = (body: { cells: { count: number }[] }) => body.cells.reduce((s, c) => s + c.count, 0);

describeApi('response cache', (ctx) => {
  it('answers 304 to a matching If-None-Match, with the same ETag', async () => {
    const { app } = ctx();
    const first = await app.request(URL_);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const again = await app.request(URL_, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
  });

  it('serves identical requests from the cache until the data version changes', async () => {
    const { store } = ctx();
    const dataVersion = new DataVersion(
      async () =>
        (await store.db.selectFrom('meta').select('value').where('key', '=', 'data_version').executeTakeFirstOrThrow())
          .value,
      60_000,
    );
    const app = createAdminApp({ store, dataVersion });
    const before = await getJson(app, URL_);
    // a write that does not bump the version is not seen: the answer comes from the cache
    const copied = await sql<{
      id: string;
    }>`insert into incidents (source_kind, source, source_record_id, occurred_on, month, dow, time_precision, category, original_label, location_precision, lat, lon, h3_6)
      select source_kind, source, 'copy-' || source_record_id, occurred_on, month, dow, time_precision, category, original_label, location_precision, lat, lon, h3_6
      from incidents where occurred_on >= '2015-06-01' and occurred_on < '2015-07-01' and h3_6 is not null returning id`.execute(
      store.db,
    );
    // the maintained aggregates of the copied rows, as the write port would add them (still no version bump)
    for (const statement of incidentDeltaStatements(
      copied.rows.map((r) => String(r.id)),
      1,
    ))
      await sql.raw(statement).execute(store.db);
    const cached = await getJson(app, URL_.replace('res=6&from=2015-06-01', 'from=2015-06-01&res=6'));
    expect(cached.body).toEqual(before.body);
    expect(cached.headers.get('etag')).toBe(before.headers.get('etag'));
    // an import bumps the version; invalidate() makes the next request see it
    await store.db
      .updateTable('meta')
      .set({ value: sql`(value::int + 1)::text` })
      .where('key', '=', 'data_version')
      .execute();
    dataVersion.invalidate();
    const fresh = await getJson(app, URL_);
    expect(total(fresh.body)).toBe(2 * total(before.body));
    expect(fresh.headers.get('etag')).not.toBe(before.headers.get('etag'));
  });

  it('keys answers by the caller: a public request after an admin one gets the public answer, and back', async () => {
    const { app, publicApp, store } = ctx();
    // a fine resolution: the admin sees it, the public must be refused even once it is cached
    const fine = '/api/hotspots?res=10&from=2015-06-01&to=2015-07-01';
    const admin = await getJson(app, fine);
    expect(admin.status).toBe(200);
    expect(admin.body.cells.length).toBeGreaterThan(0);
    expect(admin.headers.get('cache-control')).toMatch(/^private/);
    expect(admin.headers.get('vary')).toMatch(/Authorization/);
    const anonymous = await getJson(publicApp, fine);
    expect(anonymous.status).toBe(403);
    expect(anonymous.body.error.code).toBe('forbidden_resolution');
    // same URL both can see: different bodies for different classes, each replayed only to its own class
    const adminAgg = await getJson(app, URL_);
    const publicAgg = await getJson(publicApp, URL_);
    expect(publicAgg.body.access).toBe('public');
    expect(adminAgg.body.access).toBeUndefined();
    expect(publicAgg.body).not.toEqual(adminAgg.body);
    expect(publicAgg.headers.get('cache-control')).toMatch(/^public/);
    // the admin's ETag replayed by a public caller is not honoured: the public body comes back
    const replay = await publicApp.request(URL_, { headers: { 'If-None-Match': adminAgg.headers.get('etag')! } });
    expect(replay.status).toBe(200);
    expect((await replay.json()).access).toBe('public');
    // a territory role is its own class
    const mesa = await createToken(store, { role: 'mesa', name: 'cache-test', territory: ['09015'] });
    const mesaAgg = await getJson(publicApp, URL_, { Authorization: `Bearer ${mesa}` });
    expect(mesaAgg.body).toEqual(publicAgg.body); // hexagons: mesa gets the public hexagons
    expect(mesaAgg.headers.get('cache-control')).toMatch(/^private/);
    expect((await getJson(app, URL_)).body).toEqual(adminAgg.body);
  });

  it('never caches errors', async () => {
    const res = await ctx().app.request('/api/hotspots?res=99');
    expect(res.status).toBe(400);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('etag')).toBeNull();
  });
});
