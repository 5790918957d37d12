/**
 * Bad parameters get a 400 with `{error: {code, message}}` from one error catalogue, an
 * unknown area a 404 the same way, never a 500 or a stack trace — end to end, over the full
 * bundled import, on both backends.
 *
 * The feature tests (`server/<feature>/index.test.ts`) check each endpoint's codes one by one.
 * This file adds what they do not: (1) every GET route the OpenAPI document lists — so a new
 * route is covered without editing this file — gets each of its parameters replaced by hostile
 * values (NUL bytes, broken percent-encoding, SQL, huge strings, …) and must answer 200 or a
 * catalogue error, never a 5xx; (2) exact messages (catalogue message + detail) for
 * representative errors; (3) unknown areas of every kind on every area endpoint; (4) the data is
 * still all there afterwards.
 */
import { expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { ERRORS, type ErrorCode } from '../../core/errors/index.ts';
import { createAdminApp as createApp } from '../support/index.ts';
import { bundledDataImported, describeEachBackend } from '../harness/stores.ts';

/** A valid value for every parameter the OpenAPI document may name (`in:name`). */
const VALID: Record<string, string> = {
  // 8: valid for /api/hotspots (6–11), gistar (6–10) and /api/patrol (8–10)
  'query:res': '8',
  // two months: /api/hotspots/emerging needs two time steps
  'query:from': '2015-05-01',
  'query:to': '2015-07-01',
  'query:category': 'robo_transeunte',
  'query:kind': 'cuadrante',
  'query:vintage': '2016',
  'query:ids': 'C-1.1.1,C-1.1.2',
  'query:id': 'C-1.1.1',
  'query:p1': '2015-05-01..2015-06-01',
  'query:p2': '2015-06-01..2015-07-01',
  'query:by': 'count',
  'query:limit': '5',
  'query:interval': 'month',
  'query:month': '2015-06',
  // the PAI back-test (/api/hotspots/pai)
  'query:training': '3',
  'query:top': '20',
  'query:months': '2',
  'query:rank_by': 'count',
  // a place both /api/search and the report form's geocoder understand
  'query:q': 'Metro Pino Suárez',
  'query:source': 'official',
  'query:status': 'pending',
  'query:offset': '0',
  // mesa-api: patrol and targets (target ids come from ensureTarget)
  'query:cuadrante': 'C-1.1.1',
  // one cheap export stands for all of /api/export/{export} (each calls its JSON endpoint, fuzzed on its own)
  'path:export': 'semaforo.csv',
  // audit: the admin's log (subject of a token, a page cursor)
  'query:subject': 'token:1',
  'query:cursor': '1000',
  // plenary: the agenda of /api/plenary/{pdf,png} (renders with headless Chromium: a 5-slide session)
  'query:areas': 'cuadrante:C-1.1.1',
  'query:categories': 'robo_transeunte',
  'query:slide': '1',
  'path:kind': 'cuadrante',
  'path:id': 'C-1.1.1',
  // zoom-12 tile over the Zócalo
  'path:z': '12',
  'path:x': '920',
  'path:y': '1822',
};

/** A real folio for `/api/reports/{folio}` in this store: submit one report through the API first. */
async function ensureFolio(app: {
  request(url: string, init?: RequestInit): Response | Promise<Response>;
}): Promise<void> {
  const res = await app.request('/api/reports', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      category: 'robo_transeunte',
      date: '2016-01-10',
      where: { text: 'Metro Pino Suárez' },
      consent: true,
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  VALID['path:folio'] = ((await res.json()) as { folio: string }).folio;
}

/** A real target for `/api/targets/{target_id}…` and the progress export: create one through the API first. */
async function ensureTarget(app: {
  request(url: string, init?: RequestInit): Response | Promise<Response>;
}): Promise<void> {
  const res = await app.request('/api/targets', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'meta de prueba',
      kind: 'cuadrante',
      area_id: 'C-1.1.1',
      vintage: 2016,
      category: 'robo_transeunte',
      baseline_from: '2015-01',
      baseline_to: '2016-01',
      reduction_pct: 25,
      due_month: '2016-06',
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const id = String(((await res.json()) as { id: number }).id);
  VALID['path:target_id'] = id;
  VALID['query:target'] = id;
}

/** Hostile values, already URL-encoded (some deliberately malformed). */
const HOSTILE = [
  '',
  '%00',
  'a%00b',
  '%ZZ',
  '%E0%A4%A',
  '%ED%A0%80', // an encoded UTF-16 surrogate: not valid UTF-8
  '%F0%9F%99%82',
  'x'.repeat(5000),
  '%27%3B%20DROP%20TABLE%20incidents%3B--',
  '-1',
  '1e3',
  '0x10',
  'NaN',
  '99999999999999999999',
  '2015-02-30',
  '0000-01-01',
  '..',
  '%2C',
  '%2F',
  '%20',
  'null',
];

interface Route {
  path: string;
  params: { name: string; in: 'query' | 'path' }[];
}

async function routesOf(app: ReturnType<typeof createApp>): Promise<Route[]> {
  const doc = (await (await app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, { parameters?: ({ $ref: string } | { name: string; in: string })[] }>>;
    components: { parameters: Record<string, { name: string; in: string }> };
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    ops.get
      ? [
          {
            path,
            params: (ops.get.parameters ?? []).map((p) => {
              const def = '$ref' in p ? doc.components.parameters[p.$ref.split('/').pop()!] : p;
              return { name: def.name, in: def.in as 'query' | 'path' };
            }),
          },
        ]
      : [],
  );
}

/** The URL of `route` with valid values, except `override` (already encoded) for one parameter. */
function urlOf(route: Route, override?: { name: string; in: string; value: string }): string {
  let path = route.path;
  const query: string[] = [];
  for (const p of route.params) {
    const valid = VALID[`${p.in}:${p.name}`];
    if (valid === undefined)
      throw new Error(`no valid value for ${p.in} parameter "${p.name}" of ${route.path}: add one to VALID`);
    const isOverride = override && override.name === p.name && override.in === p.in;
    const value = isOverride ? override.value : encodeURIComponent(valid);
    if (p.in === 'path') path = path.replace(`{${p.name}}`, value);
    else query.push(`${p.name}=${value}`);
  }
  return query.length ? `${path}?${query.join('&')}` : path;
}

async function getCode(app: ReturnType<typeof createApp>, url: string): Promise<string | undefined> {
  return ((await (await app.request(url)).json()) as { error?: { code: string } }).error?.code;
}

/** Asserts a response is a catalogue error (or success): right status, exact shape, no internals. */
async function expectCleanAnswer(res: Response, url: string): Promise<{ status: number; code?: string }> {
  const text = await res.text();
  const where = `${url.slice(0, 160)} → ${res.status} ${text.slice(0, 200)}`;
  expect(res.status, where).toBeLessThan(500);
  if (res.status < 400) return { status: res.status };
  expect(res.headers.get('content-type') ?? '', where).toContain('application/json');
  const body = JSON.parse(text) as { error: { code: ErrorCode; message: string } };
  expect(Object.keys(body), where).toEqual(['error']);
  expect(Object.keys(body.error).sort(), where).toEqual(['code', 'message']);
  const entry = ERRORS[body.error.code];
  expect(entry, `${where}: code not in the catalogue`).toBeDefined();
  expect(entry.status, where).toBe(res.status);
  expect(body.error.message.startsWith(entry.message), where).toBe(true);
  expect(text, where).not.toMatch(/\n\s+at |node_modules|pglite|postgres|syntax error|sql/i);
  return { status: res.status, code: body.error.code };
}

if (!bundledDataImported()) {
  it.skip('bad input end to end (no bundled import in this run)', () => {});
} else {
  describeEachBackend('bad input, end to end', (getStore) => {
    it('every route answers its valid baseline request with 200', async () => {
      const app = createApp({ store: getStore() });
      await ensureFolio(app);
      await ensureTarget(app);
      const routes = await routesOf(app);
      expect(routes.map((r) => r.path)).toEqual(
        expect.arrayContaining([
          '/api/hotspots',
          '/api/areas/{kind}/{id}/series',
          '/api/compare',
          '/api/rank',
          '/api/search',
        ]),
      );
      for (const route of routes) {
        const url = urlOf(route);
        const res = await app.request(url);
        expect(res.status, `${url} → ${res.status} ${(await res.text()).slice(0, 200)}`).toBe(200);
      }
    });

    it('no hostile value of any parameter of any route gives a 5xx, a stack trace or an error outside the catalogue', async () => {
      const app = createApp({ store: getStore() });
      await ensureFolio(app);
      await ensureTarget(app);
      const failures: string[] = [];
      let requests = 0;
      for (const route of await routesOf(app)) {
        for (const param of route.params) {
          for (const value of HOSTILE) {
            const url = urlOf(route, { ...param, value });
            requests++;
            try {
              await expectCleanAnswer(await app.request(url), url);
            } catch (err) {
              failures.push(
                `${param.in} ${param.name}=${value.slice(0, 20)}: ${(err as Error).message.split('\n')[0].slice(0, 300)}`,
              );
            }
          }
        }
      }
      expect(requests).toBeGreaterThan(500);
      expect(failures).toEqual([]);
      // ~40 routes × their parameters × 21 values: minutes on a loaded 2-core machine (the 120 s default ran out)
    }, 600_000);

    it.each([
      // [url, status, exact message]
      ['/api/hotspots', 400, `${ERRORS.invalid_resolution.message}: falta el parámetro res`],
      [
        '/api/hotspots?res=7&from=2015-07-01&to=2015-06-01',
        400,
        `${ERRORS.invalid_range.message}: from/to: 2015-07-01..2015-06-01`,
      ],
      ['/api/hotspots?res=7&category=robos', 400, `${ERRORS.invalid_category.message}: robos`],
      ['/api/hotspots/gistar?res=11', 400, null],
      ['/api/tiles/hotspots/23/0/0.pbf', 400, `${ERRORS.invalid_tile.message}: 23/0/0`],
      [
        '/api/areas/cuadrante/Z-9.9.99/series?vintage=2016',
        404,
        `${ERRORS.unknown_area.message}: cuadrante Z-9.9.99 (2016)`,
      ],
      [
        '/api/compare?kind=cuadrante&vintage=2016&ids=C-1.1.1,ZZ-1&p1=2015-05-01..2015-06-01&p2=2015-06-01..2015-07-01',
        404,
        `${ERRORS.unknown_area.message}: cuadrante ZZ-1 (2016)`,
      ],
      [
        '/api/compare?kind=cuadrante&p2=2015-06-01..2015-07-01',
        400,
        `${ERRORS.invalid_period.message}: falta el parámetro p1`,
      ],
      ['/api/rank?kind=cuadrante&from=2015-06-01', 400, `${ERRORS.invalid_date.message}: falta el parámetro to`],
      ['/api/rank?from=2015-06-01&to=2015-07-01', 400, `${ERRORS.invalid_kind.message}: falta el parámetro kind`],
      ['/api/search', 400, `${ERRORS.invalid_query.message}: falta el parámetro q`],
      ['/api/no-such-endpoint', 404, ERRORS.not_found.message],
    ] as const)('%s → %i with the exact catalogue message', async (url, status, message) => {
      const res = await createApp({ store: getStore() }).request(url);
      const answer = await expectCleanAnswer(res.clone(), url);
      expect(answer.status).toBe(status);
      const body = (await res.json()) as { error: { code: string; message: string } };
      if (message !== null) expect(body.error.message).toBe(message);
      else expect(body.error.code).toBe('invalid_resolution');
    });

    it.each([
      ['alcaldia', '09099'],
      ['colonia', '99-999'],
      ['sector', 'NO EXISTE'],
      ['cuadrante', 'Z-9.9.99'],
    ])(
      'an unknown %s (%s) is a 404 unknown_area naming it, on every area endpoint and both vintages',
      async (kind, id) => {
        const app = createApp({ store: getStore() });
        const enc = encodeURIComponent(id);
        for (const vintage of ['2016', '2023']) {
          for (const url of [
            `/api/areas/${kind}/${enc}/series?vintage=${vintage}`,
            `/api/compare?kind=${kind}&vintage=${vintage}&ids=${enc}&p1=2015-05-01..2015-06-01&p2=2015-06-01..2015-07-01`,
            `/api/trend?kind=${kind}&vintage=${vintage}&id=${enc}`,
            `/api/semaforo?kind=${kind}&vintage=${vintage}&ids=${enc}&month=2015-06`,
          ]) {
            const res = await app.request(url);
            expect(res.status, url).toBe(404);
            expect(await res.json(), url).toEqual({
              error: { code: 'unknown_area', message: `${ERRORS.unknown_area.message}: ${kind} ${id} (${vintage})` },
            });
          }
        }
      },
    );

    it('kind=h3: hostile cell ids on every place endpoint get a catalogue answer; cells outside the city or the stored resolutions are named', async () => {
      const app = createApp({ store: getStore() });
      const zocalo = (res: number) => latLngToCell(19.4326, -99.1332, res);
      const urls = (ids: string) => [
        `/api/areas/h3/${ids}/series`,
        `/api/compare?kind=h3&ids=${ids}&p1=2015-05-01..2015-06-01&p2=2015-06-01..2015-07-01`,
        `/api/trend?kind=h3&id=${ids}`,
        `/api/semaforo?kind=h3&ids=${ids}&month=2015-06`,
      ];
      const failures: string[] = [];
      // a hostile hex-looking id (`8${'f'.repeat(14)}`) and a cell id with a trailing junk byte, besides the shared list
      for (const value of [...HOSTILE, `8${'f'.repeat(14)}`, `${zocalo(8)}%00`]) {
        for (const url of urls(value)) {
          try {
            await expectCleanAnswer(await app.request(url), url);
          } catch (err) {
            failures.push(`${url.slice(0, 80)}: ${(err as Error).message.split('\n')[0].slice(0, 200)}`);
          }
        }
      }
      expect(failures).toEqual([]);
      const guadalajara = latLngToCell(20.6767, -103.3475, 8);
      for (const [ids, status, code] of [
        [guadalajara, 404, 'unknown_area'],
        [zocalo(5), 400, 'invalid_resolution'],
        [zocalo(12), 400, 'invalid_resolution'],
        ['nada', 400, 'invalid_cell'],
      ] as const) {
        for (const url of urls(ids)) {
          const res = await app.request(url);
          expect(res.status, url).toBe(status);
          expect(((await res.json()) as { error: { code: string } }).error.code, url).toBe(code);
        }
      }
      const mixed = `${zocalo(8)},${zocalo(9)}`;
      for (const url of [urls(mixed)[1], urls(mixed)[3]])
        expect(await getCode(app, url), url).toBe('invalid_parameter');
    });

    it('after all of that the store still holds the whole import', async () => {
      const res = await createApp({ store: getStore() }).request('/api/health');
      const body = (await res.json()) as { incidents: number };
      // 132,692 SSC points + 6,944 FGJ incidents (tests/harness/README.md; counted from the files by etl tests)
      expect(body.incidents).toBe(139_636);
    });
  });
}
