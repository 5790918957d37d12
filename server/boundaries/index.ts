/**
 * `GET /api/boundaries/{kind}?vintage`: area polygons simplified for display (the exact geometry
 * stays server-side for point-in-polygon joins). Each kind/vintage is simplified and serialised
 * once, at its first request, and kept; the response cache adds gzip.
 */
import type { AreaKind, Vintage } from '../services/ports.ts';
import type { Services } from '../services/types.ts';
import type { ApiApp } from '../context.ts';
import { DEFAULT_VINTAGE, parseParams, required } from '../params/index.ts';

export {
  defaultBoundaryLoader,
  simplifiedCollection,
  type BoundaryCollection,
  type BoundaryLoader,
  type BoundaryProperties,
} from '../shared/boundaries.ts';

export function registerBoundaries(app: ApiApp, { reference }: Services): void {
  const boundaries = reference.boundaries;
  const bodies = new Map<string, Promise<string>>();
  const bodyFor = (kind: AreaKind, vintage: Vintage) => {
    const key = `${kind}/${vintage}`;
    let body = bodies.get(key);
    if (!body) {
      body = Promise.resolve()
        .then(() => boundaries(kind, vintage))
        .then((fc) => JSON.stringify(fc));
      body.catch(() => bodies.delete(key)); // a failed build is retried on the next request
      bodies.set(key, body);
    }
    return body;
  };

  app.get('/api/boundaries/:kind', async (c) => {
    const kind = required(parseParams({ kind: c.req.param('kind') }, ['kind']).kind, 'kind');
    const vintage = parseParams(c.req.query(), ['vintage']).vintage ?? DEFAULT_VINTAGE;
    c.set('cacheControl', 'public, max-age=86400');
    return c.body(await bodyFor(kind, vintage), 200, { 'Content-Type': 'application/geo+json; charset=utf-8' });
  });
}
