/** Small text and DOM helpers shared by the extraction steps. */
import { collapseSpaces, foldForSearch } from '../../../geo/text/index.ts';

/** The minimal DOM surface we use (linkedom's Document satisfies it). */
export type Doc = Document;

export const collapseWhitespace = collapseSpaces;

/** Removes accents and case, so "Quadratín" and "Quadratin" compare equal. */
export const foldText = foldForSearch;

/** Contents of `<meta>` tags whose property, name or itemprop is one of `keys` (lower case), in page order. */
export function metaContent(doc: Doc, ...keys: string[]): string[] {
  const out: string[] = [];
  for (const m of doc.querySelectorAll('meta')) {
    const key = (
      m.getAttribute('property') ??
      m.getAttribute('name') ??
      m.getAttribute('itemprop') ??
      ''
    ).toLowerCase();
    const content = m.getAttribute('content');
    if (content && keys.includes(key)) out.push(collapseWhitespace(content));
  }
  return out;
}

/**
 * A date line, whatever its markup: a short line that opens with "Publicado", "Actualizado",
 * "Escrito" … ("Publicado el 15/10/2025 por Héctor Villaseñor"), the way many templates print date
 * and byline together under the headline. It is metadata, never article prose.
 */
export function isDateline(text: string): boolean {
  return (
    text.length <= 160 &&
    /^(publicad[oa]|actualizad[oa]|escrito|redactad[oa]|fecha de publicacion)\b/.test(
      foldText(text).replace(/^[\s|·•-]+/, ''),
    )
  );
}

const NAME_PART = "[A-ZÁÉÍÓÚÑ][\\p{L}.'’-]*";
/** "… por Héctor Villaseñor", "… Escrito por Laura Gómez Ibarra | Sección": the name after "por", up to a separator. */
const BYLINE_IN_LINE = new RegExp(
  `\\b[Pp]or:?\\s+(${NAME_PART}(?:\\s+(?:de|del|la|las|los|y|${NAME_PART})){1,5})\\s*(?:$|[|·•,/–—]|\\s-\\s)`,
  'u',
);

/** The person named after "por" in a date line, or null. */
export function bylineInDateline(text: string): string | null {
  const name = BYLINE_IN_LINE.exec(text)?.[1]
    ?.trim()
    .replace(/\s+(de|del|la|las|los|y)$/i, '');
  return name && name.split(/\s+/).length >= 2 ? name : null;
}
