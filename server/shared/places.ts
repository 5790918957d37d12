/**
 * The places a comparison, semáforo, trend or series covers: areas (`kind` = alcaldia, colonia,
 * sector or cuadrante, in a `vintage`) or H3 cells (`kind=h3`; ids are cells, all of one
 * resolution, which `res` may state and must state when no ids are given). Routes ask this module
 * for the level, the places and the privacy plan, then count with the same store queries for both
 * (db/queries/places.ts), so a set of cells is compared exactly as a set of areas is.
 *
 * Cells are described like areas: the name says which colonia and alcaldía hold the cell's centre,
 * and the population is estimated from the IECM colonia populations by areal weighting
 * (`cellPopulation` in geo/areas) so that rates per 100 000 exist for cells too.
 */
import { cellToBoundary, cellToLatLng, getResolution, isValidCell } from 'h3-js';
import { AppError } from '../../core/errors/index.ts';
import type { Area, IncidentRepository } from '../services/ports.ts';
import { H3_RESOLUTIONS, type AreaKind, type H3Resolution, type PlaceLevel, type Vintage } from '../services/ports.ts';
import { cellPopulation, zoneDensities, type DensityAt } from '../../geo/areas/index.ts';
import { loadBoundarySets } from '../../reference/boundaries/index.ts';
import { getGeocoder } from '../../reference/geocoder/index.ts';
import { DEFAULT_VINTAGE, parseParams, required } from '../params/index.ts';
import { areaPlan, hexagonPlan, type Caller, type Plan } from '../policy/index.ts';
import { territoryArea } from './territory.ts';

/** An area or a cell, as the Mesa figures show it. */
export type Place = Pick<Area, 'id' | 'name' | 'population' | 'alcaldia_id'>;

/** What a request selected: the level, and its places in request order (or every place). */
export interface PlaceSelection {
  level: PlaceLevel;
  /** the requested ids; undefined = every place of the level */
  ids?: string[];
  /** the requested places; for every area of a kind, all of them; undefined for every cell (known only once counted) */
  places?: Place[];
}

const KIND_HINT = 'use alcaldia, colonia, sector, cuadrante o h3';

/** `kind`: an area kind or `h3`; `invalid_kind` otherwise. */
export function parsePlaceKind(raw: string | undefined): AreaKind | 'h3' {
  if (raw === 'h3') return 'h3';
  if (raw === undefined || raw === '') throw new AppError('invalid_kind', `falta el parámetro kind (${KIND_HINT})`);
  const kind = parseParams({ kind: raw }, ['kind']).kind;
  if (!kind) throw new AppError('invalid_kind', KIND_HINT);
  return kind;
}

/**
 * One H3 cell id as given (hex, any case) → the lower-case cell; `invalid_cell` when it is not a
 * cell, `invalid_resolution` outside the stored resolutions 6–11, `unknown_area` when neither its
 * centre nor any vertex lies in Mexico City.
 */
export function parseCell(raw: string): string {
  const cell = raw.trim().toLowerCase();
  if (!/^[0-9a-f]{15,16}$/.test(cell) || !isValidCell(cell))
    throw new AppError('invalid_cell', `${raw.slice(0, 40)} no es una celda H3`);
  const res = getResolution(cell);
  if (!(H3_RESOLUTIONS as readonly number[]).includes(res))
    throw new AppError('invalid_resolution', `la celda ${cell} es de resolución ${res} (use 6 a 11)`);
  const { reverse } = getGeocoder();
  const [lat, lon] = cellToLatLng(cell);
  if (!reverse.inCity(lat, lon) && !cellToBoundary(cell).some(([la, lo]) => reverse.inCity(la, lo))) {
    throw new AppError('unknown_area', `h3 ${cell}: fuera de la Ciudad de México`);
  }
  return cell;
}

/** Cells of one resolution (the `res` parameter, when given, must agree). */
export function parseCellSet(
  ids: readonly string[],
  res: H3Resolution | undefined,
): { res: H3Resolution; cells: string[] } {
  const cells = [...new Set(ids.map(parseCell))];
  const resolutions = new Set(cells.map(getResolution));
  if (resolutions.size > 1)
    throw new AppError(
      'invalid_parameter',
      `ids: celdas de resoluciones ${[...resolutions].sort().join(', ')} (use una sola)`,
    );
  const cellRes = cells.length ? (getResolution(cells[0]) as H3Resolution) : res;
  if (cellRes === undefined) throw new AppError('invalid_resolution', 'falta el parámetro res');
  if (res !== undefined && res !== cellRes)
    throw new AppError('invalid_parameter', `res=${res}, pero las celdas son de resolución ${cellRes}`);
  return { res: cellRes, cells };
}

// --- describing cells -------------------------------------------------------------------------

let densityAt: DensityAt | undefined;
const described = new Map<string, Place>();
/** Cells described so far are kept (a few hundred bytes each); the map is emptied past this. */
const MAX_DESCRIBED = 200_000;

/** Residents per m² at a point: the density of the colonia holding it. */
function colonyDensityAt(): DensityAt {
  if (densityAt) return densityAt;
  const colonias = loadBoundarySets().find((s) => s.kind === 'colonia')?.features ?? [];
  const densities = zoneDensities(colonias);
  const { reverse } = getGeocoder();
  return (densityAt = (lat, lon) => densities.get(reverse.areaAt('colonia', null, lat, lon) ?? '') ?? 0);
}

