/**
 * Test fixture for the API: a store holding REAL SSC incident rows (every row of
 * `crime/ssc_crime_points_2013_2016.csv` dated in SAMPLE_FROM…SAMPLE_TO) and every real area,
 * loaded the way the import does it (taxonomy, 2016 lookup, point-in-polygon, H3). Tests compute
 * their expected values from `sample.rows` — the raw CSV rows — with their own filters, never from
 * the code under test.
 */
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import type { Insertable } from 'kysely';
import type { Store } from '../../db/connect.ts';
import type { IncidentsTable } from '../../db/schema.ts';
import { classifyLabel } from '../../core/taxonomy/index.ts';
import { buildReverseGeocoder } from '../../geo/areas/index.ts';
import { cellsFor } from '../../geo/h3/index.ts';
import { loadBoundarySets, loadCuadrante2016Lookup } from '../../reference/boundaries/index.ts';
import { readBundled } from '../../reference/files/index.ts';
import type { RawSscRow } from './ssc-raw.ts';

export const SAMPLE_FROM = '2015-05-01';
export const SAMPLE_TO = '2015-08-01';

/** One SSC CSV row as published. */
export type SscRow = RawSscRow;

export interface Sample {
  rows: SscRow[];
  /** ids of the rows whose point lies in Mexico City (the hexagon-counted ones) */
  inCity: Set<string>;
}

let cached: { sample: Sample; incidents: Insertable<IncidentsTable>[] } | undefined;

function build() {
  if (cached) return cached;
  const text = readBundled('crime/ssc_crime_points_2013_2016.csv.gz');
  const all = parse(text, { columns: true, skip_empty_lines: true }) as SscRow[];
  const rows = all.filter((r) => r.date >= SAMPLE_FROM && r.date < SAMPLE_TO);
  const sets = loadBoundarySets();
  const geocoder = buildReverseGeocoder(sets);
  const lookup = loadCuadrante2016Lookup();
  const inCity = new Set<string>();
  const incidents = rows.map((r): Insertable<IncidentsTable> => {
    const cls = classifyLabel(r.crime);
    const lat = Number(r.lat);
    const lon = Number(r.long);
    const located = r.lat !== 'NA' && Number.isFinite(lat) && Number.isFinite(lon) && geocoder.inCity(lat, lon);
    if (located) inCity.add(r.id);
    const where = located ? geocoder.locate(lat, lon) : undefined;
    const cells = located ? cellsFor(lat, lon) : undefined;
    const info = lookup.get(r.cuadrante);
    const hour = /^(\d{2}):\d{2}$/.exec(r.hour);
    const day = new Date(`${r.date}T00:00:00Z`).getUTCDay();
    return {
      source_kind: 'official',
      source: 'ssc_points',
      source_record_id: r.id,
      occurred_on: r.date,
      month: `${r.date.slice(0, 7)}-01`,
      hour: hour ? Number(hour[1]) : null,
      dow: day === 0 ? 7 : day,
      occurred_at: null,
      time_precision: hour ? 'hour' : 'date',
      category: cls.category ?? 'otros',
      violence: cls.violence,
      attempt: cls.attempt,
      original_label: r.crime,
      victims: 1,
      lat: located ? lat : null,
      lon: located ? lon : null,
      location_precision: located ? 'point' : 'cuadrante',
      // as the import does: SSC names its 2016 cuadrante; its sector and alcaldía follow from it
      cuadrante_2016: r.cuadrante,
      sector_2016: info?.sector ?? null,
      alcaldia_2016: info?.alcaldiaId ?? null,
      alcaldia_2023: where?.alcaldia_2023 ?? null,
      colonia: where?.colonia ?? null,
      cuadrante_2023: where?.cuadrante_2023 ?? null,
      sector_2023: where?.sector_2023 ?? null,
      ...(cells ? { h3_6: cells.h3_6, h3_7: cells.h3_7, h3_8: cells.h3_8, h3_9: cells.h3_9, h3_10: cells.h3_10, h3_11: cells.h3_11 } : {}),
    };
  });
  return (cached = { sample: { rows, inCity }, incidents });
}

/** Loads the sample and every area into an empty, migrated store; returns the sample. */
export async function seedSample(store: Pick<Store, 'db'>): Promise<Sample> {
  const { sample, incidents } = build();
  const areas = loadBoundarySets().flatMap((set) =>
    // single-set kinds stored once, under 2023: the repository must find them for 2016 too
    set.features.map((f) => ({ kind: set.kind, vintage: set.vintage ?? 2023, id: f.id, name: f.name, alcaldia_id: f.alcaldiaId, population: f.population })),
  );
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < areas.length; i += 1000) await trx.insertInto('areas').values(areas.slice(i, i + 1000)).execute();
    for (let i = 0; i < incidents.length; i += 1000) await trx.insertInto('incidents').values(incidents.slice(i, i + 1000)).execute();
    await trx.updateTable('meta').set({ value: '1' }).where('key', '=', 'data_version').execute();
  });
  return sample;
}
