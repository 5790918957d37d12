/**
 * Classes of the analysed hexagon maps: Gi* hot and cold spots (`/api/hotspots/gistar`) and
 * emerging hot spot categories (`/api/hotspots/emerging`), with their colours and Spanish labels.
 *
 * Colours: hot families in reds, oranges and yellows, cold families in blues and greens, as in
 * ArcGIS's emerging hot spot maps; within a family each category gets its own hue or lightness so
 * that the legend and the map agree. The labels (and the tooltip) always say the category in words:
 * colour alone never carries it.
 */
import type { Rgb } from './colorScale.ts';

export type HexMode = 'count' | 'gistar' | 'emerging';

export const HEX_MODE_LABELS: Record<HexMode, string> = {
  count: 'Incidentes',
  gistar: 'Puntos calientes y fríos (Gi*)',
  emerging: 'Puntos calientes emergentes',
};

export interface HexClass {
  key: string;
  label: string;
  color: Rgb;
}

/** Gi* with the Benjamini–Hochberg decision: hot (significant, z > 0), cold (z < 0), or neither. */
export const GISTAR_CLASSES: readonly HexClass[] = [
  { key: 'hot', label: 'Punto caliente (significativo)', color: [215, 48, 39] },
  { key: 'cold', label: 'Punto frío (significativo)', color: [33, 102, 172] },
  { key: 'none', label: 'Sin significancia estadística', color: [214, 218, 222] },
];

export function gistarClass(hot: boolean | null): HexClass {
  return GISTAR_CLASSES[hot === true ? 0 : hot === false ? 1 : 2];
}

/** Esri's categories in their order (hot, then cold), labelled as the API labels them. */
export const EMERGING_CLASSES: readonly HexClass[] = [
  { key: 'new_hot_spot', label: 'Nuevo punto caliente', color: [255, 221, 87] },
  { key: 'consecutive_hot_spot', label: 'Punto caliente consecutivo', color: [255, 170, 0] },
  { key: 'intensifying_hot_spot', label: 'Punto caliente en aumento', color: [165, 0, 38] },
  { key: 'persistent_hot_spot', label: 'Punto caliente persistente', color: [215, 48, 39] },
  { key: 'diminishing_hot_spot', label: 'Punto caliente en disminución', color: [244, 109, 67] },
  { key: 'sporadic_hot_spot', label: 'Punto caliente esporádico', color: [253, 174, 97] },
  { key: 'oscillating_hot_spot', label: 'Punto caliente oscilante', color: [197, 27, 125] },
  { key: 'historical_hot_spot', label: 'Punto caliente histórico', color: [158, 118, 90] },
  { key: 'new_cold_spot', label: 'Nuevo punto frío', color: [171, 217, 233] },
  { key: 'consecutive_cold_spot', label: 'Punto frío consecutivo', color: [127, 205, 187] },
  { key: 'intensifying_cold_spot', label: 'Punto frío en aumento', color: [8, 48, 107] },
  { key: 'persistent_cold_spot', label: 'Punto frío persistente', color: [33, 102, 172] },
  { key: 'diminishing_cold_spot', label: 'Punto frío en disminución', color: [67, 147, 195] },
  { key: 'sporadic_cold_spot', label: 'Punto frío esporádico', color: [146, 197, 222] },
  { key: 'oscillating_cold_spot', label: 'Punto frío oscilante', color: [118, 42, 131] },
  { key: 'historical_cold_spot', label: 'Punto frío histórico', color: [120, 130, 140] },
];

const EMERGING_BY_KEY = new Map(EMERGING_CLASSES.map((c) => [c.key, c]));
const UNKNOWN: HexClass = { key: 'unknown', label: 'Sin patrón detectado', color: [214, 218, 222] };

export function emergingClass(category: string): HexClass {
  return EMERGING_BY_KEY.get(category) ?? UNKNOWN;
}

/** The classes present in `keys`, in the table's order, each with how many cells have it. */
export function legendOf(table: readonly HexClass[], keys: readonly string[]): (HexClass & { count: number })[] {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return table.flatMap((c) => (counts.has(c.key) ? [{ ...c, count: counts.get(c.key)! }] : []));
}
