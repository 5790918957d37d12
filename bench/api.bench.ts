/**
 * API benchmark: the real server over the SSC points at several sizes (1× is the
 * real file; N× adds jittered copies ≤ 100 m, generated here by `bench/synthetic.ts`, never committed),
 * each question measured beside two floors in the same run on the same machine and PostgreSQL server:
 *  - bare: a `node:http` server answering the same bytes with the same headers (the cost of HTTP alone);
 *  - PostGIS: the same question answered the way peers answer it, on the same incidents
 *    (`bench/postgis-floor.ts`: the shared schema, indexes and SQL of `../shared/bench/postgis-floor/`).
 * Questions (uncached: the app runs without a response cache, as a signed-in admin so that both sides
 * answer exact counts): hotspots res 8 over the city for one month and one category; the hexagon tiles
 * z12/920/1822 (res 9) and z10/230/455 (res 7) for one year and one category; a compare of two periods
 * spanning 3 years over every colonia; a rank of every cuadrante (2016) for one year against the year
 * before. Each request of a run asks a different month/year/offset, cycling. One client, then two
 * concurrent clients for the hotspots and tiles; p50/p99 in ms and requests/s, and the ratios printed.
 * Also the import's rows/s against COPY of the same rows into the floor's indexed table, and the app
 * server's memory (it runs in its own process, `bench/api-server.ts`).
 *
 * `npm run bench -- api --scale 1,10,30` (default 1,10); `BENCH_BACKENDS=postgres` skips PGlite (which
 * runs only at ≤ 10×, or `BENCH_PGLITE_MAX_SCALE`); `BENCH_API_SECONDS` (default 3) sets the minimum length of each measurement.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { openStore, type Backend, type Store } from '../db/connect.ts';
import { createToken } from '../db/queries/tokens.ts';
import { importAreas } from '../etl/areas/index.ts';
import { importOfficialFile } from '../etl/official/index.ts';
import { startCluster } from '../tests/harness/postgres-cluster.ts';
import { fmtInt, fmtMs, fmtPct, isMain, onCleanup, runCleanups, sscTempFile, table, tempDir } from './bench-env.ts';
import { percentile, withTimeout } from './http-load.ts';
import { buildFloor, ensurePostgis, FLOOR_SETTINGS, type Floor } from './postgis-floor.ts';

export interface ApiOptions {
  scales?: number[];
  backends?: Backend[];
  seconds?: number;
  log?: (line: string) => void;
}

export interface Measured {
  p50: number;
  p99: number;
  requestsPerSecond: number;
  requests: number;
}

export interface QuestionFigures {
  scale: number;
  backend: Backend;
  question: string;
  clients: number;
  app: Measured;
  bare?: Measured;
  postgis?: Measured;
  /** does the app's answer equal PostGIS's (counts per cell/area)? */
  agreement?: string;
}

export interface ImportFigures {
  scale: number;
  backend: Backend;
  rows: number;
  incidents: number;
  importSeconds: number;
  floorIncidents?: number;
  floorCopySeconds?: number;
}

export interface ApiFigures {
  questions: QuestionFigures[];
  imports: ImportFigures[];
  memory: { scale: number; backend: Backend; rssMiB: number; peakMiB: number }[];
}

const CATEGORY = 'robo_transeunte';
const YEARS = [2013, 2014, 2015];
/** PGlite only up to 10× (`BENCH_PGLITE_MAX_SCALE`): it imports a 30× file far too slowly for one run. */
const PGLITE_MAX_SCALE = Number(process.env.BENCH_PGLITE_MAX_SCALE ?? 10);
const PGLITE_NOTE = `PGlite runs at ≤ ${PGLITE_MAX_SCALE}× only`;

/** Scales from `--scale 1,10,30` (or `--scale=…`), else BENCH_API_SCALES, else 1,10. */
export function scalesFromArgs(argv: readonly string[] = process.argv): number[] {
  const i = argv.findIndex((a) => a === '--scale' || a.startsWith('--scale='));
  const raw = i < 0 ? process.env.BENCH_API_SCALES : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  const scales = (raw ?? '1,10').split(',').map(Number);
  if (!scales.every((s) => Number.isInteger(s) && s >= 1 && s <= 100))
    throw new Error(`--scale: whole numbers 1–100 separated by commas, not ${raw}`);
  return scales;
}