/** A cell as a place: named after the colonia and alcaldía at its centre, population estimated. */
export function describeCell(cell: string): Place {
  const known = described.get(cell);
  if (known) return known;
  const { reverse } = getGeocoder();
  const [lat, lon] = cellToLatLng(cell);
  const coloniaId = reverse.areaAt('colonia', null, lat, lon);
  const alcaldiaId = reverse.areaAt('alcaldia', null, lat, lon);
  const where = [
    coloniaId && reverse.feature('colonia', null, coloniaId)?.name,
    alcaldiaId && reverse.feature('alcaldia', null, alcaldiaId)?.name,
  ]
    .filter(Boolean)
    .join(', ');
  // depth 2 (49 samples) for cells of res ≤ 9; finer cells are small enough for 7
  const population = Math.round(cellPopulation(cell, colonyDensityAt(), getResolution(cell) <= 9 ? 2 : 1));
  const place: Place = {
    id: cell,
    name: `Hexágono en ${where || 'el borde de la Ciudad de México'}`,
    population: population > 0 ? population : null,
    alcaldia_id: alcaldiaId,
  };
  if (described.size >= MAX_DESCRIBED) described.clear();
  described.set(cell, place);
  return place;
}

// --- selections -----------------------------------------------------------------------------

/** A list request's places, validated but not yet looked up (`parsePlaces` → `resolvePlaces`). */
export type PlaceRequest = { level: PlaceLevel; ids?: string[] };

/**
 * The places of a list request (`kind`, `ids`, `vintage`, `res`), checked before anything is read
 * so that every bad parameter answers 400 before an unknown id answers 404.
 */
export function parsePlaces(query: Record<string, string | undefined>): PlaceRequest {
  const kind = parsePlaceKind(query.kind);
  const p = parseParams(query, ['vintage', 'ids', 'res']);
  if (kind !== 'h3') return { level: { kind, vintage: p.vintage ?? DEFAULT_VINTAGE }, ids: p.ids };
  if (!p.ids) return { level: { kind, res: required(p.res, 'res') } };
  const { res, cells } = parseCellSet(p.ids, p.res);
  return { level: { kind, res }, ids: cells };
}

/**
 * Looks the places up: areas in request order (404 `unknown_area` for an unknown id) or every area
 * of the kind; cells as given, or — without ids — every cell, known once counted (`placesOf`).
 */
export async function resolvePlaces(repo: IncidentRepository, req: PlaceRequest): Promise<PlaceSelection> {
  const { level, ids } = req;
  if (level.kind === 'h3') return ids ? { level, ids, places: ids.map(describeCell) } : { level };
  const areas = await repo.areas(level.kind, level.vintage, ids);
  if (ids) {
    const known = new Set(areas.map((a) => a.id));
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length)
      throw new AppError('unknown_area', `${level.kind} ${missing.slice(0, 5).join(', ')} (${level.vintage})`);
    const order = new Map(ids.map((id, i) => [id, i]));
    areas.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }
  return { level, ids, places: areas };
}

/** The area, or a 404 `unknown_area`. */
export async function requireArea(
  repo: IncidentRepository,
  kind: AreaKind,
  vintage: Vintage,
  id: string,
): Promise<Area> {
  const area = await repo.area(kind, vintage, id);
  if (!area) throw new AppError('unknown_area', `${kind} ${id} (${vintage})`);
  return area;
}

/** One place (`kind`, `id`, `vintage`): an area (404 `unknown_area`) or a cell (`parseCell`). */
export async function requirePlace(
  repo: IncidentRepository,
  kind: AreaKind | 'h3',
  vintage: Vintage,
  id: string,
): Promise<{ level: PlaceLevel; place: Place }> {
  if (kind !== 'h3') return { level: { kind, vintage }, place: await requireArea(repo, kind, vintage, id) };
  const cell = parseCell(id);
  return { level: { kind, res: getResolution(cell) as H3Resolution }, place: describeCell(cell) };
}

/** The places of a selection once counted: every cell with incidents (ordered by id) when none were named. */
export function placesOf(sel: PlaceSelection, counted: Iterable<string>): Place[] {
  return sel.places ?? [...counted].sort().map(describeCell);
}

/**
 * The privacy plan of a selection: hexagons by `hexagonPlan` (public resolution ≤ 8 for everyone
 * below moderador: hexagons never follow a territory), areas by `areaPlan` with their territory.
 */
export function placePlan(
  caller: Caller,
  sel: Pick<PlaceSelection, 'level' | 'ids' | 'places'>,
  categories: readonly string[] | null,
  windows: readonly { from?: string; to?: string; label?: string }[],
): Plan {
  const { level } = sel;
  if (level.kind === 'h3') return hexagonPlan(caller, { res: level.res, categories, windows });
  const areas = sel.ids && sel.places ? sel.places.map((a) => territoryArea(level.kind, level.vintage, a)) : 'all';
  return areaPlan(caller, { kind: level.kind, areas, categories, windows });
}

/** How a response names its level: `{kind, vintage}` for areas, `{kind: 'h3', res}` for cells. */
export function levelFields(level: PlaceLevel): { kind: string; vintage: number } | { kind: 'h3'; res: number } {
  return level.kind === 'h3' ? { kind: 'h3', res: level.res } : { kind: level.kind, vintage: level.vintage };
}
