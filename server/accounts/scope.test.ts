/**
 * What a session sees: a `mesa` session scoped to one alcaldía gets exact
 * figures inside it and the public figures outside, like a token with the same territory; the
 * response cache never hands a session's answer to the public or the public's to a session; a
 * revoked token stops working at once. Expected counts come from the raw SSC CSV rows.
 */
import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { loadBoundarySets, loadCuadrante2016Lookup } from '../../reference/boundaries/index.ts';
import { createToken } from '../../db/queries/tokens.ts';
import { runCommand } from '../../cli/index.ts';
import { hashToken } from '../../db/queries/tokens.ts';
import { countBy, rowsWhere } from '../../tests/support/expect.ts';
import { describeApi, getJson } from '../../tests/support/index.ts';
import { sessionAs } from '../../tests/support/accounts.ts';

const MONTHS = ['2015-05', '2015-06', '2015-07'];
const K = 3;
const CATEGORY = 'robo_transeunte';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) }, out, err };
}

describeApi('sessions and the privacy policy', (ctx) => {
  /** A 2016 cuadrante with a month of 1 … k−1 thefts (withheld from the public), one in another alcaldía, and the CSV counts. */
  function areas() {
    const lookup = loadCuadrante2016Lookup();
    const rows = rowsWhere(ctx().sample.rows, { categories: [CATEGORY], from: '2015-05-01', to: '2015-08-01' }).filter(
      (r) => lookup.has(r.cuadrante),
    );
    const byCuadrante = new Map<string, Record<string, number>>();
    for (const [id, n] of Object.entries(countBy(rows, (r) => `${r.cuadrante}|${r.date.slice(0, 7)}`))) {
      const [c, m] = id.split('|');
      byCuadrante.set(c, { ...byCuadrante.get(c), [m]: n });
    }
    const [inside, months] = [...byCuadrante]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .find(([, m]) => MONTHS.some((x) => (m[x] ?? 0) > 0 && (m[x] ?? 0) < K))!;
    const alcaldia = lookup.get(inside)!.alcaldiaId;
    const outside = [...byCuadrante.keys()].sort().find((c) => lookup.get(c)!.alcaldiaId !== alcaldia)!;
    return { inside, outside, alcaldia, expected: MONTHS.map((period) => ({ period, count: months[period] ?? 0 })) };
  }
  const seriesUrl = (id: string) =>
    `/api/areas/cuadrante/${encodeURIComponent(id)}/series?vintage=2016&category=${CATEGORY}&from=2015-05-01&to=2015-08-01`;

  it('a mesa session gets exact figures inside its alcaldía (equal to the CSV and to an admin token) and the public view outside', async () => {
    const { app, publicApp, store } = ctx();
    const { inside, outside, alcaldia, expected } = areas();
    const mesa = await sessionAs(publicApp, store, 'mesa', [alcaldia]);

    const admin = await getJson(app, seriesUrl(inside));
    expect(admin.status).toBe(200);
    expect(admin.body.series).toEqual(expected);
    const mine = await getJson(publicApp, seriesUrl(inside), mesa.read);
    expect(mine.status).toBe(200);
    expect(mine.body.access).toBeUndefined();
    expect(mine.body.series).toEqual(expected);

    const pub = await getJson(publicApp, seriesUrl(inside));
    expect(pub.body.access).toBe('public');
    expect(pub.body.series).not.toEqual(expected); // a month of 1 … k−1 is withheld

    const theirsPublic = await getJson(publicApp, seriesUrl(outside));
    const theirs = await getJson(publicApp, seriesUrl(outside), mesa.read);
    expect(theirs.status).toBe(200);
    expect(theirs.body.access).toBe('public');
    expect(theirs.body).toEqual(theirsPublic.body);
    // hexagons are never a territory's: a mesa session gets the public resolutions only
    expect((await getJson(publicApp, '/api/hotspots?res=11&from=2015-05-01&to=2015-08-01', mesa.read)).status).toBe(
      403,
    );
  });

  it('the response cache keeps session and public answers apart: same URL, cookie vs none, in any order; session answers are private and vary by Cookie', async () => {
    const { publicApp, store } = ctx();
    const { inside, alcaldia, expected } = areas();
    const mesa = await sessionAs(publicApp, store, 'mesa', [alcaldia]);
    const url = seriesUrl(inside); // the URL of the test above: its answers are in the cache already
    for (let round = 0; round < 2; round++) {
      const pub = await getJson(publicApp, url);
      expect(pub.body.access, `round ${round}`).toBe('public');
      expect(pub.headers.get('cache-control')).not.toMatch(/private/);
      // the public answer is one for every anonymous caller: a CDN may keep it (no Vary: Cookie)
      expect(pub.headers.get('vary')).not.toMatch(/Cookie/i);
      const own = await getJson(publicApp, url, mesa.read);
      expect(own.body.access, `round ${round}`).toBeUndefined();
      expect(own.body.series).toEqual(expected);
      expect(own.headers.get('cache-control')).toMatch(/private/);
      expect(own.headers.get('vary')).toMatch(/Cookie/);
    }
    // after logout the same cookie gets the public answer, not the cached session one
    const out = await publicApp.request('/api/session', { method: 'DELETE', headers: mesa.write });
    expect(out.status).toBe(200);
    expect((await getJson(publicApp, url, mesa.read)).body.access).toBe('public');
  });

  it('a sector territory names one numbering: detail on its polygon, the public view of the same-named sector of the other numbering', async () => {
    const { publicApp, store } = ctx();
    const sets = loadBoundarySets();
    const features = (kind: string, vintage: number) =>
      sets.find((s) => s.kind === kind && s.vintage === vintage)!.features;
    const [s2016, s2023] = [2016, 2023].map((v) => new Map(features('sector', v).map((f) => [f.id, f])));
    // sector names of both numberings whose polygons differ, from the bundled boundaries
    const shared = [...s2023.keys()]
      .filter(
        (id) => s2016.has(id) && JSON.stringify(s2016.get(id)!.geometry) !== JSON.stringify(s2023.get(id)!.geometry),
      )
      .sort();
    expect(shared.length).toBeGreaterThan(0);
    const name = shared[0]!;
    const auth = {
      Authorization: `Bearer ${await createToken(store, { role: 'enlace', name: 'sector-2023', territory: [`2023:${name}`] })}`,
    };
    const series = (vintage: number) =>
      `/api/areas/sector/${encodeURIComponent(name)}/series?vintage=${vintage}&category=${CATEGORY}&from=2015-05-01&to=2015-08-01`;
    const mine = await getJson(publicApp, series(2023), auth);
    expect(mine.status).toBe(200);
    expect(mine.body.access).toBeUndefined();
    const other = await getJson(publicApp, series(2016), auth);
    expect(other.body.access).toBe('public');
    expect(other.body).toEqual((await getJson(publicApp, series(2016))).body);
    // the patrol sheet (detail only): a cuadrante of the 2023 sector, not one of the 2016 sector of that name
    const cuadranteOf = (vintage: number) => features('cuadrante', vintage).find((f) => f.sectorId === name)!.id;
    const patrol = (vintage: number) =>
      `/api/patrol?vintage=${vintage}&cuadrante=${encodeURIComponent(cuadranteOf(vintage))}&from=2015-05-01&to=2015-08-01`;
    expect((await getJson(publicApp, patrol(2023), auth)).status).toBe(200);
    const refused = await getJson(publicApp, patrol(2016), auth);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'forbidden']);
  });

  it('`token revoke ID` (and `token revoke TOKEN`) makes the token 401 on the next request, memo or not', async () => {
    const { publicApp, store } = ctx();
    const created = capture();
    expect(
      await runCommand(['token', 'create', '--role', 'admin', '--name', 'revocable'], { store, io: created.io }),
    ).toBe(0);
    const token = created.out.join('').trim();
    const auth = { Authorization: `Bearer ${token}` };
    const url = '/api/hotspots?res=11&from=2015-05-01&to=2015-08-01';
    expect((await getJson(publicApp, url, auth)).status).toBe(200);
    expect((await getJson(publicApp, url, auth)).status).toBe(200); // now memoised
    const row = await sql<{ id: number }>`select id from api_tokens where token_sha256 = ${hashToken(token)}`.execute(
      store.db,
    );
    const id = Number(row.rows[0].id);
    const revoked = capture();
    expect(await runCommand(['token', 'revoke', String(id)], { store, io: revoked.io })).toBe(0);
    expect(JSON.parse(revoked.out.join(''))).toEqual({ id, revoked: true });
    const after = await getJson(publicApp, url, auth);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('invalid_token');
    // a second revocation, an unknown id, or no id: exit 2, nothing printed on stdout
    for (const args of [
      ['token', 'revoke', String(id)],
      ['token', 'revoke', '999999'],
      ['token', 'revoke'],
    ]) {
      const c = capture();
      expect(await runCommand(args, { store, io: c.io }), args.join(' ')).toBe(2);
      expect(c.out.join('')).toBe('');
    }
    // by the token itself
    const second = capture();
    await runCommand(['token', 'create', '--role', 'moderador', '--name', 'otro'], { store, io: second.io });
    const other = second.out.join('').trim();
    expect((await getJson(publicApp, '/api/moderation/reports', { Authorization: `Bearer ${other}` })).status).toBe(
      200,
    );
    expect(await runCommand(['token', 'revoke', other], { store, io: capture().io })).toBe(0);
    expect((await getJson(publicApp, '/api/moderation/reports', { Authorization: `Bearer ${other}` })).status).toBe(
      401,
    );
  });
});
