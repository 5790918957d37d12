/**
 * An alcaldía written right beside a colonia ("colonia Santo Domingo, Coyoacán", "en Coyoacán, colonia
 * Santo Domingo", "colonia X, alcaldía Y") states where that colonia is. The bare name alone may match
 * a colonia elsewhere exactly ("SANTO DOMINGO (PBLO)" of Azcapotzalco) while the one meant has a longer
 * official name in the stated alcaldía ("PEDREGAL DE STO DOMINGO I…IX" of Coyoacán), so the stated
 * alcaldía constrains the choice: candidates outside it are dropped, and when none is left the name is
 * matched again inside the alcaldía alone with the structured matcher (IDF-weighted token overlap,
 * `structured.ts`), as official records with a separate alcaldía field are.
 */
import { fold, type ColoniaEntry, type Gazetteer } from '../gazetteer/index.ts';
import type { Mention } from './mentions.ts';
import { decideColonia, rankColonias, type IdfWeights } from './structured.ts';

/** Between a colonia and a following alcaldía: a comma, "en", "de la", "alcaldía" and nothing else. */
const GAP_AFTER = /^[\s,]*(?:(?:en|de|la|el|alcaldia|delegacion|demarcacion)[\s,]+)*$/;
/** Between an alcaldía and a following colonia: "Coyoacán, en la colonia ", "Tlalpan, col. ". */
const GAP_BEFORE =
  /^[\s,]*(?:en\s+)?(?:la\s+|el\s+)?(?:colonia|col\.?|barrio|pueblo(?:\s+de)?|unidad\s+habitacional|fraccionamiento)\s+$/;
/** Longest gap considered "right beside" (characters). */
const MAX_GAP = 32;

/** The alcaldía stated right after (preferred) or right before the colonia mention at `index`, if any. */
export function statedAlcaldiaFor(found: readonly Mention[], index: number, folded: string): string | null {
  const m = found[index]!;
  const next = found[index + 1];
  if (
    next?.type === 'alcaldia' &&
    next.alcaldiaId &&
    next.start - m.end <= MAX_GAP &&
    GAP_AFTER.test(folded.slice(m.end, next.start))
  ) {
    return next.alcaldiaId;
  }
  const prev = found[index - 1];
  if (
    prev?.type === 'alcaldia' &&
    prev.alcaldiaId &&
    m.start - prev.end <= MAX_GAP &&
    GAP_BEFORE.test(folded.slice(prev.end, m.start))
  ) {
    return prev.alcaldiaId;
  }
  return null;
}

/** The colonias of `alcaldiaId` that the mention's words can mean; empty when none matches well. */
function matchWithin(gaz: Gazetteer, idf: IdfWeights, name: string, alcaldiaId: string): ColoniaEntry[] {
  const ranked = rankColonias(gaz, idf, name, alcaldiaId);
  const decision = decideColonia(ranked);
  // Free text is looser than a record: only names that contain every word written are taken.
  const covered = new Set(ranked.filter((r) => r.covered).map((r) => r.colonia.id));
  if (decision.kind === 'colonia') {
    if (!covered.has(decision.colonia.id)) return [];
    // Keep every colonia that matched as well beside the pick (sections of one colonia, or parts of one
    // named place): the caller then picks among them and lowers its confidence as for any such choice.
    const score = ranked.find((r) => r.colonia.id === decision.colonia.id)!.score;
    const tied = ranked.filter((r) => covered.has(r.colonia.id) && r.score >= score - 0.02).map((r) => r.colonia);
    return [decision.colonia, ...tied.filter((c) => c.id !== decision.colonia.id)];
  }
  // Different colonias tie inside the alcaldía: no pick; the stated alcaldía alone still places the text.
  return [];
}

/**
 * Returns the mentions with every colonia mention that has a stated alcaldía narrowed to that
 * alcaldía (a new array; mentions that change are copied, never mutated).
 */
export function constrainToStatedAlcaldia(
  gaz: Gazetteer,
  idf: IdfWeights,
  found: readonly Mention[],
  text: string,
): Mention[] {
  // Only texts naming both a colonia and an alcaldía can change; the rest pass through untouched.
  if (!found.some((m) => m.type === 'colonia') || !found.some((m) => m.type === 'alcaldia')) return found as Mention[];
  // fold() maps each UTF-16 unit to one unit (lower case, no accents), so mention spans index it directly.
  const folded = fold(text);
  return found.map((m, i) => {
    if (m.type !== 'colonia') return m;
    const alcaldiaId = statedAlcaldiaFor(found, i, folded);
    if (!alcaldiaId) return m;
    const current = m.colonias ?? [];
    const inside = current.filter((c) => c.alcaldiaId === alcaldiaId);
    if (inside.length === current.length && current.length > 0) return m;
    const colonias = inside.length ? inside : matchWithin(gaz, idf, m.text, alcaldiaId);
    return { ...m, colonias, resolved_id: colonias.length === 1 ? colonias[0]!.id : null };
  });
}
