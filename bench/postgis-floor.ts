/**
 * The PostGIS floor of the API benchmark: the way peers serve H3 hotspot maps (Martin and pg_tileserv
 * function sources, hoyodecrimen.com's API) — raw incidents in PostgreSQL + PostGIS, counted per
 * precomputed H3 column and encoded with `ST_AsMVT` — built exactly as `../shared/bench/postgis-floor/README.md`
 * says, from its own `schema.sql`, `indexes.sql`, `hotspots_r8.sql` and `functions.sql`, read from that
 * folder at run time (`BENCH_POSTGIS_FLOOR_DIR` overrides it).
 *
 * The rows are the very incidents the app stored (read back from its PostgreSQL database), so both sides
 * answer the same question over the same points; H3 cells come from h3-js `latLngToCell` at each
 * resolution (never `cellToParent`), stored as bigint. Rows and cell polygons are loaded with server-side
 * `COPY … FROM '/tmp/…'`, the indexes built afterwards, then `VACUUM (ANALYZE)`.
 *
 * One index is added to the shared ones, on `h3_cells (h3)`, the tile function's join key (see below).
 * Two questions the shared folder has no SQL for are answered here the PostGIS way: a ranking of
 * cuadrantes (a `GROUP BY` of the stored cuadrante, hoyodecrimen's ranking) and a comparison of two
 * periods over every colonia (a spatial join of the points with the colonia polygons on the GiST index).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import postgres from 'postgres';
import { cellToBoundary, latLngToCell } from 'h3-js';
import { loadBoundarySets } from '../reference/boundaries/index.ts';
import { tempDir } from './bench-env.ts';

/** The shared floor folder: `../shared/bench/postgis-floor` beside the checkout. */
export const FLOOR_DIR =
  process.env.BENCH_POSTGIS_FLOOR_DIR ?? fileURLToPath(new URL('../../shared/bench/postgis-floor/', import.meta.url));

/** Server settings the floor was measured with (its README). */
export const FLOOR_SETTINGS: Record<string, string> = {
  jit: 'off',
  max_parallel_workers_per_gather: '0',
  plan_cache_mode: 'force_custom_plan',
  shared_buffers: '1GB',
  work_mem: '64MB',
  fsync: 'on',
  synchronous_commit: 'on',
  full_page_writes: 'on',
};

const FLOOR_RESOLUTIONS = [7, 8, 9, 10] as const;
/**
 * Tile functions: res 9 as shared; res 7 derived as its README says (the column, and a margin over a
 * res-7 hexagon's diameter: 2 × 1.22 km average edge, H3 cells vary by about ±30 %).
 */
export const TILE_MARGIN_METRES: Record<number, number> = { 9: 500, 7: 3200 };

const POSTGIS_CONTROL = '/usr/share/postgresql/15/extension/postgis.control';

/** Installs Debian's `postgresql-15-postgis-3` with apt-get when PostGIS is missing (as the tests install Chromium). */
export function ensurePostgis(log: (line: string) => void): void {
  if (existsSync(POSTGIS_CONTROL)) return;
  if (process.getuid?.() !== 0)
    throw new Error(
      'PostGIS is not installed and this is not root: run `sudo apt-get install -y postgresql-15-postgis-3`.',
    );
  log('  PostGIS is missing: installing postgresql-15-postgis-3 with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'postgresql-15-postgis-3']]) {
    const r = spawnSync('apt-get', args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.error || r.status !== 0)
      throw new Error(
        `apt-get ${args.join(' ')} failed: ${r.error?.message ?? r.stderr.trim().split('\n').slice(-5).join('\n')}`,
      );
  }
  if (!existsSync(POSTGIS_CONTROL)) throw new Error(`apt-get installed PostGIS but ${POSTGIS_CONTROL} is missing`);
}

function floorSql(file: string): string {
  return readFileSync(join(FLOOR_DIR, file), 'utf8');
}

/** `functions.sql` for resolution `res`: the shared res-9 function with its column, name and margin changed. */
export function tileFunctionSql(res: number): string {
  const shared = floorSql('functions.sql');
  if (res === 9) return shared;
  const margin = `+ ${TILE_MARGIN_METRES[9]})`;
  if (!shared.includes(margin) || !shared.includes('h3_r9'))
    throw new Error(`functions.sql changed: cannot derive the res-${res} function`);
  return shared
    .replaceAll('hotspots_r9', `hotspots_r${res}`)
    .replaceAll('h3_r9', `h3_r${res}`)
    .replace(margin, `+ ${TILE_MARGIN_METRES[res]})`);
}

