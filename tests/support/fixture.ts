/**
 * Test fixture for the API: a store holding REAL SSC incident rows (every row of
 * `crime/ssc_crime_points_2013_2016.csv` dated in SAMPLE_FROM…SAMPLE_TO) and every real area,
 * loaded the way the import does it (taxonomy, 2016 lookup; point-in-polygon and H3 by the store's
 * incident writer). Tests compute
 * their expected values from `sample.rows` — the raw CSV rows — with their own filters, never from
 * the code under test.
 */
import { parse } from 'csv-parse/sync';
import type { Store } from '../../db/connect.ts';
import { IncidentWriter } from '../../db/incidents/writer.ts';
import type { NormalisedIncident } from '../../core/incident/index.ts';
import { classifyLabel } from '../../core/taxonomy/index.ts';
import { buildReverseGeocoder, type ReverseGeocoder } from '../../geo/areas/index.ts';
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

let cached: { sample: Sample; incidents: NormalisedIncident[]; geocoder: ReverseGeocoder } | undefined;

function build() {
  if (cached) return cached;
  const text = readBundled('crime/ssc_crime_points_2013_2016.csv.gz');
  const all = parse(text, { columns: true, skip_empty_lines: true }) as SscRow[];
  const rows = all.filter((r) => r.date >= SAMPLE_FROM && r.date < SAMPLE_TO);
  const sets = loadBoundarySets();
  const geocoder = buildReverseGeocoder(sets);
  const lookup = loadCuadrante2016Lookup();
  const inCity = new Set<string>();
  const incidents = rows.map((r): NormalisedIncident => {
    const cls = classifyLabel(r.crime);
    const lat = Number(r.lat);
    const lon = Number(r.long);
    const located = r.lat !== 'NA' && Number.isFinite(lat) && Number.isFinite(lon) && geocoder.inCity(lat, lon);
    if (located) inCity.add(r.id);
    const info = lookup.get(r.cuadrante);
    const hour = /^(\d{2}):\d{2}$/.exec(r.hour);
    return {
      sourceKind: 'official',
      source: 'ssc_points',
      sourceRecordId: r.id,
      occurredOn: r.date,
      hour: hour ? Number(hour[1]) : null,
      occurredAt: null,
      timePrecision: hour ? 'hour' : 'date',
      category: cls.category ?? 'otros',
      violence: cls.violence,
      attempt: cls.attempt,
      originalLabel: r.crime,
      victims: 1,
      point: located ? { lat, lon } : null,
      placedAtPoint: located,
      locationPrecision: located ? 'point' : 'cuadrante',
      // as the import does: SSC names its 2016 cuadrante; its sector and alcaldía follow from it
      // (the other areas and the H3 cells follow from the point, placed by the store's incident writer)
      statedAreas: {
        cuadrante2016: r.cuadrante,
        sector2016: info?.sector ?? null,
        alcaldia2016: info?.alcaldiaId ?? null,
      },
      provenance: null,
    };
  });
  return (cached = { sample: { rows, inCity }, incidents, geocoder });
}
/** Loads the sample and every area into an empty, migrated store; returns the sample. */
export async function seedSample(store: Pick<Store, 'db'>): Promise<Sample> {
  const { sample, incidents, geocoder } = build();
  const areas = loadBoundarySets().flatMap((set) =>
    // single-set kinds stored once, under 2023: the repository must find them for 2016 too
    set.features.map((f) => ({
      kind: set.kind,
      vintage: set.vintage ?? 2023,
      id: f.id,
      name: f.name,
      alcaldia_id: f.alcaldiaId,
      population: f.population,
    })),
  );
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < areas.length; i += 1000)
      await trx
        .insertInto('areas')
        .values(areas.slice(i, i + 1000))
        .execute();
    await new IncidentWriter(geocoder).writeIn(trx, { insert: incidents });
    await trx.updateTable('meta').set({ value: '1' }).where('key', '=', 'data_version').execute();
  });
  return sample;
}
