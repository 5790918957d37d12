/**
 * The audit log over the real SSC sample, on both backends: a liaison's detail requests (cache hits
 * included) are recorded with who, what, which areas and the status; the public and the
 * session/health routes are not; exports are `export`; only admins read the log, page by page.
 * The buffered writer writes nothing until a batch fills or a flush, and everything on close.
 */
import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { loadCuadrante2016Lookup } from '../../reference/boundaries/index.ts';
import { createToken, hashToken } from '../../db/queries/tokens.ts';
import { listAuditEntries } from '../../db/queries/audit.ts';
import { describeApi, getJson } from '../../tests/support/index.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import { AuditLog, areaIdsOf, auditKind, isAuditedPath } from './index.ts';

describeApi('audit log', (ctx) => {
  async function tokenWithId(role: 'enlace' | 'mesa' | 'moderador', territory: string[] = []) {
    const { store } = ctx();
    const token = await createToken(store, { role, name: `audit-${role}-${Math.random().toString(36).slice(2, 8)}`, territory });
    const row = await sql<{ id: number; name: string }>`select id, name from api_tokens where token_sha256 = ${hashToken(token)}`.execute(store.db);
    return { token, id: Number(row.rows[0].id), name: row.rows[0].name, auth: { Authorization: `Bearer ${token}` } };
  }

  /** The busiest 2016 cuadrante of the sample and its alcaldía, from the raw rows and the SSC lookup. */
  function busiestCuadrante() {
    const { sample } = ctx();
    const lookup = loadCuadrante2016Lookup();
    const counts = new Map<string, number>();
    for (const r of sample.rows) if (lookup.has(r.cuadrante)) counts.set(r.cuadrante, (counts.get(r.cuadrante) ?? 0) + 1);
    const [id] = [...counts].sort((a, b) => b[1] - a[1])[0];
    return { id, alcaldia: lookup.get(id)!.alcaldiaId };
  }

  it('records a liaison’s detail views, cache hits included, with subject, role, path, query, status and area', async () => {
    const { publicApp, app } = ctx();
    const { id: cuadrante, alcaldia } = busiestCuadrante();
    const liaison = await tokenWithId('enlace', [alcaldia]);
    const path = `/api/areas/cuadrante/${encodeURIComponent(cuadrante)}/series`;
    const query = 'vintage=2016&from=2015-05-01&to=2015-08-01';
    const first = await publicApp.request(`${path}?${query}`, { headers: liaison.auth });
    expect(first.status).toBe(200);
    // the same request again, revalidated: the response cache answers 304 without the handler
    const second = await publicApp.request(`${path}?${query}`, { headers: { ...liaison.auth, 'If-None-Match': first.headers.get('etag')! } });
    expect(second.status).toBe(304);
    // not data: health and session; and the public is never logged
    await publicApp.request('/api/health', { headers: liaison.auth });
    await publicApp.request('/api/session', { headers: liaison.auth });
    await publicApp.request(`${path}?${query}`);

    const log = await getJson(app, `/api/audit?subject=${encodeURIComponent(`token:${liaison.id}`)}`);
    expect(log.status).toBe(200);
    expect(log.headers.get('cache-control')).toBe('no-store');
    expect(log.body.next_cursor).toBeNull();
    expect(log.body.items.map((i: { status: number }) => i.status)).toEqual([304, 200]); // newest first
    for (const item of log.body.items) {
      expect(item).toMatchObject({
        subject: `token:${liaison.id}`,
        role: 'enlace',
        name: liaison.name,
        kind: 'view',
        method: 'GET',
        path,
        query,
        area_ids: [cuadrante],
      });
      expect(Date.parse(item.at)).not.toBeNaN();
    }
  });

  it('marks exports and plenary files as exports, and records failed requests with their status', async () => {
    const { publicApp, app } = ctx();
    const moderator = await tokenWithId('moderador');
    const exported = await publicApp.request('/api/export/compare.csv?kind=alcaldia&ids=09002,09003&p1=2015-05-01..2015-06-01&p2=2015-06-01..2015-07-01', { headers: moderator.auth });
    const plenary = await publicApp.request('/api/plenary/pdf?agenda=x', { headers: moderator.auth });
    const bad = await publicApp.request('/api/hotspots?res=99', { headers: moderator.auth });
    expect(bad.status).toBe(400);
    const log = await getJson(app, `/api/audit?subject=token:${moderator.id}`);
    const items = log.body.items as { kind: string; path: string; status: number; area_ids: string[]; query: string }[];
    expect(items.map((i) => [i.kind, i.path, i.status])).toEqual([
      ['view', '/api/hotspots', 400],
      ['export', '/api/plenary/pdf', plenary.status],
      ['export', '/api/export/compare.csv', exported.status],
    ]);
    expect(items[2].area_ids).toEqual(['09002', '09003']);
    expect(items[0].query).toBe('res=99');
  });

  it('is readable by admins only: 401 without credentials, 403 for other roles, 400 for bad parameters', async () => {
    const { publicApp, app } = ctx();
    const liaison = await tokenWithId('enlace', ['09002']);
    expect((await getJson(publicApp, '/api/audit')).body.error.code).toBe('authentication_required');
    expect((await getJson(publicApp, '/api/audit')).status).toBe(401);
    const forbidden = await getJson(publicApp, '/api/audit', liaison.auth);
    expect([forbidden.status, forbidden.body.error.code]).toEqual([403, 'forbidden']);
    for (const [query, code] of [
      ['limit=0', 'invalid_parameter'],
      ['limit=abc', 'invalid_parameter'],
      ['cursor=x1', 'invalid_parameter'],
      ['from=2015-02-30', 'invalid_date'],
      ['from=2020-01-02&to=2020-01-01', 'invalid_range'],
    ]) {
      const r = await getJson(app, `/api/audit?${query}`);
      expect([query, r.status, r.body.error.code]).toEqual([query, 400, code]);
    }
  });

  it('pages newest first with a cursor and filters by time', async () => {
    const { publicApp, app } = ctx();
    const mesa = await tokenWithId('mesa', ['09002']);
    const paths = ['/api/categories', '/api/rank?kind=alcaldia&from=2015-05-01&to=2015-06-01', '/api/compare?kind=alcaldia&ids=09002&p1=2015-05-01..2015-06-01&p2=2015-06-01..2015-07-01'];
    for (const p of paths) await publicApp.request(p, { headers: mesa.auth });
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const page = await getJson(app, `/api/audit?subject=token:${mesa.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((i: { path: string; query: string }) => `${i.path}${i.query ? `?${i.query}` : ''}`));
      cursor = page.body.next_cursor;
      pages++;
    }
    expect(pages).toBe(2);
    expect(seen).toEqual([...paths].reverse());
    // nothing before a past date, everything from then on (today's requests)
    expect((await getJson(app, `/api/audit?subject=token:${mesa.id}&to=2020-01-01`)).body.items).toEqual([]);
    expect((await getJson(app, `/api/audit?subject=token:${mesa.id}&from=2020-01-01T00:00:00Z`)).body.items).toHaveLength(3);
  });

  it('buffers entries in memory and writes them in batches, on flush and on close', async () => {
    const { store } = ctx();
    const subject = `test:${Math.random()}`;
    const log = new AuditLog(createRepositories(store).audit, { batchSize: 100, flushMs: 3_600_000 });
    const entry = (i: number) => ({ at: new Date(), subject, role: 'enlace', name: 'n', kind: 'view' as const, method: 'GET', path: `/api/x/${i}`, query: '', status: 200, area_ids: [] });
    const stored = async () => (await listAuditEntries(store, { subject, limit: 1000 })).items.length;
    for (let i = 0; i < 99; i++) log.record(entry(i));
    expect(log.pending).toBe(99);
    expect(await stored()).toBe(0); // under a batch and long before the timer: still in memory
    log.record(entry(99)); // a full batch is written at once
    await log.flush();
    expect(await stored()).toBe(100);
    for (let i = 100; i < 150; i++) log.record(entry(i));
    await log.close();
    expect(log.pending).toBe(0);
    expect(await stored()).toBe(150);
  });

  it('stores a request whose path and ids hold NUL, controls or a lone surrogate, and the entries after it', async () => {
    const { publicApp } = ctx();
    const liaison = await tokenWithId('moderador');
    // `%00` in the path decodes to NUL in the area ids: before the fix the whole batch failed and stayed buffered
    expect((await publicApp.request('/api/areas/h3/%00/series', { headers: liaison.auth })).status).toBe(400);
    expect((await publicApp.request('/api/compare?kind=h3&ids=a%00b,%01&p1=2015-05-01..2015-06-01&p2=2015-06-01..2015-07-01', { headers: liaison.auth })).status).toBe(400);
    expect((await publicApp.request('/api/health', { headers: liaison.auth })).status).toBe(200);
    expect((await publicApp.request('/api/categories', { headers: liaison.auth })).status).toBe(200);
    const log = new AuditLog(createRepositories(ctx().store).audit, { flushMs: 3_600_000, log: () => {} });
    const subject = `test:${Math.random()}`;
    log.record({ at: new Date(), subject, role: 'enlace', name: 'n\u0000', kind: 'view', method: 'GET', path: '/api/x', query: 'q=\ud800', status: 200, area_ids: ['\u0000', '\udc00x'] });
    log.record({ at: new Date(), subject, role: 'enlace', name: 'after', kind: 'view', method: 'GET', path: '/api/y', query: '', status: 200, area_ids: [] });
    await log.close();
    expect(log.pending).toBe(0);
    const items = (await listAuditEntries(ctx().store, { subject, limit: 10 })).items;
    expect(items.map((i) => [i.name, i.query, i.area_ids])).toEqual([
      ['after', '', []],
      ['n\ufffd', 'q=\ufffd', ['\ufffd', '\ufffdx']],
    ]);
    // the app's own log wrote the NUL requests too (it flushes within a second)
    await new Promise((r) => setTimeout(r, 1500));
    const mine = await getJson(ctx().app, `/api/audit?subject=${encodeURIComponent(`token:${liaison.id}`)}`);
    expect(mine.body.items.map((i: { path: string; area_ids: string[] }) => [i.path, i.area_ids])).toEqual([
      ['/api/categories', []],
      ['/api/compare', ['a\ufffdb', '\ufffd']],
      ['/api/areas/h3/%00/series', ['\ufffd']],
    ]);
  });
});

it('classifies paths: data routes, export kinds, area ids', () => {
  expect(isAuditedPath('/api/hotspots')).toBe(true);
  expect(isAuditedPath('/api/session')).toBe(false);
  expect(isAuditedPath('/api/health')).toBe(false);
  expect(isAuditedPath('/api/sessions')).toBe(true);
  expect(isAuditedPath('/assets/index.js')).toBe(false);
  expect(auditKind('/api/export/rank.csv')).toBe('export');
  expect(auditKind('/api/plenary/png')).toBe('export');
  expect(auditKind('/api/patrol')).toBe('view');
  expect(areaIdsOf('/api/areas/colonia/09-001%2F2/series', new URLSearchParams('ids=a,b&cuadrante=c'))).toEqual(['09-001/2', 'a', 'b', 'c']);
  // a plenary export's agenda (hand-written ids): its areas are the export's area_ids
  expect(areaIdsOf('/api/plenary/pdf', new URLSearchParams('areas=cuadrante:C-1.1.1,alcaldia:09015&categories=robo_transeunte&month=2016-01'))).toEqual(['C-1.1.1', '09015']);
});
