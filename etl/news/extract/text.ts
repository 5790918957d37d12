/** Small text and DOM helpers shared by the extraction steps. */

/** The minimal DOM surface we use (linkedom's Document satisfies it). */
export type Doc = Document;

export function collapseWhitespace(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Removes accents and case, so "Quadratín" and "Quadratin" compare equal. */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Contents of `<meta>` tags whose property, name or itemprop is one of `keys` (lower case), in page order. */
export function metaContent(doc: Doc, ...keys: string[]): string[] {
  const out: string[] = [];
  for (const m of doc.querySelectorAll('meta')) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').toLowerCase();
    const content = m.getAttribute('content');
    if (content && keys.includes(key)) out.push(collapseWhitespace(content));
  }
  return out;
}