function months(): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  for (let i = 0; i < 45; i++) out.push({ from: monthStart(2013, i), to: monthStart(2013, i + 1) });
  return out;
}

function monthStart(year: number, offset: number): string {
  const y = year + Math.floor(offset / 12);
  return `${y}-${String((offset % 12) + 1).padStart(2, '0')}-01`;
}

const yearRange = (y: number) => ({ from: `${y}-01-01`, to: `${y + 1}-01-01` });

interface Question {
  name: string;
  /** two concurrent clients as well */
  twoClients: boolean;
  /** the app's paths, one per variant (cycled) */
  paths: string[];
  /** the same variant answered by PostGIS */
  floor: (f: Floor, i: number) => Promise<unknown>;
  /** compares the app's body and PostGIS's answer of variant 0 */
  agree: (appBody: Uint8Array, floorAnswer: unknown) => string;
}

function decodeTile(bytes: Uint8Array, countKey: string): Map<string, number> {
  const out = new Map<string, number>();
  const layer = new VectorTile(new Pbf(bytes)).layers.hotspots;
  for (let i = 0; i < (layer?.length ?? 0); i++) {
    const p = layer.feature(i).properties;
    out.set(String(p.h3).padStart(15, '0'), Number(p[countKey]));
  }
  return out;
}

/** "=" when both maps hold the same keys and values; otherwise how they differ. */
function compareCounts(app: Map<string, number>, floor: Map<string, number>, what: string): string {
  let differ = 0;
  for (const [k, v] of app) if (floor.has(k) && floor.get(k) !== v) differ++;
  const onlyApp = [...app.keys()].filter((k) => !floor.has(k)).length;
  const onlyFloor = [...floor.keys()].filter((k) => !app.has(k)).length;
  if (!differ && !onlyApp && !onlyFloor) return `= (${app.size} ${what})`;
  return `${app.size}/${floor.size} ${what}: ${differ} counts differ, ${onlyApp} only app, ${onlyFloor} only PostGIS`;
}

const json = (body: Uint8Array) => JSON.parse(Buffer.from(body).toString('utf8'));

