/**
 * The building blocks of the OpenAPI document: schema shorthands, the error and answer shapes,
 * the shared parameters and error lists. Every part of the document (./index.ts) is written with them.
 */
import { ERRORS } from '../../core/errors/index.ts';
import { AREA_KINDS } from '../services/ports.ts';

export type Json = Record<string, unknown>;
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const param = (name: string, where: 'query' | 'path' = 'query'): Json => ({
  $ref: `#/components/parameters/${where === 'path' ? 'path_' : ''}${name}`,
});
export const int = { type: 'integer' };
export const str = { type: 'string' };
export const num = { type: 'number' };
export const bool = { type: 'boolean' };
export const nullable = (t: Json) => ({ oneOf: [t, { type: 'null' }] });
export const date = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
export const month = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' };
export const obj = (properties: Json, required = Object.keys(properties)) => ({ type: 'object', properties, required });
/** Optional properties added to an `obj` schema (present in some answers only, e.g. public ones). */
export const withOptional = (schema: ReturnType<typeof obj>, properties: Json) => ({
  ...schema,
  properties: { ...schema.properties, ...properties },
});
/** What a public answer (no detail for the caller) adds: its access class and the publication threshold k. */
export const PUBLIC_ANSWER = {
  access: { enum: ['public'], description: 'public answers only' },
  min_count: { ...int, description: 'public answers only: k, the smallest published count besides 0' },
};

export function errors(...codes: (keyof typeof ERRORS)[]): Json {
  const byStatus = new Map<number, string[]>();
  for (const code of [...codes, 'internal_error' as const])
    byStatus.set(ERRORS[code].status, [...(byStatus.get(ERRORS[code].status) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, cs]) => [
      String(status),
      { description: `Error: ${cs.join(', ')}`, content: { 'application/json': { schema: ref('Error') } } },
    ]),
  );
}
export const ok = (description: string, schema: Json, type = 'application/json') => ({
  '200': {
    description,
    headers: { ETag: { schema: str }, 'Cache-Control': { schema: str } },
    content: { [type]: { schema } },
  },
  '304': { description: 'Not modified (If-None-Match matched the ETag)' },
});

export const get = (summary: string, parameters: Json[], responses: Json) => ({
  get: { summary, parameters, responses },
});
export const post = (summary: string, parameters: Json[], requestBody: Json | null, responses: Json) => ({
  post: {
    summary,
    parameters,
    ...(requestBody
      ? { requestBody: { required: true, content: { 'application/json': { schema: requestBody } } } }
      : {}),
    responses,
  },
});
export const created = (description: string, schema: Json, status = '200') => ({
  [status]: { description, content: { 'application/json': { schema } } },
});
export const AUTH_ERRORS = ['authentication_required', 'invalid_token', 'forbidden'] as const;
/** Staff operations: a bearer token, or the session cookie with its CSRF header. */
export const STAFF_SECURITY = [{ bearerToken: [] }, { sessionCookie: [], csrfHeader: [] }];
export const staffDelete = (summary: string, parameters: Json[], schema: Json, codes: (keyof typeof ERRORS)[]) => ({
  delete: {
    summary,
    parameters,
    security: STAFF_SECURITY,
    responses: { ...created(summary, schema), ...errors(...codes, 'csrf_failed', ...AUTH_ERRORS) },
  },
});
export const numericId = (what: string): Json => ({
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^\\d{1,9}$' },
  description: `${what} (unknown: 404 not_found)`,
});

export const FILTER = [param('from'), param('to'), param('category'), param('source')];
/** Where a Mesa figure is counted: areas answer `vintage`, H3 cells (`kind=h3`) answer `res`. */
export const LEVEL = {
  kind: { enum: [...AREA_KINDS, 'h3'] },
  vintage: { ...int, description: 'areas only' },
  res: { ...int, description: 'kind=h3 only' },
};
/** `obj` for an answer that carries LEVEL: neither vintage nor res is required (one of them is there). */
export const leveled = (properties: Json) => obj({ ...LEVEL, ...properties }, ['kind', ...Object.keys(properties)]);
export const CELL_ERRORS = [
  'invalid_cell',
  'invalid_resolution',
  'forbidden_resolution',
  'month_aligned_required',
  'sensitive_category',
] as const;
export const H3_PLACES =
  ' H3 cells (kind=h3): ids are cells (hex, e.g. 884995b847fffff) of one resolution 6–11 (res may state it, and must without ids); without ids, every cell of `res` with incidents. A cell is named after the colonia and alcaldía holding its centre; its population is estimated from the IECM colonia populations by areal weighting (Goodchild & Lam 1980), for rates. The public sees cells of resolution ≤ 8 (403 forbidden_resolution) with per-cell monthly suppression, as /api/hotspots; mesa and enlace get the public cells too (cells do not follow territories).';
export const FILTER_ERRORS = ['invalid_date', 'invalid_range', 'invalid_category'] as const;
