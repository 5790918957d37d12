/**
 * The territory of a mesa or enlace: alcaldías by INEGI cvegeo ("09015") and sectores of ONE
 * numbering, written `<vintage>:<sector>` ("2023:ALPES"). Sector names are reused across the 2016
 * and 2023 numberings for different streets (68 names exist in both with other extents), so a bare
 * name would grant detail on two polygons where the admin meant one. Checked against the bundled
 * boundaries: a fresh data folder whose store holds no areas yet must not accept a typo that would
 * silently grant nothing.
 */
import type { Vintage } from '../../geo/areas/index.ts';
import { loadBoundarySets } from './index.ts';

/** The numberings a sector territory can name. */
export const SECTOR_VINTAGES: readonly Vintage[] = [2016, 2023];

/** The territory entry of one sector of one numbering. */
export function sectorTerritoryId(vintage: Vintage, sectorId: string): string {
  return `${vintage}:${sectorId}`;
}

interface Known {
  alcaldias: Set<string>;
  /** sector name → the numberings that have it */
  sectors: Map<string, Vintage[]>;
}
let known: Known | undefined;

function knownAreas(): Known {
  if (known) return known;
  const alcaldias = new Set<string>();
  const sectors = new Map<string, Vintage[]>();
  for (const set of loadBoundarySets()) {
    if (set.kind === 'alcaldia') for (const f of set.features) alcaldias.add(f.id);
    if (set.kind === 'sector' && set.vintage !== null)
      for (const f of set.features) sectors.set(f.id, [...(sectors.get(f.id) ?? []), set.vintage]);
  }
  return (known = { alcaldias, sectors });
}

export interface ResolvedTerritory {
  /** the entries in their stored form, deduplicated, in the order given */
  territory: string[];
  /** entries that name no alcaldía and no sector of the numbering they give */
  unknown: string[];
  /** bare sector names found in both numberings: the caller must say which one */
  ambiguous: string[];
}

/**
 * Reads a territory as an admin gives it: an alcaldía's cvegeo, `<vintage>:<sector>`, or a bare
 * sector name that exists in one numbering only (stored qualified). A bare name of both numberings
 * is ambiguous, never widened to both.
 */
export function resolveTerritory(given: readonly string[]): ResolvedTerritory {
  const { alcaldias, sectors } = knownAreas();
  const out: ResolvedTerritory = { territory: [], unknown: [], ambiguous: [] };
  for (const raw of given) {
    const entry = raw.trim();
    const qualified = /^(\d{4}):(.+)$/.exec(entry);
    let resolved: string | null = null;
    if (alcaldias.has(entry)) resolved = entry;
    else if (qualified) {
      const vintage = Number(qualified[1]) as Vintage;
      if (sectors.get(qualified[2]!)?.includes(vintage)) resolved = sectorTerritoryId(vintage, qualified[2]!);
    } else {
      const vintages = sectors.get(entry) ?? [];
      if (vintages.length > 1) {
        out.ambiguous.push(entry);
        continue;
      }
      if (vintages.length === 1) resolved = sectorTerritoryId(vintages[0]!, entry);
    }
    if (resolved === null) out.unknown.push(entry);
    else if (!out.territory.includes(resolved)) out.territory.push(resolved);
  }
  return out;
}

/** The message of a refused territory: which entries and why (empty when none is refused). */
export function territoryProblems(r: ResolvedTerritory): string {
  const parts: string[] = [];
  if (r.unknown.length) parts.push(`no existe: ${r.unknown.join(', ')}`);
  if (r.ambiguous.length)
    parts.push(
      `existe en 2016 y en 2023 con otra extensión, indique cuál (p. ej. 2023:${r.ambiguous[0]}): ${r.ambiguous.join(', ')}`,
    );
  return parts.join('; ');
}