function questions(): Question[] {
  const ms = months();
  const tile = (name: string, res: number, z: number, x: number, y: number): Question => ({
    name,
    twoClients: true,
    paths: YEARS.map((yr) => {
      const r = yearRange(yr);
      return `/api/tiles/hotspots/${z}/${x}/${y}.pbf?from=${r.from}&to=${r.to}&category=${CATEGORY}`;
    }),
    floor: (f, i) => f.tile(res, z, x, y, { category: CATEGORY, ...yearRange(YEARS[i % YEARS.length]) }),
    // different clipping rules choose which border cells a tile carries: compare the counts of cells both hold
    agree: (body, mvt) => {
      const app = decodeTile(body, 'count');
      const floor = decodeTile(mvt as Uint8Array, 'n');
      const common = [...app.keys()].filter((k) => floor.has(k));
      const differ = common.filter((k) => app.get(k) !== floor.get(k)).length;
      return `${app.size}/${floor.size} cells, ${common.length} in both, ${differ} counts differ`;
    },
  });
  // compare: p1 and p2 of 18 months each, 3 years in all, starting at month 0…9 of 2013
  const compareVariant = (i: number) => ({
    p1: { from: monthStart(2013, i), to: monthStart(2013, i + 18) },
    p2: { from: monthStart(2013, i + 18), to: monthStart(2013, i + 36) },
  });
  const rankYears = [2014, 2015];
  return [
    {
      name: 'hotspots res 8, 1 month',
      twoClients: true,
      paths: ms.map((m) => `/api/hotspots?res=8&from=${m.from}&to=${m.to}&category=${CATEGORY}`),
      floor: (f, i) => f.hotspots(CATEGORY, ms[i % ms.length].from, ms[i % ms.length].to),
      agree: (body, rows) =>
        compareCounts(
          new Map((json(body).cells as { h3: string; count: number }[]).map((c) => [c.h3, c.count])),
          new Map((rows as { h3: string; n: number }[]).map((r) => [r.h3.padStart(15, '0'), r.n])),
          'cells',
        ),
    },
    tile('tile z12/920/1822 res 9, 1 year', 9, 12, 920, 1822),
    tile('tile z10/230/455 res 7, 1 year', 7, 10, 230, 455),
    {
      name: 'compare 3 years, all colonias',
      twoClients: false,
      paths: [...Array(10).keys()].map((i) => {
        const v = compareVariant(i);
        return `/api/compare?kind=colonia&p1=${v.p1.from}..${v.p1.to}&p2=${v.p2.from}..${v.p2.to}`;
      }),
      floor: (f, i) => {
        const v = compareVariant(i % 10);
        return f.compareColonias(v.p1, v.p2);
      },
      agree: (body, rows) => {
        const items = json(body).items as { id: string; p1: number; p2: number }[];
        const key = (p1: number, p2: number) => p1 * 1e7 + p2;
        return compareCounts(
          new Map(items.filter((a) => a.p1 || a.p2).map((a) => [a.id, key(a.p1, a.p2)])),
          new Map((rows as { id: string; p1: number; p2: number }[]).map((r) => [r.id, key(r.p1, r.p2)])),
          'colonias',
        );
      },
    },
    {
      name: 'rank cuadrantes 2016, 1 year',
      twoClients: false,
      paths: rankYears.map((y) => `/api/rank?kind=cuadrante&vintage=2016&from=${y}-01-01&to=${y + 1}-01-01&limit=2000`),
      floor: (f, i) => {
        const y = rankYears[i % rankYears.length];
        return f.rankCuadrantes(`${y}-01-01`, `${y + 1}-01-01`, `${y - 1}-01-01`);
      },
      agree: (body, rows) => {
        const key = (n: number, prev: number) => n * 1e7 + prev;
        return compareCounts(
          new Map(
            (json(body).items as { id: string; count: number; previous: number }[])
              .filter((a) => a.count || a.previous)
              .map((a) => [a.id, key(a.count, a.previous)]),
          ),
          new Map(
            (rows as { cuadrante: string; n: number; previous: number }[]).map((r) => [
              r.cuadrante,
              key(r.n, r.previous),
            ]),
          ),
          'cuadrantes',
        );
      },
    },
  ];
}

/**
 * `clients` concurrent loops calling `call(k)` with k = 0, 1, 2…, for at least `seconds` and at least
 * `minRequests` calls (at most `maxSeconds`); latency of each call and calls per second of wall time.
 */
export async function closedLoop(
  clients: number,
  call: (k: number) => Promise<unknown>,
  seconds: number,
  minRequests = 10,
  maxSeconds = 60,
): Promise<Measured> {
  const times: number[] = [];
  let next = 0;
  const t0 = performance.now();
  const loop = async () => {
    for (;;) {
      const elapsed = (performance.now() - t0) / 1000;
      if (elapsed >= maxSeconds || (elapsed >= seconds && times.length >= minRequests)) return;
      const k = next++;
      const t = performance.now();
      await call(k);
      times.push(performance.now() - t);
    }
  };
  await Promise.all([...Array(clients)].map(loop));
  const wall = (performance.now() - t0) / 1000;
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    requestsPerSecond: times.length / wall,
    requests: times.length,
  };
}

/** Headers node:http writes on its own (the bare server writes them itself). */
const NODE_HTTP_OWN_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

