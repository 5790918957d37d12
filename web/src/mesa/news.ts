/**
 * Words for the news provenance list (`NewsSources.svelte`), pure: how an article relates to its
 * incident and how precisely the geocoder placed it, in the Spanish a Mesa reads.
 */
import type { NewsSource } from '../api/mesa.ts';

export const RELATION_LABELS: Record<NewsSource['relation'], string> = {
  origin: 'primera nota',
  same_story: 'copia de la misma nota',
  same_event: 'otro medio, mismo hecho',
};

const PRECISION_LABELS: Record<string, string> = {
  point: 'punto exacto',
  station: 'estación',
  stop: 'parada',
  intersection: 'esquina',
  landmark: 'lugar conocido',
  street: 'calle',
  colonia: 'colonia',
  cuadrante: 'cuadrante',
  alcaldia: 'alcaldía',
};

/** "ubicada por esquina (confianza 75 %)"; null when the article was not placed by itself (a copy). */
export function placementLabel(source: Pick<NewsSource, 'precision' | 'confidence'>): string | null {
  if (!source.precision) return null;
  const what = PRECISION_LABELS[source.precision] ?? source.precision;
  return source.confidence === null
    ? `ubicada por ${what}`
    : `ubicada por ${what} (confianza ${Math.round(source.confidence * 100)} %)`;
}

/** The outlet's host for a link title ("www.ejemplo.mx/…" → "ejemplo.mx"); the URL itself when unparsable. */
export function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).hostname.replace(/^www\./, '') : url;
}
