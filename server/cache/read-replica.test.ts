/**
 * Replica routing through the response cache (db/replicas.ts, server/cache): on the harness's
 * PostgreSQL server, a copy of the full import is the primary and a copy of the *empty* store
 * stands in for the replica, so which one answered shows in the body (the harness runs no
 * streaming replica: tests/deploy does, with a real one).
 */
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../db/connect.ts';
import { createIncidentRepository } from '../../db/queries/index.ts';
import { emptyStore, freshStore, type TestStore } from '../../tests/harness/stores.ts';
import { freePort } from '../../tests/harness/postgres-cluster.ts';
import { createApp } from '../app.ts';

const URL_2015 = '/api/hotspots?res=7&from=2015-01-01&to=2015-12-01';

function urlOf(database: string): string {
  const url = new URL(inject('harness:postgres').adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function hotspots(app: { request(path: string): Response | Promise<Response> }, path: string) {
  const res = await app.request(path);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { cells: unknown[] };
  return { cells: body.cells.length, version: res.headers.get('x-data-version'), vary: res.headers.get('vary') };
}

const setVersion = (store: Store, value: string) =>
  store.db.updateTable('meta').set({ value }).where('key', '=', 'data_version').execute();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('read replicas behind the response cache [postgres]', () => {
  let primary: TestStore;
  let replica: TestStore;
  let routed: Store;
  let version: string;
  let primaryCells: number;

  beforeAll(async () => {
    [primary, replica] = await Promise.all([freshStore('postgres'), emptyStore('postgres')]);
    version = await createIncidentRepository(primary).dataVersion();
    await setVersion(replica, version);
    routed = await openStore({ databaseUrl: urlOf(primary.name), replicaUrls: [urlOf(replica.name)] });
    primaryCells = (await hotspots(createApp({ store: primary }), URL_2015)).cells;
  }, 120_000);
  afterAll(async () => {
    await routed?.close();
  });

  it('runs a public read on the replica, with the data version it had and no Vary: Cookie', async () => {
    expect(primaryCells).toBeGreaterThan(0);
    const answer = await hotspots(createApp({ store: routed }), URL_2015);
    expect(answer.cells).toBe(0); // the stand-in replica holds no incidents
    expect(answer.version).toBe(version);
    expect(answer.vary).toBe('Accept-Encoding');
  });

  it('answers from a replica that lags, labelled with its older version, and never caches that answer', async () => {
    const app = createApp({ store: routed });
    const lagging = String(BigInt(version) - 1n);
    await setVersion(replica, lagging);
    await sleep(1100); // the replica's version is re-read at most once a second
    const path = `${URL_2015}&category=robo_transeunte`;
    expect((await hotspots(app, path)).version).toBe(lagging);
    // caught up: the same request is computed again (a cached lagging answer would still say `lagging`)
    await setVersion(replica, version);
    await sleep(1100);
    expect((await hotspots(app, path)).version).toBe(version);
  });

  it('falls back to the primary when the replica refuses connections', async () => {
    const dead = `postgres://postgres@127.0.0.1:${await freePort()}/nothing`;
    const store = await openStore({ databaseUrl: urlOf(primary.name), replicaUrls: [dead] });
    try {
      const app = createApp({ store });
      const answer = await hotspots(app, URL_2015);
      expect(answer.cells).toBe(primaryCells);
      expect(answer.version).toBe(version);
      // marked down: the next request does not try it again
      expect((await hotspots(app, `${URL_2015}&category=robo_transeunte`)).version).toBe(version);
    } finally {
      await store.close();
    }
  });

  it('keeps writes and their reads on the primary (a token created through the routed store works at once)', async () => {
    const { createToken } = await import('../../db/queries/tokens.ts');
    const token = await createToken(routed, { role: 'admin', name: 'replica-test' });
    const res = await createApp({ store: routed }).request(URL_2015, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('vary')).toContain('Cookie');
  });
});
