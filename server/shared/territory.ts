/**
 * Areas as the territory checks of server/policy see them: an alcaldía carries itself as its
 * alcaldía, a sector and a cuadrante carry their sector in the requested numbering
 * (`<vintage>:<sector>`, reference/boundaries/territory.ts), so a Mesa or liaison whose territory is
 * a sector gets detail for that sector's cuadrantes — in the patrol sheet, targets and every area
 * figure alike — and never for the sector of the same name in the other numbering.
 */
import type { Area } from '../services/ports.ts';
import type { AreaKind, Vintage } from '../services/ports.ts';
import { loadBoundarySets } from '../../reference/boundaries/index.ts';
import { sectorTerritoryId } from '../../reference/boundaries/territory.ts';
import type { TerritoryArea } from '../policy/index.ts';

const sectorsByVintage = new Map<number, Map<string, string>>();

/** The sector holding a cuadrante (from the bundled boundaries; null when unknown). */
export function sectorOfCuadrante(vintage: Vintage, id: string): string | null {
  let map = sectorsByVintage.get(vintage);
  if (!map) {
    map = new Map();
    const set = loadBoundarySets().find((s) => s.kind === 'cuadrante' && s.vintage === vintage);
    for (const f of set?.features ?? []) if (f.sectorId) map.set(f.id, f.sectorId);
    sectorsByVintage.set(vintage, map);
  }
  return map.get(id) ?? null;
}

/** An area as the territory checks see it. */
export function territoryArea(kind: AreaKind, vintage: Vintage, area: Pick<Area, 'id' | 'alcaldia_id'>): TerritoryArea {
  const sector = kind === 'sector' ? area.id : kind === 'cuadrante' ? sectorOfCuadrante(vintage, area.id) : null;
  return {
    id: area.id,
    alcaldia_id: kind === 'alcaldia' ? area.id : area.alcaldia_id,
    sector_id: sector === null ? null : sectorTerritoryId(vintage, sector),
  };
}
