/**
 * Accounts over HTTP: login, the cookie, CSRF, logout, lockout, invitations and
 * admin listing, against the real app on both backends.
 */
import { expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Hono } from 'hono';
import { createUser } from '../../db/queries/accounts.ts';
import { createApp } from '../app.ts';
import { describeApi } from '../../tests/support/index.ts';
import { login } from '../../tests/support/accounts.ts';

const PASSWORD = 'correcto-caballo-bateria';
const JSON_HEADERS = { 'content-type': 'application/json' };

describeApi('accounts: sessions, CSRF, lockout, invitations', (ctx) => {
  it('logs in with the right password: user without hash, csrf token, an HttpOnly SameSite=Lax cookie, Secure only behind HTTPS', async () => {
    const { publicApp, store } = ctx();
    const user = await createUser(store, {
      email: '  Ana.Mesa@Example.MX ',
      password: PASSWORD,
      role: 'moderador',
      name: 'Ana',
    });
    expect(user.email).toBe('ana.mesa@example.mx');
    const a = await login(publicApp, 'ANA.MESA@example.mx', PASSWORD);
    expect(a.res.status).toBe(200);
    expect(a.body).toEqual({
      user: { id: user.id, email: 'ana.mesa@example.mx', name: 'Ana', role: 'moderador', territory: [] },
      csrf_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(JSON.stringify(a.body)).not.toMatch(/scrypt|hash/);
    expect(a.setCookie).toMatch(/^mc_session=[A-Za-z0-9_-]{43};/);
    expect(a.setCookie).toMatch(/; HttpOnly/);
    expect(a.setCookie).toMatch(/; SameSite=Lax/);
    expect(a.setCookie).toMatch(/; Path=\//);
    expect(a.setCookie).not.toMatch(/Secure/);
    expect(a.res.headers.get('cache-control')).toBe('no-store');
    // the store keeps no session id, only its HMAC
    const stored = await sql<{ id_hash: string }>`select id_hash from sessions`.execute(store.db);
    expect(stored.rows.map((r) => r.id_hash)).not.toContain(a.cookie!.slice('mc_session='.length));
    // behind a TLS-terminating proxy trusted by TRUST_PROXY, or over https directly: Secure
    const proxied = createApp({ store, security: { trustProxy: 'loopback' } });
    const viaProxy = await proxied.request(
      '/api/session',
      {
        method: 'POST',
        headers: { ...JSON_HEADERS, 'x-forwarded-proto': 'https' },
        body: JSON.stringify({ email: 'ana.mesa@example.mx', password: PASSWORD }),
      },
      { incoming: { socket: { remoteAddress: '127.0.0.1' } } },
    );
    expect(viaProxy.headers.get('set-cookie')).toMatch(/; Secure/);
    // the same claim from a client directly: ignored
    expect(
      (await login(publicApp, 'ana.mesa@example.mx', PASSWORD, { 'x-forwarded-proto': 'https' })).setCookie,
    ).not.toMatch(/Secure/);
    const direct = await publicApp.request('https://mapa.example/api/session', {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ email: 'ana.mesa@example.mx', password: PASSWORD }),
    });
    expect(direct.headers.get('set-cookie')).toMatch(/; Secure/);

    // the cookie is a principal: GET /api/session gives the user and the same CSRF token
    const me = await publicApp.request('/api/session', { headers: { cookie: a.cookie! } });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual(a.body);
    expect(me.headers.get('cache-control')).toBe('no-store');
    expect(await (await publicApp.request('/api/session')).json()).toEqual({ user: null });
    // a moderador session reads the moderation queue (detail only its role may see)
    expect((await publicApp.request('/api/moderation/reports', { headers: { cookie: a.cookie! } })).status).toBe(200);
    expect((await publicApp.request('/api/moderation/reports')).status).toBe(401);
  });

  it('a wrong password and an unknown e-mail get the same 401 invalid_credentials; no cookie', async () => {
    const { publicApp, store } = ctx();
    await createUser(store, {
      email: 'beto@example.mx',
      password: PASSWORD,
      role: 'enlace',
      name: 'Beto',
      territory: ['09015'],
    });
    const wrong = await login(publicApp, 'beto@example.mx', `${PASSWORD}x`);
    const unknown = await login(publicApp, 'nadie@example.mx', PASSWORD);
    for (const r of [wrong, unknown]) {
      expect(r.res.status).toBe(401);
      expect(r.setCookie).toBe('');
    }
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    // malformed bodies are 400 invalid_body, never a 500
    const nul = JSON.stringify({ email: 'beto\u0000@example.mx', password: PASSWORD });
    const surrogate = JSON.stringify({ email: 'beto\udc00@example.mx', password: PASSWORD });
    for (const body of [
      '{',
      '{"email":"x@y"}',
      '{"email":"no-at","password":"x"}',
      JSON.stringify({ email: 'a@b', password: 'x', extra: 1 }),
      nul,
      surrogate,
    ]) {
      const res = await publicApp.request('/api/session', { method: 'POST', headers: JSON_HEADERS, body });
      expect(res.status, body).toBe(400);
      expect(((await res.json()) as any).error.code).toBe('invalid_body');
    }
    // a page of another site may not log anyone in
    const cross = await publicApp.request('http://localhost/api/session', {
      method: 'POST',
      headers: { ...JSON_HEADERS, origin: 'https://evil.example' },
      body: JSON.stringify({ email: 'beto@example.mx', password: PASSWORD }),
    });
    expect(cross.status).toBe(403);
  });

  it('locks an e-mail after N failures (429 + Retry-After), even for the right password, until the window passes; attempts while locked are not counted', async () => {
    const { store } = ctx();
    const app = createApp({ store, accounts: { maxFailures: 3, lockoutMinutes: 15, ipMaxFailures: 0 } });
    await createUser(store, { email: 'carla@example.mx', password: PASSWORD, role: 'admin', name: 'Carla' });
    for (let i = 0; i < 3; i++) expect((await login(app, 'carla@example.mx', 'equivocada-123')).res.status).toBe(401);
    const locked = await login(app, 'carla@example.mx', PASSWORD);
    expect(locked.res.status).toBe(429);
    expect(locked.body.error.code).toBe('too_many_attempts');
    const retryAfter = Number(locked.res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(locked.setCookie).toBe('');
    const attempts = await sql<{
      n: number;
    }>`select count(*)::int as n from login_attempts where email = 'carla@example.mx'`.execute(store.db);
    expect(attempts.rows[0].n).toBe(3);
    // another address is not affected
    await createUser(store, { email: 'dora@example.mx', password: PASSWORD, role: 'admin', name: 'Dora' });
    expect((await login(app, 'dora@example.mx', PASSWORD)).res.status).toBe(200);
    // fifteen minutes later (moved in the store) the right password works again
    await sql`update login_attempts set attempted_at = attempted_at - interval '15 minutes 1 second' where email = 'carla@example.mx'`.execute(
      store.db,
    );
    expect((await login(app, 'carla@example.mx', PASSWORD)).res.status).toBe(200);
    // a success resets the count: two new failures do not lock
    for (let i = 0; i < 2; i++) await login(app, 'carla@example.mx', 'equivocada-123');
    expect((await login(app, 'carla@example.mx', PASSWORD)).res.status).toBe(200);
  });

  it('limits failures per client IP across e-mails; 0 turns the limits off', async () => {
    const { store } = ctx();
    await sql`delete from login_attempts`.execute(store.db);
    const app = createApp({ store, accounts: { maxFailures: 0, ipMaxFailures: 4 } });
    for (let i = 0; i < 4; i++) expect((await login(app, `ip-${i}@example.mx`, 'equivocada-123')).res.status).toBe(401);
    const blocked = await login(app, 'ip-9@example.mx', 'equivocada-123');
    expect(blocked.res.status).toBe(429);
    expect(Number(blocked.res.headers.get('retry-after'))).toBeGreaterThan(0);
    const unlimited = createApp({ store, accounts: { maxFailures: 0, ipMaxFailures: 0 } });
    for (let i = 0; i < 6; i++)
      expect((await login(unlimited, 'ip-0@example.mx', 'equivocada-123')).res.status).toBe(401);
    await sql`delete from login_attempts`.execute(store.db);
  });

  it('claims each failure before checking the password: 19 wrong guesses and the right one sent at once get at most 3 checks', async () => {
    const { store } = ctx();
    await sql`delete from login_attempts`.execute(store.db);
    const app = createApp({ store, accounts: { maxFailures: 3, lockoutMinutes: 15, ipMaxFailures: 0 } });
    await createUser(store, { email: 'raza@example.mx', password: PASSWORD, role: 'admin', name: 'Raza' });
    const guesses = [...Array.from({ length: 19 }, (_, i) => `equivocada-${i}`), PASSWORD];
    const answers = await Promise.all(guesses.map((password) => login(app, 'raza@example.mx', password)));
    const statuses = answers.map((a) => a.res.status);
    const checked = statuses.filter((s) => s !== 429);
    expect(checked.length, statuses.join(',')).toBeLessThanOrEqual(3);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(17);
    const stored = await sql<{
      n: number;
    }>`select count(*)::int as n from login_attempts where email = 'raza@example.mx'`.execute(store.db);
    expect(stored.rows[0].n).toBe(checked.length);
    await sql`delete from login_attempts`.execute(store.db);
  });

  it("a success from an IP does not reset that IP's count of failures at other accounts", async () => {
    const { store } = ctx();
    await sql`delete from login_attempts`.execute(store.db);
    const app = createApp({ store, accounts: { maxFailures: 0, ipMaxFailures: 4 } });
    await createUser(store, { email: 'propia@example.mx', password: PASSWORD, role: 'moderador', name: 'Propia' });
    for (let i = 0; i < 3; i++)
      expect((await login(app, `otra-${i}@example.mx`, 'equivocada-123')).res.status).toBe(401);
    expect((await login(app, 'propia@example.mx', PASSWORD)).res.status).toBe(200);
    expect((await login(app, 'otra-3@example.mx', 'equivocada-123')).res.status).toBe(401);
    const blocked = await login(app, 'otra-4@example.mx', 'equivocada-123');
    expect([blocked.res.status, blocked.body.error?.code]).toEqual([429, 'too_many_attempts']);
    await sql`delete from login_attempts`.execute(store.db);
  });

  it('CSRF: a cookie-authenticated POST/DELETE without the token, or with a wrong one, is 403 csrf_failed; bearer requests are exempt', async () => {
    const { publicApp, app, store } = ctx();
    await createUser(store, { email: 'elena@example.mx', password: PASSWORD, role: 'admin', name: 'Elena' });
    const s = await login(publicApp, 'elena@example.mx', PASSWORD);
    const invite = (headers: Record<string, string>) =>
      publicApp.request('/api/invitations', {
        method: 'POST',
        headers: { ...JSON_HEADERS, cookie: s.cookie!, ...headers },
        body: JSON.stringify({ email: 'nuevo@example.mx', role: 'moderador' }),
      });
    for (const headers of [{}, { 'x-csrf-token': 'x'.repeat(43) }, { 'x-csrf-token': '' }] as Record<
      string,
      string
    >[]) {
      const res = await invite(headers);
      expect(res.status).toBe(403);
      expect(((await res.json()) as any).error.code).toBe('csrf_failed');
    }
    expect((await invite({ 'x-csrf-token': s.csrf! })).status).toBe(201);
    // another session's token does not fit this one
    const other = await login(publicApp, 'elena@example.mx', PASSWORD);
    expect(other.csrf).not.toBe(s.csrf);
    expect((await invite({ 'x-csrf-token': other.csrf! })).status).toBe(403);
    // the admin bearer token needs no CSRF token
    const byToken = await app.request('/api/invitations', {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ email: 'otro@example.mx', role: 'admin' }),
    });
    expect(byToken.status).toBe(201);
  });

  it('logout needs the CSRF token, ends the session in the store and clears the cookie; the old cookie is the public afterwards', async () => {
    const { publicApp, store } = ctx();
    await createUser(store, { email: 'fer@example.mx', password: PASSWORD, role: 'admin', name: 'Fer' });
    const s = await login(publicApp, 'fer@example.mx', PASSWORD);
    const asUser = { cookie: s.cookie! };
    expect((await publicApp.request('/api/users', { headers: asUser })).status).toBe(200);
    expect((await publicApp.request('/api/session', { method: 'DELETE', headers: asUser })).status).toBe(403);
    const out = await publicApp.request('/api/session', {
      method: 'DELETE',
      headers: { ...asUser, 'x-csrf-token': s.csrf! },
    });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^mc_session=; Max-Age=0/);
    // right away (no memo window): the cookie opens nothing
    expect(await (await publicApp.request('/api/session', { headers: asUser })).json()).toEqual({ user: null });
    expect((await publicApp.request('/api/users', { headers: asUser })).status).toBe(401);
  });

  it('ends sessions idle longer than the idle limit, or past their absolute end', async () => {
    const { publicApp, store } = ctx();
    await createUser(store, { email: 'gina@example.mx', password: PASSWORD, role: 'admin', name: 'Gina' });
    const idle = await login(publicApp, 'gina@example.mx', PASSWORD);
    const old = await login(publicApp, 'gina@example.mx', PASSWORD);
    const app = createApp({ store }); // a fresh memo
    await sql`update sessions set last_seen_at = now() - interval '12 hours 1 minute' where id = (select min(id) from sessions where user_id = (select id from users where email = 'gina@example.mx'))`.execute(
      store.db,
    );
    await sql`update sessions set expires_at = now() - interval '1 second' where id = (select max(id) from sessions where user_id = (select id from users where email = 'gina@example.mx'))`.execute(
      store.db,
    );
    expect(await (await app.request('/api/session', { headers: { cookie: idle.cookie! } })).json()).toEqual({
      user: null,
    });
    expect(await (await app.request('/api/session', { headers: { cookie: old.cookie! } })).json()).toEqual({
      user: null,
    });
  });

  it('invitations: admin only; single use; expired → 410; the new account is logged in with the invited role and territory', async () => {
    const { app, publicApp, store } = ctx();
    const create = (
      email: string,
      extra: Record<string, unknown> = {},
      target: Hono = app,
      headers: Record<string, string> = {},
    ) =>
      target.request('/api/invitations', {
        method: 'POST',
        headers: { ...JSON_HEADERS, ...headers },
        body: JSON.stringify({ email, role: 'mesa', territory: ['09015'], ...extra }),
      });
    expect((await create('x@example.mx', {}, publicApp)).status).toBe(401);
    // 09999 is no cvegeo; OASIS names a sector of 2016 and another of 2023 (data/boundaries): which one is unsaid
    for (const territory of [['09999'], ['OASIS'], ['2023:NO-EXISTE']]) {
      const r = await create('x@example.mx', { territory });
      expect([r.status, ((await r.json()) as any).error.code], territory[0]).toEqual([400, 'unknown_territory']);
    }
    expect((await create('x@example.mx', { territory: [] })).status).toBe(400);
    // NUL or a lone surrogate in an e-mail or a territory id: refused at the JSON boundary, never a 500
    for (const [email, territory] of [
      ['x\u0000@example.mx', ['09015']],
      ['x@example.mx', ['09015\u0000']],
      ['x\ud800@example.mx', ['09015']],
    ] as const) {
      const r = await create(email, { territory });
      expect([r.status, ((await r.json()) as any).error?.code], JSON.stringify(email)).toEqual([400, 'invalid_body']);
    }
    const res = await create('Hilda@Example.mx');
    expect(res.status).toBe(201);
    const inv = (await res.json()) as any;
    expect(inv.url).toBe(`/#invitacion=${inv.token}`);
    expect(inv.token).toMatch(/^inv_[A-Za-z0-9_-]{43}$/);
    const days = (Date.parse(inv.expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    const stored = await sql<Record<string, unknown>>`select * from invitations`.execute(store.db);
    expect(JSON.stringify(stored.rows)).not.toContain(inv.token.slice(4));

    const accept = (token: string, password = PASSWORD) =>
      publicApp.request('/api/invitations/accept', {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({ token, name: 'Hilda', password }),
      });
    const short = await accept(inv.token, 'corta');
    expect(short.status).toBe(400);
    const ok = await accept(inv.token);
    expect(ok.status).toBe(201);
    const body = (await ok.json()) as any;
    expect(body.user).toMatchObject({ email: 'hilda@example.mx', name: 'Hilda', role: 'mesa', territory: ['09015'] });
    const cookie = /^(mc_session=[^;]+)/.exec(ok.headers.get('set-cookie') ?? '')?.[1];
    expect(await (await publicApp.request('/api/session', { headers: { cookie: cookie! } })).json()).toMatchObject({
      user: { email: 'hilda@example.mx' },
    });
    const again = await accept(inv.token);
    expect(again.status).toBe(410);
    expect(((await again.json()) as any).error.code).toBe('invitation_invalid');
    expect((await login(publicApp, 'hilda@example.mx', PASSWORD)).res.status).toBe(200);
    // a mesa session may not invite
    const mesa = await login(publicApp, 'hilda@example.mx', PASSWORD);
    expect(
      (await create('y@example.mx', {}, publicApp, { cookie: mesa.cookie!, 'x-csrf-token': mesa.csrf! })).status,
    ).toBe(403);

    const late = (await (await create('ivan@example.mx')).json()) as any;
    await sql`update invitations set expires_at = now() - interval '1 second' where email = 'ivan@example.mx'`.execute(
      store.db,
    );
    expect((await accept(late.token)).status).toBe(410);
    expect((await accept(`inv_${'A'.repeat(43)}`)).status).toBe(410);
    // an address that already has an account
    const dup = (await (await create('hilda@example.mx')).json()) as any;
    expect((await accept(dup.token)).status).toBe(409);
  });

  it('GET /api/users (admin) lists accounts without hashes; DELETE /api/users/{id} disables one and its sessions end at once', async () => {
    const { app, publicApp, store } = ctx();
    const user = await createUser(store, {
      email: 'juan@example.mx',
      password: PASSWORD,
      role: 'enlace',
      name: 'Juan',
      territory: ['09015'],
    });
    const s = await login(publicApp, 'juan@example.mx', PASSWORD);
    expect((await publicApp.request('/api/users', { headers: { cookie: s.cookie! } })).status).toBe(403);
    const list = await app.request('/api/users');
    expect(list.status).toBe(200);
    const text = await list.text();
    expect(text).not.toMatch(/scrypt|password/);
    expect(JSON.parse(text).items).toContainEqual(
      expect.objectContaining({
        id: user.id,
        email: 'juan@example.mx',
        role: 'enlace',
        territory: ['09015'],
        disabled_at: null,
      }),
    );
    expect(await (await publicApp.request('/api/session', { headers: { cookie: s.cookie! } })).json()).toMatchObject({
      user: { id: user.id },
    });
    expect((await app.request(`/api/users/${user.id}`, { method: 'DELETE' })).status).toBe(200);
    expect(await (await publicApp.request('/api/session', { headers: { cookie: s.cookie! } })).json()).toEqual({
      user: null,
    });
    const again = await login(publicApp, 'juan@example.mx', PASSWORD);
    expect(again.res.status).toBe(403);
    expect(again.body.error.code).toBe('account_disabled');
    expect((await app.request('/api/users/999999', { method: 'DELETE' })).status).toBe(404);
  });

  it('the last active admin account cannot be disabled: 409 last_admin', async () => {
    const { app, store } = ctx();
    await sql`update users set disabled_at = now() where role = 'admin'`.execute(store.db);
    const only = await createUser(store, {
      email: 'unica-admin@example.mx',
      password: PASSWORD,
      role: 'admin',
      name: 'Única',
    });
    const refused = await app.request(`/api/users/${only.id}`, { method: 'DELETE' });
    expect([refused.status, ((await refused.json()) as any).error.code]).toEqual([409, 'last_admin']);
    const second = await createUser(store, {
      email: 'segunda-admin@example.mx',
      password: PASSWORD,
      role: 'admin',
      name: 'Segunda',
    });
    expect((await app.request(`/api/users/${only.id}`, { method: 'DELETE' })).status).toBe(200);
    const now = await app.request(`/api/users/${second.id}`, { method: 'DELETE' });
    expect([now.status, ((await now.json()) as any).error.code]).toEqual([409, 'last_admin']);
  });

  it('tokens (admin): created with a role and a known territory, shown once, listed without the token, revoked at once', async () => {
    const { app, publicApp } = ctx();
    const body = (b: unknown) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(b),
    });
    expect((await publicApp.request('/api/tokens')).status).toBe(401);
    const bad = await app.request('/api/tokens', body({ role: 'mesa', name: 'Mesa Centro', territory: ['99999'] }));
    expect([bad.status, ((await bad.json()) as any).error.code]).toEqual([400, 'unknown_territory']);
    // a sector is stored with its numbering: a bare name of one numbering only (ALAMEDA: 2023) is qualified
    const qualified = await app.request(
      '/api/tokens',
      body({ role: 'enlace', name: 'Enlace Alameda', territory: ['ALAMEDA', '2016:OASIS'] }),
    );
    expect([qualified.status, ((await qualified.json()) as any).territory]).toEqual([
      201,
      ['2023:ALAMEDA', '2016:OASIS'],
    ]);
    const noTerritory = await app.request('/api/tokens', body({ role: 'mesa', name: 'Mesa Centro' }));
    expect(noTerritory.status).toBe(400);
    const created = await app.request('/api/tokens', body({ role: 'mesa', name: 'Mesa Centro', territory: ['09015'] }));
    expect(created.status).toBe(201);
    const { id, token } = (await created.json()) as { id: number; token: string };
    expect(token).toMatch(/^mc_/);
    // the new token works for its holder
    expect(
      await (await publicApp.request('/api/session', { headers: { authorization: `Bearer ${token}` } })).json(),
    ).toMatchObject({ token: { role: 'mesa', name: 'Mesa Centro', territory: ['09015'] } });
    const listText = await (await app.request('/api/tokens')).text();
    expect(listText).not.toContain(token);
    expect(JSON.parse(listText).items).toContainEqual(
      expect.objectContaining({ id, role: 'mesa', name: 'Mesa Centro', territory: ['09015'], revoked_at: null }),
    );
    expect((await app.request(`/api/tokens/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await publicApp.request('/api/session', { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      401,
    );
    expect((await app.request(`/api/tokens/${id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await app.request('/api/tokens/abc', { method: 'DELETE' })).status).toBe(404);
  });

  it('PATCH /api/users/{id} changes a role (sessions end; territory checked) and never demotes the last admin', async () => {
    const { app, publicApp, store } = ctx();
    const patch = (id: number, b: unknown) =>
      app.request(`/api/users/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(b),
      });
    const user = await createUser(store, {
      email: 'rol@example.mx',
      password: PASSWORD,
      role: 'enlace',
      name: 'Rol',
      territory: ['09015'],
    });
    const s = await login(publicApp, 'rol@example.mx', PASSWORD);
    expect((await patch(user.id, { role: 'moderador', territory: ['09015'] })).status).toBe(400);
    const unknown = await patch(user.id, { role: 'mesa', territory: ['99999'] });
    expect([unknown.status, ((await unknown.json()) as any).error.code]).toEqual([400, 'unknown_territory']);
    const ok = await patch(user.id, { role: 'moderador' });
    expect([ok.status, await ok.json()]).toEqual([200, { id: user.id, role: 'moderador', territory: [] }]);
    expect(await (await publicApp.request('/api/session', { headers: { cookie: s.cookie! } })).json()).toEqual({
      user: null,
    });
    expect((await login(publicApp, 'rol@example.mx', PASSWORD)).body.user).toMatchObject({
      role: 'moderador',
      territory: [],
    });
    expect((await patch(999999, { role: 'moderador' })).status).toBe(404);
    await sql`update users set disabled_at = now() where role = 'admin'`.execute(store.db);
    const only = await createUser(store, {
      email: 'ultima-admin@example.mx',
      password: PASSWORD,
      role: 'admin',
      name: 'Última',
    });
    const refused = await patch(only.id, { role: 'moderador' });
    expect([refused.status, ((await refused.json()) as any).error.code]).toEqual([409, 'last_admin']);
  });
});
