/**
 * The project's one geocoder, ready to use: loads the bundled boundaries and stations once per process,
 * builds the gazetteer (`geo/gazetteer`) and wraps `geo/geocode` so that results carry the H3 cell
 * (resolution 9) as the CLI contract specifies. Importers call `getGeocoder()`.
 */
import { latLngToCell } from 'h3-js';
import { buildReverseGeocoder, type ReverseGeocoder } from '../../geo/areas/index.ts';
import { buildGazetteer, type Gazetteer, type GazetteerInput } from '../../geo/gazetteer/index.ts';
import { createGeocoder, emptyResult, type GeocodeResult } from '../../geo/geocode/index.ts';
import { loadBoundarySets, loadStations } from '../boundaries/index.ts';
import { loadIntersections } from '../streets/index.ts';
import { loadTransit, onTransitReload } from '../transit/index.ts';
import { loadLandmarks } from '../landmarks/index.ts';
import { stopNameParts } from '../landmarks/stop-names.ts';

export type { GeocodeResult } from '../../geo/geocode/index.ts';

/** One CLI/importer result: the geocode result with `h3` (resolution 9, null without a point). */
export type GeocodeOutput = GeocodeResult & { h3: string | null };

export interface ReadyGeocoder {
  geocodeText(text: string, opts?: Record<string, never>): GeocodeOutput;
  geocodeStructured(input: { colonia?: string | null; alcaldia?: string | null }): GeocodeOutput;
  gazetteer: Gazetteer;
  reverse: ReverseGeocoder;
}

export const H3_RESOLUTION = 9;

/** A station result also names the colonia its point lies in (the reverse geocoder knows it). */
function withStationColonia(r: GeocodeResult, reverse: ReverseGeocoder): GeocodeResult {
  if (r.precision !== 'station' || r.colonia_id !== null || r.lat === null || r.lon === null) return r;
  const id = reverse.areaAt('colonia', null, r.lat, r.lon);
  const feature = id ? reverse.feature('colonia', null, id) : null;
  return feature ? { ...r, colonia_id: feature.id, colonia: feature.name } : r;
}

function withH3(r: GeocodeResult): GeocodeOutput {
  const h3 = r.lat !== null && r.lon !== null ? latLngToCell(r.lat, r.lon, H3_RESOLUTION) : null;
  return { ...r, h3 };
}

/** Gazetteer input from the loaded data: every area gets a point inside its polygon. */
export function gazetteerInput(reverse: ReverseGeocoder): GazetteerInput {
  const point = (kind: 'alcaldia' | 'colonia' | 'cuadrante', vintage: 2023 | null, id: string) => {
    const p = reverse.representativePoint(kind, vintage, id);
    if (!p) throw new Error(`geocode: no representative point for ${kind} ${id}`);
    return { lon: p[0], lat: p[1] };
  };
  const alcaldias = reverse
    .setFor('alcaldia', null)!
    .features.map((f) => ({ id: f.id, name: f.name, ...point('alcaldia', null, f.id) }));
  const colonias = reverse.setFor('colonia', null)!.features.map((f) => ({
    id: f.id,
    name: f.name,
    alcaldiaId: f.alcaldiaId ?? '',
    population: f.population,
    ...point('colonia', null, f.id),
  }));
  const cuadrantes = reverse.setFor('cuadrante', 2023)!.features.map((f) => ({
    id: f.id,
    sector: f.sectorId ?? '',
    alcaldiaId: f.alcaldiaId ?? '',
    ...point('cuadrante', 2023, f.id),
  }));
  // Inside or outside the city by the alcaldía polygons (Cuatro Caminos and Ciudad Azteca fall outside, Indios Verdes inside).
  const stations = loadStations().map((s) => ({
    ...s,
    resolvedId: s.id,
    alcaldiaId: reverse.areaAt('alcaldia', null, s.lat, s.lon),
  }));
  const corners: NonNullable<GazetteerInput['corners']> = loadIntersections().map(([a, b, lat, lon, alcaldiaId]) => ({
    a,
    b,
    lat,
    lon,
    alcaldiaId,
    source: 'inegi' as const,
  }));
  // Bus stops named by their corner ("Circuito Interior - Guillermo Prieto") are corners too.
  for (const [name, lat, lon] of loadTransit().busStops) {
    const parts = stopNameParts(name);
    const alcaldiaId = parts.length === 2 ? reverse.areaAt('alcaldia', null, lat, lon) : null;
    if (alcaldiaId) corners.push({ a: parts[0]!, b: parts[1]!, lat, lon, alcaldiaId, source: 'stop' });
  }
  const landmarks = loadLandmarks().map((l, k) => ({
    id: `lugar:${k}`,
    name: l.name,
    kind: l.kind,
    lat: l.lat,
    lon: l.lon,
    alcaldiaId: reverse.areaAt('alcaldia', null, l.lat, l.lon),
  }));
  return { alcaldias, colonias, cuadrantes, stations, corners, landmarks };
}

let ready: ReadyGeocoder | undefined;
// stations and bus-stop corners come from the transit extract: a new one means a new gazetteer
onTransitReload(() => (ready = undefined));

/** The geocoder, built on first use and shared for the rest of the process. */
export function getGeocoder(): ReadyGeocoder {
  if (ready) return ready;
  const reverse = buildReverseGeocoder(loadBoundarySets());
  const gazetteer = buildGazetteer(gazetteerInput(reverse));
  const core = createGeocoder(gazetteer);
  ready = {
    geocodeText: (text) => withH3(withStationColonia(core.geocodeText(text), reverse)),
    geocodeStructured: (input) => withH3(core.geocodeStructured(input)),
    gazetteer,
    reverse,
  };
  return ready;
}

/** An error result in the CLI's shape (every key present). */
export function errorOutput(message: string): GeocodeOutput {
  return withH3(emptyResult('error', { error: message }));
}
