/**
 * The territory an admin gives a mesa or enlace, picked by name: alcaldías (INEGI cvegeo) and
 * sectores of one numbering (`2016:NOMBRE` or `2023:NOMBRE`), as the API's invitation takes them.
 * A sector name of 2016 and the same name of 2023 cover different streets, so each is its own
 * option. Matching ignores case and accents so "alvaro obregon" finds "Álvaro Obregón". Pure,
 * tested beside it.
 */

export interface TerritoryOption {
  id: string;
  kind: 'alcaldia' | 'sector';
  label: string;
  /** lower-case, accents stripped: what a query is matched against */
  key: string;
}

interface AreaFeature {
  properties: Record<string, unknown> | null;
}

/** Lower case without diacritics (NFD, combining marks removed). */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/**
 * One option per alcaldía and per sector of each numbering. A sector's label names its numbering
 * and alcaldía, so two sectores with the same name in 2016 and 2023 can be told apart.
 */
export function territoryOptions(
  alcaldias: readonly AreaFeature[],
  sectors: ReadonlyArray<{ vintage: string; features: readonly AreaFeature[] }>,
): TerritoryOption[] {
  const names = new Map<string, string>();
  const out: TerritoryOption[] = [];
  for (const f of alcaldias) {
    const id = String(f.properties?.id ?? '');
    const name = String(f.properties?.name ?? id);
    if (!id) continue;
    names.set(id, name);
    out.push({ id, kind: 'alcaldia', label: `Alcaldía ${name}`, key: foldText(`alcaldia ${name} ${id}`) });
  }
  const seen = new Set<string>();
  for (const set of sectors) {
    for (const f of set.features) {
      const sectorId = String(f.properties?.id ?? '');
      const id = `${set.vintage}:${sectorId}`;
      if (!sectorId || seen.has(id)) continue;
      seen.add(id);
      const name = String(f.properties?.name ?? sectorId);
      const alcaldiaId = f.properties?.alcaldia_id ? String(f.properties.alcaldia_id) : null;
      const alcaldia = alcaldiaId ? (names.get(alcaldiaId) ?? alcaldiaId) : null;
      const label = `Sector ${name} (${set.vintage})${alcaldia ? ` · ${alcaldia}` : ''}`;
      out.push({
        id,
        kind: 'sector',
        label,
        key: foldText(`sector ${name} ${set.vintage} ${alcaldia ?? ''} ${sectorId}`),
      });
    }
  }
  return out;
}

/** Options whose every query word appears in their key; at most `limit`. */
export function matchTerritory(options: readonly TerritoryOption[], query: string, limit = 12): TerritoryOption[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return options.filter((o) => words.every((w) => o.key.includes(w))).slice(0, limit);
}

/** A stored territory entry as an admin reads it: `2023:ALPES` → `Sector ALPES (2023)`; an alcaldía's cvegeo as is. */
export function territoryEntryLabel(entry: string): string {
  const sector = /^(\d{4}):(.+)$/.exec(entry);
  return sector ? `Sector ${sector[2]} (${sector[1]})` : entry;
}
