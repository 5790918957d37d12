import { toAppError } from './index.ts';
import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { createLogger } from '../http/request-log.ts';
import { createIncidentRepository } from '../../db/queries/index.ts';
import { createAdminApp, describeApi, getJson } from '../../tests/support/index.ts';

describeApi(
  'error handling',
  (ctx) => {
    it('answers an unexpected failure with 500 internal_error and no stack trace or driver message', async () => {
      const { store } = ctx();
      const repo = createIncidentRepository(store);
      // a real repository whose hotspot query hits a broken statement
      const broken = {
        ...repo,
        hotspots: () =>
          store.db
            .selectFrom('no_such_table' as 'incidents')
            .selectAll()
            .execute() as never,
      };
      const lines: { level: number; reqId?: string; err?: { message: string } }[] = [];
      const sink = new Writable({ write: (chunk, _e, done) => (lines.push(JSON.parse(String(chunk))), done()) });
      const app = createAdminApp({ store, repository: broken, logger: createLogger('error', sink) });
      const res = await getJson(app, '/api/hotspots?res=8');
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ error: { code: 'internal_error', message: 'Error interno' } });
      // the driver's message goes to the server's log, at level error, with the request's id
      const logged = lines.find((l) => l.level === 50);
      expect(logged?.err?.message).toMatch(/no_such_table/);
      expect(logged?.reqId).toBeTruthy();
    });

    it('answers unknown API paths with 404 not_found', async () => {
      const res = await getJson(ctx().app, '/api/nada');
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    });
  },
  { seed: false },
);

it('maps a statement cancelled by statement_timeout (PostgreSQL 57014) to 503 query_timeout, never a 500', () => {
  const cancelled = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
  const mapped = toAppError(cancelled);
  expect([mapped.status, mapped.code]).toEqual([503, 'query_timeout']);
});
