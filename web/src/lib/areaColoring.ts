/**
 * Colouring whole areas (a choropleth of alcaldías, colonias, sectores or cuadrantes) instead of
 * hexagons, and the publication rules that force it. Pure, tested beside it.
 *
 * The public figures follow server/policy (docs/privacy.md): a sensitive category (violación,
 * secuestro, extorsión, feminicidio) is published only by alcaldía and month, and a month only
 * `sensitive_delay_days` after its end. So when someone without full access ticks one, the map
 * colours alcaldías (never hexagons or finer areas) and says why in a sentence, instead of asking
 * for what the server would refuse.
 *
 * Colours: the same geometric YlOrRd classes as the hexagons (lib/colorScale.ts), starting at the
 * publication threshold (a public figure is 0 or at least k); 0 is drawn almost white, a withheld
 * figure (null) in the neutral grey with its own legend entry.
 */
import { colorFor, countClasses, WITHHELD_COLOR, type ColorClass, type Rgb } from './colorScale.ts';
import { formatMonthShort } from './format.ts';
import type { Category, CategoryGroup } from '../api/client.ts';
import type { ColorBy, MapLayer } from '../state/urlState.ts';

/** Roles whose answers are exact everywhere (server/policy: admin and moderador). */
export const FULL_ACCESS_ROLES: readonly string[] = ['admin', 'moderador'];

/** An area with no incidents in the window: almost white, so it reads as "nothing", not as missing. */
export const ZERO_COLOR: Rgb = [250, 250, 245];

export interface AreaColoring {
  /** true: the map colours areas of `kind`; false: hexagons over the outlines of the chosen layer */
  areas: boolean;
  /** the boundary layer drawn */
  kind: MapLayer;
  /** a sensitive category forces alcaldías whatever was chosen */
  lockedBySensitive: boolean;
}

/** The sensitive categories among the chosen ones (in the taxonomy's order). */
export function sensitiveChosen(chosen: readonly string[], groups: readonly CategoryGroup[]): Category[] {
  const ids = new Set(chosen);
  return groups.flatMap((g) => g.categories).filter((c) => c.sensitive && ids.has(c.id));
}

/** What the map draws, from the colouring chosen, the layer, the sensitive categories ticked and the viewer's role. */
export function areaColoring(opts: {
  colorBy: ColorBy;
  layer: MapLayer;
  sensitive: readonly Category[];
  role: string | null;
}): AreaColoring {
  if (opts.sensitive.length > 0 && !FULL_ACCESS_ROLES.includes(opts.role ?? ''))
    return { areas: true, kind: 'alcaldia', lockedBySensitive: true };
  if (opts.colorBy === 'areas')
    return { areas: true, kind: opts.layer === 'h3' ? 'alcaldia' : opts.layer, lockedBySensitive: false };
  return { areas: false, kind: opts.layer, lockedBySensitive: false };
}

function joinLabels(labels: readonly string[]): string {
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} y ${labels[labels.length - 1]}`;
}

/** Why finer detail is not shown, in one Spanish sentence. */
export function sensitiveExplanation(labels: readonly string[], delayDays: number | null): string {
  const subject =
    labels.length === 1 ? `${labels[0]} es una categoría sensible` : `${joinLabels(labels)} son categorías sensibles`;
  const delay = delayDays ? `, y cada mes se publica ${delayDays} días después de terminar` : '';
  return `${subject}: para proteger a las víctimas, el mapa público la muestra solo por alcaldía y mes, nunca por colonia, cuadrante ni hexágono${delay}.`;
}

/**
 * Which months of the chosen period are on the map when months from `embargoFrom` on are still
 * withheld (a sensitive category); null when nothing is withheld.
 */
export function publishedMonthsNote(
  period: { first: string; last: string },
  embargoFrom: string | null | undefined,
): string | null {
  if (!embargoFrom) return null;
  if (embargoFrom > period.last)
    return `Se muestran todos los meses del periodo (${formatMonthShort(period.first)} – ${formatMonthShort(period.last)}).`;
  if (embargoFrom <= period.first)
    return `Ningún mes del periodo se ha publicado todavía: se publican los meses anteriores a ${formatMonthShort(embargoFrom)}.`;
  return `Se muestran ${formatMonthShort(period.first)} – ${formatMonthShort(previousMonth(embargoFrom))}; desde ${formatMonthShort(embargoFrom)} los datos aún no se publican.`;
}

function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Colour classes of the published area figures; they start at the publication threshold `minCount` (public) or 1. */
export function areaClasses(counts: readonly (number | null)[], minCount: number | null): ColorClass[] {
  return countClasses(
    counts.filter((c): c is number => c !== null && c > 0),
    undefined,
    minCount ?? 1,
  );
}

/** The fill of one area: withheld grey, almost-white zero, or its class colour. */
export function areaFill(count: number | null, classes: readonly ColorClass[]): Rgb {
  if (count === null) return WITHHELD_COLOR;
  if (count === 0) return ZERO_COLOR;
  return colorFor(count, [...classes]);
}
