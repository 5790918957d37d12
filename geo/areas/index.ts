/**
 * Reverse geocoder: lat/lon → alcaldía, colonia, cuadrante and sector ids, for both vintages.
 * Pure: takes the boundary sets as arguments (loaded by `reference/boundaries`), does no I/O.
 *
 * Each (kind, vintage) set gets a `PolygonIndex` (flatbush over part bounding boxes, then an exact
 * banded crossing-number test; see polygon-index.ts for why it is hand-written rather than turf's
 * booleanPointInPolygon — it is the same test, minus the per-call GeoJSON handling, plus bands).
 * Boundary rule: a point on an edge shared by two areas belongs to exactly one of them (the one east of
 * the edge); where source polygons overlap, the smaller area wins; outside every polygon → null.
 */
import { PolygonIndex } from './polygon-index.ts';
import { representativePointOf } from './representative-point.ts';
import {
  DEFAULT_VINTAGE,
  type AreaFeature,
  type AreaKind,
  type BoundarySet,
  type LocatedAreas,
  type Vintage,
} from './types.ts';

export * from './types.ts';
export { PolygonIndex } from './polygon-index.ts';
export { representativePointOf } from './representative-point.ts';
export { cellPopulation, zoneDensities, type DensityAt } from './cell-population.ts';

interface IndexedSet {
  set: BoundarySet;
  index: PolygonIndex;
  byId: Map<string, number>;
  representative: Map<string, [number, number]>;
}

/** What `locate` may leave out. */
export interface LocateOptions {
  /**
   * false: skip the 2016 police layers (cuadrante_2016 and sector_2016 come back null without a
   * lookup) — for records that name their own 2016 cuadrante, whose areas replace the point's.
   */
  police2016?: boolean;
}

export interface ReverseGeocoder {
  /** Every area id for the point (null where it lies outside that layer, or where `opts` leaves the layer out). */
  locate(lat: number, lon: number, opts?: LocateOptions): LocatedAreas;
  /** The id of the `kind` area holding the point; `vintage` defaults to 2023 and is ignored for vintage-less sets. */
  areaAt(kind: AreaKind, vintage: Vintage | null | undefined, lat: number, lon: number): string | null;
  /** Whether area `id` contains the point (same boundary rule as `areaAt`); false for an unknown id. */
  contains(kind: AreaKind, vintage: Vintage | null | undefined, id: string, lat: number, lon: number): boolean;
  /** A point inside the area ([lon, lat], GeoJSON order), or null for an unknown id. */
  representativePoint(kind: AreaKind, vintage: Vintage | null | undefined, id: string): [number, number] | null;
  /** The feature with that id, or null. */
  feature(kind: AreaKind, vintage: Vintage | null | undefined, id: string): AreaFeature | null;
  /** Whether the point lies in Mexico City (inside an alcaldía polygon). */
  inCity(lat: number, lon: number): boolean;
  /** The boundary set used for (kind, vintage), or null when none was given. */
  setFor(kind: AreaKind, vintage: Vintage | null | undefined): BoundarySet | null;
}

function indexSet(set: BoundarySet): IndexedSet {
  const byId = new Map<string, number>();
  set.features.forEach((f, i) => {
    // Ids are unique in the bundled sets (reference/boundaries merges duplicates); keep the first otherwise.
    if (!byId.has(f.id)) byId.set(f.id, i);
  });
  return { set, index: new PolygonIndex(set.features.map((f) => f.geometry)), byId, representative: new Map() };
}

/**
 * Builds the geocoder. `sets` must hold an alcaldía set; colonia, cuadrante and sector sets are optional
 * (their lookups then return null). A set with `vintage: null` serves both vintages.
 */
export function buildReverseGeocoder(sets: readonly BoundarySet[]): ReverseGeocoder {
  const byKey = new Map<string, IndexedSet>();
  for (const set of sets) {
    const key = `${set.kind}:${set.vintage ?? '*'}`;
    if (byKey.has(key)) throw new Error(`buildReverseGeocoder: two boundary sets for ${key}`);
    byKey.set(key, indexSet(set));
  }
  const lookup = (kind: AreaKind, vintage: Vintage | null | undefined): IndexedSet | null =>
    byKey.get(`${kind}:${vintage ?? DEFAULT_VINTAGE}`) ?? byKey.get(`${kind}:*`) ?? null;

  // Resolved once so that `locate` does no map lookups per point.
  const alcaldia2016 = lookup('alcaldia', 2016);
  const alcaldia2023 = lookup('alcaldia', 2023);
  const colonia = lookup('colonia', 2023) ?? lookup('colonia', 2016);
  const cuadrante2016 = lookup('cuadrante', 2016);
  const sector2016 = lookup('sector', 2016);
  const cuadrante2023 = lookup('cuadrante', 2023);
  const sector2023 = lookup('sector', 2023);

  const idAt = (s: IndexedSet | null, lat: number, lon: number): string | null => {
    if (s === null) return null;
    const i = s.index.find(lon, lat);
    return i < 0 ? null : s.set.features[i].id;
  };
  const valid = (lat: number, lon: number) => Number.isFinite(lat) && Number.isFinite(lon);

  return {
    locate(lat, lon, opts) {
      if (!valid(lat, lon)) {
        return {
          alcaldia_2016: null,
          alcaldia_2023: null,
          colonia: null,
          cuadrante_2016: null,
          sector_2016: null,
          cuadrante_2023: null,
          sector_2023: null,
        };
      }
      const alc2023 = idAt(alcaldia2023, lat, lon);
      const police2016 = opts?.police2016 !== false;
      return {
        alcaldia_2016: alcaldia2016 === alcaldia2023 ? alc2023 : idAt(alcaldia2016, lat, lon),
        alcaldia_2023: alc2023,
        colonia: idAt(colonia, lat, lon),
        cuadrante_2016: police2016 ? idAt(cuadrante2016, lat, lon) : null,
        sector_2016: police2016 ? idAt(sector2016, lat, lon) : null,
        cuadrante_2023: idAt(cuadrante2023, lat, lon),
        sector_2023: idAt(sector2023, lat, lon),
      };
    },
    areaAt(kind, vintage, lat, lon) {
      return valid(lat, lon) ? idAt(lookup(kind, vintage), lat, lon) : null;
    },
    contains(kind, vintage, id, lat, lon) {
      const s = lookup(kind, vintage);
      const i = s?.byId.get(id);
      return s != null && i !== undefined && valid(lat, lon) && s.index.contains(i, lon, lat);
    },
    representativePoint(kind, vintage, id) {
      const s = lookup(kind, vintage);
      const i = s?.byId.get(id);
      if (!s || i === undefined) return null;
      let point = s.representative.get(id);
      if (!point) {
        const geometry = s.set.features[i].geometry;
        // Prefer a point that `areaAt` itself resolves to this area (matters only where polygons overlap).
        try {
          point = representativePointOf(geometry, (x, y) => s.index.find(x, y) === i);
        } catch {
          point = representativePointOf(geometry, (x, y) => s.index.contains(i, x, y));
        }
        s.representative.set(id, point);
      }
      return point;
    },
    feature(kind, vintage, id) {
      const s = lookup(kind, vintage);
      const i = s?.byId.get(id);
      return s && i !== undefined ? s.set.features[i] : null;
    },
    inCity(lat, lon) {
      return valid(lat, lon) && idAt(alcaldia2023, lat, lon) !== null;
    },
    setFor(kind, vintage) {
      return lookup(kind, vintage)?.set ?? null;
    },
  };
}
