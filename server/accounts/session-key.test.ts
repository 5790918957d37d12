/**
 * Two API processes (two apps, each with its own DATA_DIR) behind one load balancer: a session
 * opened on one is valid on the other when both read the same SESSION_KEY.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, expect, it, vi } from 'vitest';
import { createUser } from '../../db/queries/accounts.ts';
import { createApp } from '../app.ts';
import { describeApi } from '../../tests/support/index.ts';
import { login } from '../../tests/support/accounts.ts';

const PASSWORD = 'correcto-caballo-bateria';

describeApi(
  'SESSION_KEY shared by several processes',
  (ctx) => {
    const dirs = [mkdtempSync(join(tmpdir(), 'mc-app-a-')), mkdtempSync(join(tmpdir(), 'mc-app-b-'))];
    afterEach(() => vi.unstubAllEnvs());
    afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

    it('a login on app A is valid on app B when both read SESSION_KEY', async () => {
      vi.stubEnv('SESSION_KEY', 'clave de sesión común a todas las instancias, 2026');
      const { store } = ctx();
      await createUser(store, { email: 'dos.apps@example.mx', password: PASSWORD, role: 'admin', name: 'Dos' });
      const [a, b] = dirs.map((dataDir) => createApp({ store, accounts: { dataDir } }));
      const s = await login(a, 'dos.apps@example.mx', PASSWORD);
      expect(s.res.status).toBe(200);
      const onB = await b.request('/api/session', { headers: { cookie: s.cookie! } });
      expect(((await onB.json()) as any).user?.email).toBe('dos.apps@example.mx');
      // a cookie-authenticated write on B with A's CSRF token
      expect((await b.request('/api/users', { headers: { cookie: s.cookie! } })).status).toBe(200);
      const logout = await b.request('/api/session', {
        method: 'DELETE',
        headers: { cookie: s.cookie!, 'x-csrf-token': s.csrf! },
      });
      expect(logout.status).toBe(200);
    });

    it('without it, each DATA_DIR has its own key: the session is unknown on the other app', async () => {
      const { store } = ctx();
      const [a, b] = dirs.map((dataDir) => createApp({ store, accounts: { dataDir } }));
      const s = await login(a, 'dos.apps@example.mx', PASSWORD);
      expect(s.res.status).toBe(200);
      expect(
        ((await (await b.request('/api/session', { headers: { cookie: s.cookie! } })).json()) as any).user,
      ).toBeNull();
    });

    it('refuses a SESSION_KEY shorter than 32 bytes', () => {
      vi.stubEnv('SESSION_KEY', 'demasiado-corta');
      expect(() => createApp({ store: ctx().store })).toThrow(/SESSION_KEY/);
    });
  },
  { seed: false },
);
