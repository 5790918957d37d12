/**
 * Areas as the territory checks of server/policy see them: a cuadrante carries its sector, so a
 * Mesa or liaison whose territory is a sector gets detail for that sector's cuadrantes — in the
 * patrol sheet, targets and every area figure alike.
 */
import type { Area } from '../services/ports.ts';
import type { AreaKind, Vintage } from '../services/ports.ts';
import { loadBoundarySets } from '../../reference/boundaries/index.ts';
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

/** An area as the territory checks see it (a cuadrante with its sector). */
export function territoryArea(kind: AreaKind, vintage: Vintage, area: Pick<Area, 'id' | 'alcaldia_id'>): TerritoryArea {
  return {
    id: area.id,
    alcaldia_id: area.alcaldia_id,
    sector_id: kind === 'cuadrante' ? sectorOfCuadrante(vintage, area.id) : null,
  };
}
