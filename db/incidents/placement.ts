/**
 * Where a normalised incident is stored: its area ids (alcaldía, colonia, cuadrante and sector in
 * each vintage) and its H3 cells (res 6–11), derived from its point by an injected placer — the
 * reverse geocoder of `geo/areas` — and the H3 rules of `core/incident`, then completed with the
 * areas the source states or its geocoder named.
 */
import { h3ResolutionsFor, type IncidentAreas, type NormalisedIncident } from '../../core/incident/index.ts';
import type { LocateOptions, LocatedAreas } from '../../geo/areas/index.ts';
import { H3_RESOLUTIONS, MIN_H3_RESOLUTION, cellDecimalsFor } from '../../geo/h3/index.ts';

/** Point → area ids, keyed by stored column. `geo/areas`' ReverseGeocoder is one. */
export interface IncidentPlacer {
  locate(lat: number, lon: number, opts?: LocateOptions): LocatedAreas;
}

/** The stored area columns (they are named like `geo/areas`' located areas). */
export type AreaColumns = LocatedAreas;

export interface Placement {
  areas: AreaColumns;
  /** h3_6 … h3_11 as decimal int8 text, null where the placement fills no cell. */
  h3: (string | null)[];
}

/** The column of each layer of `IncidentAreas`. */
const COLUMN_OF: Readonly<Record<keyof IncidentAreas, keyof AreaColumns>> = {
  alcaldia2016: 'alcaldia_2016',
  alcaldia2023: 'alcaldia_2023',
  colonia: 'colonia',
  cuadrante2016: 'cuadrante_2016',
  sector2016: 'sector_2016',
  cuadrante2023: 'cuadrante_2023',
  sector2023: 'sector_2023',
};

const noAreas = (): AreaColumns => ({
  alcaldia_2016: null,
  alcaldia_2023: null,
  colonia: null,
  cuadrante_2016: null,
  sector_2016: null,
  cuadrante_2023: null,
  sector_2023: null,
});
const NO_CELLS: readonly null[] = Object.freeze(H3_RESOLUTIONS.map(() => null));
const SKIP_POLICE_2016: LocateOptions = { police2016: false };

/** The areas and cells an incident is stored with (see `NormalisedIncident.statedAreas` / `namedAreas`). */
export function placeIncident(incident: NormalisedIncident, placer: IncidentPlacer): Placement {
  const { point, statedAreas, namedAreas } = incident;
  let areas: AreaColumns;
  if (incident.placedAtPoint && point !== null) {
    // A stated 2016 cuadrante replaces the point's 2016 police areas: skip those two lookups.
    areas = {
      ...placer.locate(
        point.lat,
        point.lon,
        statedAreas && 'cuadrante2016' in statedAreas ? SKIP_POLICE_2016 : undefined,
      ),
    };
  } else {
    areas = noAreas();
  }
  if (namedAreas) {
    if (!areas.alcaldia_2023 && namedAreas.alcaldia) areas.alcaldia_2016 = areas.alcaldia_2023 = namedAreas.alcaldia;
    if (!areas.colonia && namedAreas.colonia) areas.colonia = namedAreas.colonia;
  }
  if (statedAreas) {
    for (const layer in statedAreas)
      areas[COLUMN_OF[layer as keyof IncidentAreas]] = statedAreas[layer as keyof IncidentAreas] ?? null;
  }
  return { areas, h3: cellsFor(incident) };
}

function cellsFor(incident: NormalisedIncident): (string | null)[] {
  const resolutions = h3ResolutionsFor(incident);
  if (resolutions.length === 0) return [...NO_CELLS];
  const all = cellDecimalsFor(incident.point!.lat, incident.point!.lon);
  if (resolutions.length === all.length) return all;
  const wanted = new Set(resolutions);
  return all.map((cell, i) => (wanted.has(MIN_H3_RESOLUTION + i) ? cell : null));
}