/** Prints the plan of the res-9 tile function's query for z12/920/1822, 2015 (`BENCH_FLOOR_EXPLAIN=1`). */
async function explainTile(sql: postgres.Sql, log: (line: string) => void): Promise<void> {
  const env = 'ST_TileEnvelope(12, 920, 1822)';
  const bbox = `ST_Transform(ST_Expand(${env}, (ST_XMax(${env}) - ST_XMin(${env})) * 64 / 4096 + 500), 4326)`;
  const rows = await sql.unsafe(`EXPLAIN (ANALYZE, BUFFERS)
    SELECT ST_AsMVT(t, 'hotspots', 4096, 'geom') FROM (
      SELECT to_hex(c.h3) AS h3, k.n, ST_AsMVTGeom(ST_Transform(c.geom, 3857), ${env}, 4096, 64, true) AS geom
      FROM (SELECT h3_r9, count(*)::int AS n FROM incidents
            WHERE category = 'robo_transeunte' AND occurred_on >= '2015-01-01' AND occurred_on < '2016-01-01' AND geom && ${bbox}
            GROUP BY h3_r9) k
      JOIN h3_cells c ON c.h3 = k.h3_r9) t
    WHERE t.geom IS NOT NULL`);
  log(rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n'));
}

/** Text-format COPY field (NULL as \N). */
const copyField = (v: string | number | null) =>
  v === null
    ? '\\N'
    : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

async function writeLines(path: string, lines: AsyncIterable<string>): Promise<void> {
  const out = createWriteStream(path, { mode: 0o644 });
  for await (const line of lines) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

interface AppIncident {
  id: string;
  source_record_id: string;
  original_label: string | null;
  category: string;
  cuadrante_2016: string | null;
  occurred_on: string;
  hour: number | null;
  lat: number;
  lon: number;
}

export interface Floor {
  sql: postgres.Sql;
  incidents: number;
  /** seconds to COPY the incidents into an empty copy of the table that already has the floor's indexes */
  indexedCopySeconds: number;
  hotspots(category: string, from: string, to: string): Promise<{ h3: string; n: number }[]>;
  tile(
    res: number,
    z: number,
    x: number,
    y: number,
    params: { category: string; from: string; to: string },
  ): Promise<Uint8Array>;
  rankCuadrantes(
    from: string,
    to: string,
    previousFrom: string,
  ): Promise<{ cuadrante: string; n: number; previous: number }[]>;
  compareColonias(
    p1: { from: string; to: string },
    p2: { from: string; to: string },
  ): Promise<{ id: string; p1: number; p2: number }[]>;
  close(): Promise<void>;
}

/**
 * Builds the floor in database `floorUrl` (empty, on a cluster with PostGIS) from the incidents of the
 * app's PostgreSQL database `appUrl`. Untimed, except the COPY into the indexed copy (the import floor).
 */
export async function buildFloor(appUrl: string, floorUrl: string, log: (line: string) => void): Promise<Floor> {
  const dir = tempDir('mapa-floor-');
  // the server (user postgres) reads the files
  chmodSync(dir.path, 0o755);
  const incidentsFile = join(dir.path, 'incidents.tsv');
  const cellsFile = join(dir.path, 'h3_cells.tsv');
  const coloniasFile = join(dir.path, 'colonias.tsv');
  const cells = FLOOR_RESOLUTIONS.map(() => new Set<string>());
  let incidents = 0;

  const app = postgres(appUrl, { max: 1, onnotice: () => {} });
  try {
    async function* rows(): AsyncIterable<string> {
      const cursor = app<AppIncident[]>`
        SELECT id::text, source_record_id, original_label, category, cuadrante_2016, occurred_on::text, hour, lat, lon
        FROM incidents WHERE lat IS NOT NULL AND lon IS NOT NULL ORDER BY id`.cursor(20_000);
      for await (const batch of cursor) {
        let text = '';
        for (const r of batch) {
          // SSC ids: "123" for the real row, "123-4" for its 4th jittered copy (bench/synthetic.ts)
          const [src, copy] = r.source_record_id.split('-');
          const h3 = FLOOR_RESOLUTIONS.map((res, i) => {
            const cell = latLngToCell(r.lat, r.lon, res);
            cells[i].add(cell);
            return BigInt('0x' + cell).toString();
          });
          text +=
            [
              r.id,
              Number(src) || 0,
              Number(copy ?? 0),
              r.category,
              r.original_label ?? '',
              r.cuadrante_2016,
              r.occurred_on,
              r.hour,
              `SRID=4326;POINT(${r.lon} ${r.lat})`,
              ...h3,
            ]
              .map(copyField)
              .join('\t') + '\n';
          incidents++;
        }
        yield text;
      }
    }
    await writeLines(incidentsFile, rows());
  } finally {
    await app.end();
  }
  await writeLines(
    cellsFile,
    (async function* () {
      for (const [i, set] of cells.entries()) {
        for (const cell of set) {
          const ring = cellToBoundary(cell, true)
            .map(([lon, lat]) => `${lon} ${lat}`)
            .join(',');
          yield `${BigInt('0x' + cell)}\t${FLOOR_RESOLUTIONS[i]}\tSRID=4326;POLYGON((${ring}))\n`;
        }
      }
    })(),
  );
  const colonias = loadBoundarySets().find((s) => s.kind === 'colonia');
  if (!colonias) throw new Error('no colonia boundaries');
  await writeLines(
    coloniasFile,
    (async function* () {
      for (const f of colonias.features) yield `${copyField(f.id)}\t${copyField(JSON.stringify(f.geometry))}\n`;
    })(),
  );

  const sql = postgres(floorUrl, { max: 2, onnotice: () => {} });
  try {
    await sql.unsafe('CREATE EXTENSION IF NOT EXISTS postgis');
    await sql.unsafe(floorSql('schema.sql'));
    let t = performance.now();
    await sql.unsafe(`COPY incidents FROM '${incidentsFile}'`);
    await sql.unsafe(`COPY h3_cells FROM '${cellsFile}'`);
    await sql.unsafe(
      `CREATE TABLE colonias_geojson (id text, geojson text); COPY colonias_geojson FROM '${coloniasFile}'`,
    );
    await sql.unsafe(
      `CREATE TABLE colonias AS SELECT id, ST_SetSRID(ST_GeomFromGeoJSON(geojson), 4326) AS geom FROM colonias_geojson; DROP TABLE colonias_geojson; CREATE INDEX colonias_geom ON colonias USING gist (geom)`,
    );
    const indexes = floorSql('indexes.sql');
    await sql.unsafe(indexes);
    // The one index the shared indexes.sql lacks: the tile function's join key. Without it the planner
    // pushes `geom IS NOT NULL` (ST_AsMVTGeom) down to a scan of every cell of every resolution (311 of
    // 359 ms of a 1× res-9 tile, BENCH_FLOOR_EXPLAIN=1), far from the README's figures: a peer keys it.
    await sql.unsafe('CREATE INDEX h3_cells_h3 ON h3_cells (h3)');
    await sql.unsafe(floorSql('functions.sql'));
    await sql.unsafe(tileFunctionSql(7));
    await sql.unsafe('VACUUM (ANALYZE)');
    if (process.env.BENCH_FLOOR_EXPLAIN) await explainTile(sql, log);
    log(
      `  floor: ${incidents.toLocaleString('en-US')} incidents, ${cells.map((s, i) => `${s.size.toLocaleString('en-US')} res-${FLOOR_RESOLUTIONS[i]}`).join(', ')} cells, ${colonias.features.length} colonias loaded and indexed in ${((performance.now() - t) / 1000).toFixed(0)} s`,
    );

    // The import floor: the same file into an empty copy of the table that already has the floor's indexes.
    await sql.unsafe('CREATE TABLE incidents_floor (LIKE incidents)');
    await sql.unsafe(
      indexes
        .replace(/\bON incidents\b/g, 'ON incidents_floor')
        .replace(/ALTER TABLE incidents\b/g, 'ALTER TABLE incidents_floor')
        .replace(/CREATE INDEX incidents_/g, 'CREATE INDEX incidents_floor_'),
    );
    t = performance.now();
    await sql.begin((tx) => tx.unsafe(`COPY incidents_floor FROM '${incidentsFile}'`));
    const indexedCopySeconds = (performance.now() - t) / 1000;
    await sql.unsafe('DROP TABLE incidents_floor');
    dir.remove();

    const hotspotsSql = floorSql('hotspots_r8.sql');
    return {
      sql,
      incidents,
      indexedCopySeconds,
      hotspots: (category, from, to) =>
        sql.unsafe(hotspotsSql, [category, from, to], { prepare: true }) as Promise<{ h3: string; n: number }[]>,
      async tile(res, z, x, y, params) {
        // postgres.js sends an object as json (a string would arrive as a JSON string literal)
        const [row] = await sql.unsafe(
          `SELECT hotspots_r${res}($1, $2, $3, $4::json) AS mvt`,
          [z, x, y, params as never],
          { prepare: true },
        );
        return row.mvt ?? new Uint8Array();
      },
      rankCuadrantes: (from, to, previousFrom) =>
        sql.unsafe(
          `SELECT cuadrante, count(*) FILTER (WHERE occurred_on >= $2)::int AS n, count(*) FILTER (WHERE occurred_on < $2)::int AS previous
           FROM incidents WHERE cuadrante IS NOT NULL AND occurred_on >= $1 AND occurred_on < $3
           GROUP BY cuadrante ORDER BY n DESC, cuadrante`,
          [previousFrom, from, to],
          { prepare: true },
        ) as Promise<{ cuadrante: string; n: number; previous: number }[]>,
      compareColonias: (p1, p2) =>
        sql.unsafe(
          `SELECT c.id, count(*) FILTER (WHERE i.occurred_on >= $1 AND i.occurred_on < $2)::int AS p1,
                  count(*) FILTER (WHERE i.occurred_on >= $3 AND i.occurred_on < $4)::int AS p2
           FROM colonias c JOIN incidents i ON ST_Intersects(c.geom, i.geom)
           WHERE (i.occurred_on >= $1 AND i.occurred_on < $2) OR (i.occurred_on >= $3 AND i.occurred_on < $4)
           GROUP BY c.id`,
          [p1.from, p1.to, p2.from, p2.to],
          { prepare: true },
        ) as Promise<{ id: string; p1: number; p2: number }[]>,
      close: () => sql.end(),
    };
  } catch (err) {
    await sql.end();
    throw err;
  }
}