async function get(url: string, token?: string): Promise<{ body: Uint8Array; headers: Headers }> {
  // identity: both servers write the same uncompressed bytes
  const res = await fetch(url, {
    headers: { 'accept-encoding': 'identity', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const body = new Uint8Array(await res.arrayBuffer());
  if (res.status !== 200)
    throw new Error(`GET ${url}: ${res.status} ${Buffer.from(body).toString('utf8').slice(0, 300)}`);
  return { body, headers: res.headers };
}

interface ServerProcess {
  url: string;
  pid: number;
  /** VmRSS and VmHWM (peak) in MiB */
  memory(): { rssMiB: number; peakMiB: number };
  stop(): Promise<void>;
}

const SERVER_SCRIPT = fileURLToPath(new URL('./api-server.ts', import.meta.url));
const TSX_LOADER = createRequire(import.meta.url).resolve('tsx');

/** `bench/api-server.ts` in a child process; resolves once it listens. */
function startServer(args: string[]): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', TSX_LOADER, SERVER_SCRIPT, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const kill = onCleanup(() => child.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`api-server exited ${code} before listening`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^LISTENING (\S+)$/.exec(line);
      if (!m) return;
      resolve({
        url: m[1],
        pid: child.pid!,
        memory() {
          const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
          const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
          return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
        },
        async stop() {
          child.removeAllListeners('exit');
          const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
          child.kill('SIGTERM');
          await withTimeout(exited, 10_000, 'api-server stop').catch(() => child.kill('SIGKILL'));
          kill();
        },
      });
    });
  });
}

