import { expect, it } from 'vitest';
import { ERRORS } from '../../core/errors/index.ts';
import { describeApi, getJson } from '../../tests/support/index.ts';

describeApi(
  'GET /api/openapi.json',
  (ctx) => {
    it('is an OpenAPI 3.1 document describing every method of every route the app registers', async () => {
      const { app } = ctx();
      const { status, body } = await getJson(app, '/api/openapi.json');
      expect(status).toBe(200);
      expect(body.openapi).toBe('3.1.0');
      // Hono lists middleware as method ALL; every other entry is a handler the API answers
      const registered = new Set(
        app.routes
          .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
          .map((r) => `${r.method.toLowerCase()} ${r.path.replace(':file', '{y}.pbf').replace(/:(\w+)/g, '{$1}')}`),
      );
      expect(registered.size).toBeGreaterThanOrEqual(40);
      const described = Object.entries<any>(body.paths).flatMap(([path, item]) =>
        ['get', 'post', 'put', 'patch', 'delete'].filter((m) => item[m]).map((m) => `${m} ${path}`),
      );
      expect(described.sort()).toEqual([...registered].sort());
      const operationIds = new Set<string>();
      for (const key of described) {
        const [method, path] = key.split(' ') as [string, string];
        const op = body.paths[path][method];
        expect(
          Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)),
          key,
        ).toBe(true);
        expect(op.tags?.length, key).toBeGreaterThan(0);
        expect(op.operationId, key).toMatch(/^[a-z]+[A-Za-z0-9]*$/);
        operationIds.add(op.operationId);
        // path parameters are declared, by reference or inline
        for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
          const declared = op.parameters.some(
            (p: { $ref?: string; name?: string; in?: string }) =>
              p.$ref === `#/components/parameters/path_${name}` || (p.in === 'path' && p.name === name),
          );
          expect(declared, `${key} ${name}`).toBe(true);
        }
        // a route that refuses anonymous callers names the credentials it takes
        if (JSON.stringify(op.responses['401'] ?? '').includes('authentication_required'))
          expect(op.security, key).toBeDefined();
      }
      expect(operationIds.size).toBe(described.length);
    });

    it('declares the bearer token, the session cookie and the CSRF header, and optional authentication by default', async () => {
      const { body } = await getJson(ctx().app, '/api/openapi.json');
      expect(body.components.securitySchemes).toMatchObject({
        bearerToken: { type: 'http', scheme: 'bearer' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'mc_session' },
        csrfHeader: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
      });
      expect(body.security).toContainEqual({});
      expect(body.paths['/api/tokens/{id}'].delete.security).toEqual([
        { bearerToken: [] },
        { sessionCookie: [], csrfHeader: [] },
      ]);
    });

    it('lists every error code of the catalogue and the {error: {code, message}} shape', async () => {
      const { body } = await getJson(ctx().app, '/api/openapi.json');
      expect(body.components.schemas.ErrorDetail.properties.code.enum.sort()).toEqual(Object.keys(ERRORS).sort());
      expect(body.components.schemas.Error.required).toEqual(['error']);
      // every $ref resolves
      const refs = JSON.stringify(body).match(/"#\/components\/[^"]+"/g) ?? [];
      for (const ref of new Set(refs)) {
        const [, section, name] = JSON.parse(ref).split('/').slice(1);
        expect(body.components[section]?.[name], ref).toBeDefined();
      }
    });
  },
  { seed: false },
);
