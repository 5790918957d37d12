/**
 * The crime taxonomy: one canonical list of categories (stable snake_case ids, Spanish labels),
 * the groups they belong to, and the classifier that maps a source's label onto them.
 *
 * Design:
 * - Categories are the high-impact crimes that SSC and FGJ-CDMX publish, plus `otros`.
 *   Violence ("con"/"sin") and attempt ("TENTATIVA DE …") are attributes of an incident, not ids,
 *   so "ROBO A TRANSEUNTE C.V." and "… S.V." are both `robo_transeunte`.
 * - Culpable (negligent) homicide and injuries are NOT `homicidio_doloso` / `lesiones`: those
 *   ids follow the official "doloso" (intentional) definitions the SSC and FGJ use; negligent ones go to `otros`.
 * - A label that maps to no category goes to `otros` (counted by the import report, never dropped).
 * - FGJ rows carry two labels: `Delito` (specific) and `Categoria` (the FGJ's high-impact bucket,
 *   "DELITO DE BAJO IMPACTO" for 88 % of rows). The classifier tries the specific label first, then the bucket.
 */
import { AppError } from '../errors/index.ts';
import { repairMojibake } from '../../geo/text/index.ts';
import { CATEGORIES, CATEGORY_IDS, GROUP_IDS, type CategoryDef, type CategoryId, type GroupId } from './categories.ts';
import { RULES, normaliseLabel } from './rules.ts';

export { repairMojibake } from '../../geo/text/index.ts';
export { normaliseLabel } from './rules.ts';

export { CATEGORIES, CATEGORY_IDS, GROUP_IDS, type CategoryDef, type CategoryId, type GroupId } from './categories.ts';

export interface GroupDef {
  id: GroupId;
  label: string;
  categories: readonly CategoryId[];
}

const GROUP_LABELS: Record<GroupId, string> = {
  robo: 'Robos',
  robo_transporte_publico: 'Robo en transporte público',
  violencia: 'Violencia contra las personas',
  otros_delitos: 'Otros delitos',
};

/** Groups, each with its member categories (a category may be in several: `robo` holds every robbery). */
export const GROUPS: readonly GroupDef[] = GROUP_IDS.map((id) => ({
  id,
  label: GROUP_LABELS[id],
  categories: CATEGORIES.filter((c) => (c.groups as readonly string[]).includes(id)).map((c) => c.id),
}));

const byId = new Map<string, CategoryDef>(CATEGORIES.map((c) => [c.id, c]));
const groupById = new Map<string, GroupDef>(GROUPS.map((g) => [g.id, g]));

export function isCategoryId(id: string): id is CategoryId {
  return byId.has(id);
}
export function getCategory(id: string): CategoryDef | undefined {
  return byId.get(id);
}
export const SENSITIVE_CATEGORIES: readonly CategoryId[] = CATEGORIES.filter((c) => c.sensitive).map((c) => c.id);

/**
 * Expands a comma-separated filter of category and group ids ("robo_transporte_publico,homicidio_doloso")
 * into category ids, deduplicated, in taxonomy order. Absent or blank filter → null (= every category).
 * An unknown or empty id throws AppError('invalid_category').
 */
export function expandCategoryFilter(filter: string | null | undefined): CategoryId[] | null {
  if (filter == null || filter.trim() === '') return null;
  const wanted = new Set<string>();
  for (const raw of filter.split(',')) {
    const id = raw.trim();
    const group = groupById.get(id);
    if (group) group.categories.forEach((c) => wanted.add(c));
    else if (byId.has(id)) wanted.add(id);
    else throw new AppError('invalid_category', id === '' ? '(vacía)' : id);
  }
  return CATEGORY_IDS.filter((id) => wanted.has(id));
}

export type Violence = 'con' | 'sin' | null;

export interface Classification {
  /** null only when no label was given at all (the import quarantines such a row as `missing_category`). */
  category: CategoryId | null;
  violence: Violence;
  attempt: boolean;
  /** "HECHO NO DELICTIVO": not a crime; kept out of incidents and counted by the import. */
  nonCrime: boolean;
  /** true when a rule matched; false when the label fell through to `otros`. */
  mapped: boolean;
  /** The primary label with its encoding repaired and whitespace trimmed (what we store as `original_label`). */
  label: string;
}

const NOT_A_BUCKET = /^DELITO DE BAJO IMPACTO$/;
const NON_CRIME = /\bHECHO NO DELICTIVO\b/;
const ATTEMPT = /^TENTATIVA DE\s+/;

/** "CON Y SIN VIOLENCIA" says both: null. Otherwise the explicit markers, in their long and short forms. */
function violenceOf(norm: string): Violence | undefined {
  if (/\bCON Y SIN VIOLENCIA\b/.test(norm)) return null;
  if (/\bSIN VIOLENCIA\b|(^|\s)S[./]V\.?(\s|$)/.test(norm)) return 'sin';
  if (/\bCON VIOLENCIA\b|(^|\s)C[./]V\.?(\s|$)/.test(norm)) return 'con';
  return undefined;
}

function categoryOf(norm: string): CategoryId | undefined {
  for (const [id, test] of RULES) if (test(norm)) return id;
  return undefined;
}

/**
 * Classifies a source label. `secondary` is a coarser bucket (FGJ `Categoria`) tried when the
 * primary label (FGJ `Delito`, SSC `crime`) matches no rule.
 */
export function classifyLabel(label: string | null | undefined, secondary?: string | null): Classification {
  const repaired = repairMojibake(label ?? '').trim();
  const repairedSecondary = repairMojibake(secondary ?? '').trim();
  let primary = normaliseLabel(repaired);
  const second = normaliseLabel(repairedSecondary);
  const nonCrime = NON_CRIME.test(primary) || NON_CRIME.test(second);
  const attempt = ATTEMPT.test(primary);
  if (attempt) primary = primary.replace(ATTEMPT, '');

  let category = categoryOf(primary);
  const useSecondary = category === undefined && second !== '' && !NOT_A_BUCKET.test(second) && !nonCrime;
  if (useSecondary) category = categoryOf(second);
  const mapped = category !== undefined;

  let violence = violenceOf(primary);
  if (violence === undefined) violence = second !== '' ? violenceOf(second) : undefined;

  const hasLabel = primary !== '' || second !== '';
  return {
    category: hasLabel ? (category ?? 'otros') : null,
    violence: violence ?? null,
    attempt,
    nonCrime,
    mapped,
    label: repaired !== '' ? repaired : repairedSecondary,
  };
}