async function createDatabaseIn(admin: postgres.Sql, adminUrl: string, name: string): Promise<string> {
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Loads the areas (untimed), imports the N× file into `store` (timed), creates an admin token, closes the store. */
async function importInto(
  store: Store,
  file: string,
  figures: Omit<ImportFigures, 'rows' | 'incidents' | 'importSeconds'>,
): Promise<{ token: string; figures: ImportFigures }> {
  try {
    // a fresh store has no areas: compare and rank list them
    await importAreas(store);
    const t0 = performance.now();
    const report = await importOfficialFile(store, file, { format: 'ssc_points' });
    const importSeconds = (performance.now() - t0) / 1000;
    const token = await createToken(store, { role: 'admin', name: 'bench' });
    return { token, figures: { ...figures, rows: report.rows, incidents: report.incidents, importSeconds } };
  } finally {
    await store.close();
  }
}

async function measureApp(
  server: ServerProcess,
  token: string,
  scale: number,
  backend: Backend,
  floor: Floor | undefined,
  bare: ServerProcess | undefined,
  seconds: number,
  out: QuestionFigures[],
  log: (l: string) => void,
): Promise<void> {
  for (const q of questions()) {
    const app = (k: number) => get(server.url + q.paths[k % q.paths.length], token);
    const first = await app(0); // warm-up, and the bytes the bare server answers
    const agreement = floor ? q.agree(first.body, await q.floor(floor, 0)) : undefined;
    for (const clients of q.twoClients ? [1, 2] : [1]) {
      const row: QuestionFigures = {
        scale,
        backend,
        question: q.name,
        clients,
        app: await closedLoop(clients, app, seconds),
        agreement: clients === 1 ? agreement : undefined,
      };
      if (bare) row.bare = await closedLoop(clients, () => get(bare.url + q.paths[0]), seconds);
      if (floor) row.postgis = await closedLoop(clients, (k) => q.floor(floor, k), seconds);
      out.push(row);
    }
    log(`  ${scale}× ${backend} ${q.name}: done`);
  }
}

/** The bare floor: every question's first variant, with the bytes and headers the app answered. */
async function startBare(server: ServerProcess, token: string, dir: string): Promise<ServerProcess> {
  const responses: Record<string, { body: string; headers: Record<string, string> }> = {};
  for (const q of questions()) {
    const { body, headers } = await get(server.url + q.paths[0], token);
    const kept: Record<string, string> = {};
    headers.forEach((v, h) => {
      if (!NODE_HTTP_OWN_HEADERS.has(h)) kept[h] = v;
    });
    responses[q.paths[0]] = { body: Buffer.from(body).toString('base64'), headers: kept };
  }
  const file = join(dir, 'bare.json');
  writeFileSync(file, JSON.stringify(responses));
  return startServer(['bare', file]);
}

async function runScale(
  scale: number,
  backends: Backend[],
  cluster: { url: string; admin: postgres.Sql },
  seconds: number,
  figures: ApiFigures,
  log: (l: string) => void,
): Promise<void> {
  const csv = sscTempFile(scale);
  const dir = tempDir(`mapa-bench-api-x${scale}-`);
  try {
    // PostgreSQL first: its stored incidents are the floor's rows.
    const appUrl = await createDatabaseIn(cluster.admin, cluster.url, `bench_api_x${scale}`);
    const pg = await importInto(await openStore({ databaseUrl: appUrl }), csv.path, { scale, backend: 'postgres' });
    const floorUrl = await createDatabaseIn(cluster.admin, cluster.url, `bench_floor_x${scale}`);
    const floor = await buildFloor(appUrl, floorUrl, log);
    figures.imports.push({
      ...pg.figures,
      floorIncidents: floor.incidents,
      floorCopySeconds: floor.indexedCopySeconds,
    });
    log(
      `  ${scale}×: imported ${fmtInt(pg.figures.incidents)} incidents in ${pg.figures.importSeconds.toFixed(0)} s; COPY into the floor's indexed table ${floor.indexedCopySeconds.toFixed(1)} s`,
    );
    try {
      for (const backend of backends) {
        if (backend === 'pglite' && scale > PGLITE_MAX_SCALE) {
          log(`  ${scale}× pglite: skipped (${PGLITE_NOTE})`);
          continue;
        }
        let token = pg.token;
        let storeArg: object = { databaseUrl: appUrl };
        if (backend === 'pglite') {
          const dataDir = join(dir.path, 'pglite');
          const lite = await importInto(await openStore({ dataDir }), csv.path, { scale, backend: 'pglite' });
          figures.imports.push(lite.figures);
          token = lite.token;
          storeArg = { dataDir };
        }
        const server = await startServer(['app', JSON.stringify(storeArg)]);
        const bare = await startBare(server, token, dir.path);
        try {
          await measureApp(server, token, scale, backend, floor, bare, seconds, figures.questions, log);
          figures.memory.push({ scale, backend, ...server.memory() });
        } finally {
          await server.stop();
          await bare.stop();
        }
      }
    } finally {
      await floor.close();
      for (const db of [`bench_api_x${scale}`, `bench_floor_x${scale}`])
        await cluster.admin.unsafe(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    }
  } finally {
    csv.remove();
    dir.remove();
  }
}

const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '-');

function print(figures: ApiFigures, log: (l: string) => void): void {
  log(
    "\nImport (importOfficialFile, end to end) vs COPY of the same incidents into the PostGIS floor's indexed table:",
  );
  log(
    table(
      ['scale', 'backend', 'rows', 'incidents', 'import s', 'import rows/s', 'COPY s', 'COPY rows/s', 'import/COPY'],
      figures.imports.map((i) => [
        `${i.scale}×`,
        i.backend,
        fmtInt(i.rows),
        fmtInt(i.incidents),
        i.importSeconds.toFixed(1),
        fmtInt(i.rows / i.importSeconds),
        i.floorCopySeconds?.toFixed(1) ?? '-',
        i.floorCopySeconds ? fmtInt(i.floorIncidents! / i.floorCopySeconds) : '-',
        i.floorCopySeconds ? fmtPct(i.rows / i.importSeconds / (i.floorIncidents! / i.floorCopySeconds)) : '-',
      ]),
    ),
  );
  log(
    '\nUncached requests (app as a signed-in admin, no response cache) beside the bare node:http floor (same bytes) and the PostGIS floor (same question); ms and req/s:',
  );
  log(
    table(
      [
        'scale',
        'backend',
        'question',
        'clients',
        'app p50',
        'app p99',
        'app req/s',
        'PostGIS p50',
        'PostGIS p99',
        'PostGIS req/s',
        'bare p50',
        'bare req/s',
        'PostGIS/app p50',
        'app/PostGIS req/s',
        'app/bare req/s',
      ],
      figures.questions.map((q) => [
        `${q.scale}×`,
        q.backend,
        q.question,
        q.clients,
        fmtMs(q.app.p50),
        fmtMs(q.app.p99),
        q.app.requestsPerSecond.toFixed(0),
        q.postgis ? fmtMs(q.postgis.p50) : '-',
        q.postgis ? fmtMs(q.postgis.p99) : '-',
        q.postgis ? q.postgis.requestsPerSecond.toFixed(0) : '-',
        q.bare ? fmtMs(q.bare.p50) : '-',
        q.bare ? q.bare.requestsPerSecond.toFixed(0) : '-',
        q.postgis ? ratio(q.postgis.p50, q.app.p50) : '-',
        q.postgis ? ratio(q.app.requestsPerSecond, q.postgis.requestsPerSecond) : '-',
        q.bare ? fmtPct(q.app.requestsPerSecond / q.bare.requestsPerSecond) : '-',
      ]),
    ),
  );
  log('\nAnswers, app vs PostGIS (first variant of each question):');
  for (const q of figures.questions.filter((x) => x.agreement))
    log(`  ${q.scale}× ${q.backend} ${q.question}: ${q.agreement}`);

  const scales = [...new Set(figures.questions.map((q) => q.scale))].sort((a, b) => a - b);
  if (scales.length > 1) {
    const [lo, hi] = [scales[0], scales[scales.length - 1]];
    log(`\nGrowth of the one-client p50 from ${lo}× to ${hi}× (target for hotspots and tiles: ≤ 3×):`);
    const rows: string[][] = [];
    for (const q of figures.questions.filter((x) => x.scale === hi && x.clients === 1)) {
      const base = figures.questions.find(
        (x) => x.scale === lo && x.clients === 1 && x.backend === q.backend && x.question === q.question,
      );
      if (base)
        rows.push([
          q.backend,
          q.question,
          ratio(q.app.p50, base.app.p50),
          base.postgis && q.postgis ? ratio(q.postgis.p50, base.postgis.p50) : '-',
        ]);
    }
    log(table(['backend', 'question', 'app', 'PostGIS'], rows));
  }
  log('\nApp server memory after its run (its own process):');
  log(
    table(
      ['scale', 'backend', 'RSS MiB', 'peak RSS MiB'],
      figures.memory.map((m) => [`${m.scale}×`, m.backend, m.rssMiB.toFixed(0), m.peakMiB.toFixed(0)]),
    ),
  );
  log(
    '\ntargets: hotspots p50 ≤ PostGIS (PostGIS/app ≥ 1×) at 10× and 30×; tiles ≥ 4× faster than ST_AsMVT and two-client req/s ≥ 2× PostGIS; ' +
      '1× → 30× growth ≤ 3× for hotspots and tiles; compare ≤ 50 ms; import ≥ 50 % of COPY at 10×; server memory at 30× on PostgreSQL ≤ 300 MiB',
  );
}

export async function run(opts: ApiOptions = {}): Promise<ApiFigures> {
  const log = opts.log ?? console.log;
  const scales = opts.scales ?? scalesFromArgs();
  const backends = opts.backends ?? ['postgres', 'pglite'];
  const seconds = opts.seconds ?? Number(process.env.BENCH_API_SECONDS ?? 3);
  ensurePostgis(log);
  log(
    `\n== api at ${scales.map((s) => `${s}×`).join(', ')} on ${backends.join(', ')} (${PGLITE_NOTE}); category ${CATEGORY}; each measurement ≥ ${seconds} s and ≥ 10 requests ==`,
  );
  // Its own cluster, with the settings the PostGIS floor was measured with; the app uses the same server.
  let url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    const cluster = await startCluster({ settings: FLOOR_SETTINGS });
    onCleanup(() => cluster.stop());
    url = cluster.url;
    log(
      `  PostgreSQL cluster on port ${cluster.port} (${Object.entries(FLOOR_SETTINGS)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')})`,
    );
  }
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const figures: ApiFigures = { questions: [], imports: [], memory: [] };
  try {
    for (const scale of scales) {
      const t0 = performance.now();
      await runScale(scale, backends, { url, admin }, seconds, figures, log);
      log(`  ${scale}×: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      // the figures so far, in case a larger size fails or is interrupted
      if (scale !== scales[scales.length - 1]) print(figures, log);
    }
  } finally {
    await admin.end();
  }
  print(figures, log);
  return figures;
}

if (isMain(import.meta.url)) {
  const backends = process.env.BENCH_BACKENDS?.split(',').filter(Boolean) as Backend[] | undefined;
  run({ backends })
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    })
    .finally(runCleanups);
}
