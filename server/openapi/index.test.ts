import { expect, it } from 'vitest';
import { ERRORS } from '../../core/errors/index.ts';
import { describeApi, getJson } from '../../tests/support/index.ts';

describeApi('GET /api/openapi.json', (ctx) => {
  it('is an OpenAPI 3.1 document describing every GET route the app registers', async () => {
    const { app } = ctx();
    const { status, body } = await getJson(app, '/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const routes = new Set(
      app.routes
        .filter((r) => (r.method === 'GET' || r.method === 'POST') && r.path.startsWith('/api/'))
        .map((r) => r.path.replace(':file', '{y}.pbf').replace(/:(\w+)/g, '{$1}')),
    );
    expect(routes.size).toBeGreaterThanOrEqual(10);
    expect(Object.keys(body.paths).sort()).toEqual([...routes].sort());
    for (const [path, item] of Object.entries<any>(body.paths)) {
      const op = item.get ?? item.post;
      expect(op.responses['200'] ?? op.responses['201'], path).toBeDefined();
      // path parameters are declared
      for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
        expect(op.parameters.some((p: { $ref: string }) => p.$ref === `#/components/parameters/path_${name}`), `${path} ${name}`).toBe(true);
      }
    }
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
}, { seed: false });
