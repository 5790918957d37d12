/**
 * The audit log over the real SSC sample, on both backends: a liaison's detail requests (cache hits
 * included) are recorded with who, what, which areas and the status; the public and the
 * session/health routes are not; exports are `export`; only admins read the log, page by page.
 * The buffered writer writes nothing until a batch fills or a flush, and everything on close.
 * Group commit: an answer leaves only once its entry is committed (read from the table without a
 * flush), concurrent entries share one INSERT, a store that cannot take them refuses the answer.
 * Login attempts and CSRF refusals are recorded; old entries are purged.
 */
import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { loadCuadrante2016Lookup } from '../../reference/boundaries/index.ts';
import { createToken, hashToken } from '../../db/queries/tokens.ts';
import { insertAuditEntries, listAuditEntries } from '../../db/queries/audit.ts';
import { createUser } from '../../db/queries/accounts.ts';
import { login, sessionAs } from '../../tests/support/accounts.ts';
import { createApp } from '../app.ts';
import { describeApi, getJson } from '../../tests/support/index.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import { AuditLog, areaIdsOf, auditKind, isAuditedPath } from './index.ts';

describeApi('audit log', (ctx) => {
  async function tokenWithId(role: 'enlace' | 'mesa' | 'moderador', territory: string[] = []) {
    const { store } = ctx();
    const token = await createToken(store, {
      role,
      name: `audit-${role}-${Math.random().toString(36).slice(2, 8)}`,
      territory,
    });
    const row = await sql<{
      id: number;
      name: string;
    }>`select id, name from api_tokens where token_sha256 = ${hashToken(token)}`.execute(store.db);
    return { token, id: Number(row.rows[0].id), name: row.rows[0].name, auth: { Authorization: `Bearer ${token}` } };
  }

  /** The busiest 2016 cuadrante of the sample and its alcaldía, from the raw rows and the SSC lookup. */
  function busiestCuadrante() {
    const { sample } = ctx();
    const lookup = loadCuadrante2016Lookup();
    const counts = new Map<string, number>();
    for (const r of sample.rows)
      if (lookup.has(r.cuadrante)) counts.set(r.cuadrante, (counts.get(r.cuadrante) ?? 0) + 1);
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
    const second = await publicApp.request(`${path}?${query}`, {
      headers: { ...liaison.auth, 'If-None-Match': first.headers.get('etag')! },
    });
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
    const exported = await publicApp.request(
      '/api/export/compare.csv?kind=alcaldia&ids=09002,09003&p1=2015-05-01..2015-06-01&p2=2015-06-01..2015-07-01',
      { headers: moderator.auth },
    );
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
    const paths = [
      '/api/categories',
      '/api/rank?kind=alcaldia&from=2015-05-01&to=2015-06-01',
      '/api/compare?kind=alcaldia&ids=09002&p1=2015-05-01..2015-06-01&p2=2015-06-01..2015-07-01',
    ];
    for (const p of paths) await publicApp.request(p, { headers: mesa.auth });
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const page = await getJson(
        app,
        `/api/audit?subject=token:${mesa.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(
        ...page.body.items.map((i: { path: string; query: string }) => `${i.path}${i.query ? `?${i.query}` : ''}`),
      );
      cursor = page.body.next_cursor;
      pages++;
    }
    expect(pages).toBe(2);
    expect(seen).toEqual([...paths].reverse());
    // nothing before a past date, everything from then on (today's requests)
    expect((await getJson(app, `/api/audit?subject=token:${mesa.id}&to=2020-01-01`)).body.items).toEqual([]);
    expect(
      (await getJson(app, `/api/audit?subject=token:${mesa.id}&from=2020-01-01T00:00:00Z`)).body.items,
    ).toHaveLength(3);
  });

  it('buffers entries in memory and writes them in batches, on flush and on close', async () => {
    const { store } = ctx();
    const subject = `test:${Math.random()}`;
    const log = new AuditLog(createRepositories(store).audit, { batchSize: 100, flushMs: 3_600_000 });
    const entry = (i: number) => ({
      at: new Date(),
      subject,
      role: 'enlace',
      name: 'n',
      kind: 'view' as const,
      method: 'GET',
      path: `/api/x/${i}`,
      query: '',
      status: 200,
      area_ids: [],
    });
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

  it('has the entry in the table when the answer arrives (no flush, no wait)', async () => {
    const { publicApp, store } = ctx();
    const mesa = await tokenWithId('mesa', ['09002']);
    const res = await publicApp.request('/api/categories?durable=1', { headers: mesa.auth });
    expect(res.status).toBe(200);
    // read the table directly: `GET /api/audit` would flush first
    const items = (await listAuditEntries(store, { subject: `token:${mesa.id}`, limit: 10 })).items;
    expect(items.map((i) => [i.path, i.query, i.status])).toEqual([['/api/categories', 'durable=1', 200]]);
  });

  it('answers 503 audit_unavailable to signed-in callers when the store cannot take the entry; the public is served', async () => {
    const { store } = ctx();
    const broken = new AuditLog(
      {
        insert: async () => {
          throw new Error('disco lleno');
        },
      },
      { log: () => {} },
    );
    const app = createApp({ store, audit: broken });
    const mesa = await tokenWithId('mesa', ['09002']);
    const refused = await getJson(app, '/api/categories', mesa.auth);
    expect([refused.status, refused.body.error?.code]).toEqual([503, 'audit_unavailable']);
    expect((await app.request('/api/categories')).status).toBe(200);
    expect(broken.pending).toBe(1); // kept for the retry
    await broken.close();
  });

  it('records login attempts (wrong, right, unknown e-mail) with the account, status and client address', async () => {
    const { publicApp, app, store } = ctx();
    const email = `audit-login-${Math.random().toString(36).slice(2, 8)}@example.mx`;
    const user = await createUser(store, {
      email,
      password: 'una-clave-larga-de-prueba',
      role: 'enlace',
      name: 'Enlace bitácora',
      territory: ['09002'],
    });
    expect((await login(publicApp, email, 'otra-clave-equivocada')).res.status).toBe(401);
    expect((await login(publicApp, email, 'una-clave-larga-de-prueba')).res.status).toBe(200);
    const unknown = `nadie-${Math.random().toString(36).slice(2, 8)}@example.mx`;
    expect((await login(publicApp, unknown, 'cualquier-clave')).res.status).toBe(401);
    const mine = (await getJson(app, `/api/audit?subject=${encodeURIComponent(`user:${user.id}`)}`)).body.items;
    expect(
      mine.map((i: { kind: string; method: string; path: string; status: number; role: string }) => [
        i.kind,
        i.method,
        i.path,
        i.status,
        i.role,
      ]),
    ).toEqual([
      ['login', 'POST', '/api/session', 200, 'enlace'],
      ['login', 'POST', '/api/session', 401, 'enlace'],
    ]);
    expect(typeof mine[0].ip).toBe('string');
    const theirs = (await getJson(app, `/api/audit?subject=${encodeURIComponent(`login:${unknown}`)}`)).body.items;
    expect(theirs.map((i: { kind: string; status: number; name: string }) => [i.kind, i.status, i.name])).toEqual([
      ['login', 401, unknown],
    ]);
  });

  it('records a CSRF refusal, even on a route that is not data', async () => {
    const { publicApp, app, store } = ctx();
    const session = await sessionAs(publicApp, store, 'mesa', ['09002']);
    const refused = await getJson(publicApp, '/api/session', session.read); // a read passes
    expect(refused.status).toBe(200);
    const logout = await publicApp.request('/api/session', { method: 'DELETE', headers: session.read });
    expect(logout.status).toBe(403);
    expect(((await logout.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    const items = (await getJson(app, `/api/audit?subject=${encodeURIComponent(`user:${session.user.id}`)}`)).body
      .items;
    expect(
      items.map((i: { kind: string; method: string; path: string; status: number }) => [
        i.kind,
        i.method,
        i.path,
        i.status,
      ]),
    ).toEqual([
      ['csrf', 'DELETE', '/api/session', 403],
      ['login', 'POST', '/api/session', 200],
    ]);
  });

  it('purges entries older than the retention date, and only those', async () => {
    const { store } = ctx();
    const subject = `test:${Math.random()}`;
    const entry = (at: Date, path: string) => ({
      at,
      subject,
      role: 'enlace',
      name: 'n',
      kind: 'view' as const,
      method: 'GET',
      path,
      query: '',
      status: 200,
      area_ids: [],
    });
    const now = Date.now();
    await insertAuditEntries(store, [
      entry(new Date(now - 400 * 86_400_000), '/api/old'),
      entry(new Date(now - 10 * 86_400_000), '/api/recent'),
    ]);
    const purged = await createRepositories(store).audit.purge(new Date(now - 365 * 86_400_000));
    expect(purged).toBeGreaterThanOrEqual(1);
    expect((await listAuditEntries(store, { subject, limit: 10 })).items.map((i) => i.path)).toEqual(['/api/recent']);
  });

  it('stores a request whose path and ids hold NUL, controls or a lone surrogate, and the entries after it', async () => {
    const { publicApp } = ctx();
    const liaison = await tokenWithId('moderador');
    // `%00` in the path decodes to NUL in the area ids: before the fix the whole batch failed and stayed buffered
    expect((await publicApp.request('/api/areas/h3/%00/series', { headers: liaison.auth })).status).toBe(400);
    expect(
      (
        await publicApp.request(
          '/api/compare?kind=h3&ids=a%00b,%01&p1=2015-05-01..2015-06-01&p2=2015-06-01..2015-07-01',
          { headers: liaison.auth },
        )
      ).status,
    ).toBe(400);
    expect((await publicApp.request('/api/health', { headers: liaison.auth })).status).toBe(200);
    expect((await publicApp.request('/api/categories', { headers: liaison.auth })).status).toBe(200);
    const log = new AuditLog(createRepositories(ctx().store).audit, { flushMs: 3_600_000, log: () => {} });
    const subject = `test:${Math.random()}`;
    log.record({
      at: new Date(),
      subject,
      role: 'enlace',
      name: 'n\u0000',
      kind: 'view',
      method: 'GET',
      path: '/api/x',
      query: 'q=\ud800',
      status: 200,
      area_ids: ['\u0000', '\udc00x'],
    });
    log.record({
      at: new Date(),
      subject,
      role: 'enlace',
      name: 'after',
      kind: 'view',
      method: 'GET',
      path: '/api/y',
      query: '',
      status: 200,
      area_ids: [],
    });
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
  expect(areaIdsOf('/api/areas/colonia/09-001%2F2/series', new URLSearchParams('ids=a,b&cuadrante=c'))).toEqual([
    '09-001/2',
    'a',
    'b',
    'c',
  ]);
  // a plenary export's agenda (hand-written ids): its areas are the export's area_ids
  expect(
    areaIdsOf(
      '/api/plenary/pdf',
      new URLSearchParams('areas=cuadrante:C-1.1.1,alcaldia:09015&categories=robo_transeunte&month=2016-01'),
    ),
  ).toEqual(['C-1.1.1', '09015']);
});

it('group commit: concurrent entries share one INSERT and each resolves only once it is committed (hand-written writer)', async () => {
  const inserts: number[] = [];
  let commit!: () => void;
  const writer = {
    insert: (entries: readonly unknown[]) =>
      new Promise<void>((resolve) => {
        inserts.push(entries.length);
        commit = resolve;
      }),
  };
  const log = new AuditLog(writer, { flushMs: 5, batchSize: 100 });
  const entry = {
    at: new Date(),
    subject: 's',
    role: 'mesa',
    name: 'n',
    kind: 'view' as const,
    method: 'GET',
    path: '/api/x',
    query: '',
    status: 200,
    area_ids: [],
  };
  let settled = 0;
  const waits = Array.from({ length: 20 }, () => log.record(entry).then((ok) => (settled++, ok)));
  await new Promise((r) => setTimeout(r, 30));
  expect(inserts).toEqual([20]); // one INSERT for the twenty
  expect(settled).toBe(0); // written but not committed: nobody answered yet
  // entries arriving while that batch is written gather into the next one
  const later = Array.from({ length: 5 }, () => log.record(entry));
  commit();
  expect(await Promise.all(waits)).toEqual(Array(20).fill(true));
  await new Promise((r) => setTimeout(r, 30));
  expect(inserts).toEqual([20, 5]);
  commit();
  expect(await Promise.all(later)).toEqual(Array(5).fill(true));
  // a full batch does not wait for the timer
  const full = new AuditLog(writer, { flushMs: 3_600_000, batchSize: 3 });
  const three = [full.record(entry), full.record(entry), full.record(entry)];
  await new Promise((r) => setTimeout(r, 10));
  expect(inserts).toEqual([20, 5, 3]);
  commit();
  expect(await Promise.all(three)).toEqual([true, true, true]);
});

it('a failed batch resolves its waiters false and is retried until written (hand-written writer)', async () => {
  let fail = true;
  const written: number[] = [];
  const writer = {
    insert: async (entries: readonly unknown[]) => {
      if (fail) throw new Error('sin conexión');
      written.push(entries.length);
    },
  };
  const log = new AuditLog(writer, { flushMs: 1, log: () => {} });
  const entry = {
    at: new Date(),
    subject: 's',
    role: 'mesa',
    name: 'n',
    kind: 'view' as const,
    method: 'GET',
    path: '/api/x',
    query: '',
    status: 200,
    area_ids: [],
  };
  expect(await Promise.all([log.record(entry), log.record(entry)])).toEqual([false, false]);
  expect(log.pending).toBe(2);
  fail = false;
  // a new entry does not wait for the retry's backoff, and takes the two failed ones with it
  expect(await log.record(entry)).toBe(true);
  expect(written).toEqual([3]);
  expect(log.pending).toBe(0);
  await log.close();
});
