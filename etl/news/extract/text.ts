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
