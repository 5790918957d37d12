/**
 * News classification, pure: does a text report a specific incident, or is it a
 * statistics piece, an advisory or an opinion; which taxonomy categories it reports (lexicon with
 * inflections, negation and attempt, `lexicon.ts`); when (`when.ts`); how many victims.
 *
 * Scoring: each lexicon mention adds its weight, doubled in the headline and ×1.5 in the lead
 * (the inverted pyramid puts the event first; later paragraphs recall context and other cases).
 * A category is reported when its score reaches `MIN_SCORE`; the highest is the primary one.
 */
import type { CategoryId } from '../../../core/taxonomy/index.ts';
import {
  ACCIDENT,
  ACCIDENT_SENSE,
  ALLEGED,
  ATTEMPT,
  CONTEXT_SENTENCE,
  DEFAULT_ROBBERY,
  NEGATION,
  ROBBERY,
  ROBBERY_CONTEXT,
  RULES,
  WITH_VIOLENCE,
  WITHOUT_VIOLENCE,
  normaliseText,
} from './lexicon.ts';
import { LEAD_CHARS, resolveEventTime, type EventTime } from './when.ts';

export { normaliseText } from './lexicon.ts';
export { resolveEventTime, localDateOf, clockTime, type EventTime } from './when.ts';

export const CLASSIFIER_VERSION = 'news-classify/1';
export const MIN_SCORE = 2;

export type ArticleKind = 'incident' | 'statistics' | 'advisory' | 'opinion' | 'other';

export interface ArticleClassification {
  kind: ArticleKind;
  /** Reported categories, strongest first (empty when the text names no crime). */
  categories: CategoryId[];
  primary: CategoryId | null;
  scores: Partial<Record<CategoryId, number>>;
  attempt: boolean;
  violence: 'con' | 'sin' | null;
  /** The text speaks of suspects ("presuntos", "probables responsables"). */
  alleged: boolean;
  when: EventTime | null;
  victims: number | null;
  /** Why it is not an incident, for the articles table. */
  reason: string | null;
  version: string;
}

export interface ClassifyInput {
  title?: string | null;
  text: string;
  /** ISO 8601 publication instant (or YYYY-MM-DD): the anchor of relative dates. */
  publishedAt?: string | null;
}

interface Sentence {
  text: string;
  start: number;
}

function sentences(norm: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^.!?\n]+[.!?\n]*/g;
  for (const m of norm.matchAll(re)) out.push({ text: m[0], start: m.index! });
  return out;
}

function regionWeight(inTitle: boolean, s: Sentence): number {
  if (inTitle) return 2;
  const base = s.start < LEAD_CHARS ? 1.5 : 0.75;
  return CONTEXT_SENTENCE.test(s.text) ? base / 4 : base;
}

/** Category scores over one block of normalised text (the headline, or the body). */
function scoreBlock(norm: string, inTitle: boolean, scores: Map<CategoryId, number>, accidentArticle: boolean): void {
  const add = (c: CategoryId, w: number) => scores.set(c, (scores.get(c) ?? 0) + w);
  // A robbery sentence without its own context ("el atraco fue captado en video") is about the
  // robbery the lead set up ("se robaron una motocicleta"): it inherits the lead's context.
  let leadContext: CategoryId | null = null;
  for (const s of sentences(norm)) {
    if (NEGATION.test(s.text)) continue; // the sentence denies or doubts what it names
    const w = regionWeight(inTitle, s);
    const accident = ACCIDENT.test(s.text);
    for (const rule of RULES) {
      // in an accident's sentence every death or injury word is the accident's; elsewhere in an
      // article about an accident, only the words that need company ("murió", "lesionados")
      if (ACCIDENT_SENSE.has(rule.category) && (accident || (accidentArticle && rule.weight < 2))) continue;
      for (const _ of s.text.matchAll(rule.pattern)) add(rule.category, rule.weight * w);
    }
    for (const _ of s.text.matchAll(ROBBERY)) {
      const own = ROBBERY_CONTEXT.find(([, re]) => re.test(s.text))?.[0] ?? null;
      if (own && leadContext === null && (inTitle || s.start < LEAD_CHARS)) leadContext = own;
      add(own ?? leadContext ?? DEFAULT_ROBBERY, 2 * w);
    }
  }
}

// --- kind ----------------------------------------------------------------------------------

const STAT_CUES =
  /(\d+(\.\d+)? ?%|por ciento|\bcifras?\b|estadisticas?|indice delictivo|incidencia delictiva|carpetas de investigacion|en lo que va del ano|primer semestre|secretariado ejecutivo|\binegi\b|\benvipe\b|tasa de|comparado con el mismo periodo|a la baja|al alza)/g;
const ADVISORY_CUES =
  /(recomendaciones|recomienda(n)?|te decimos|consejos|como evitar|que hacer (si|en caso)|toma(r)? precauciones|evite(n)?|mantente alerta|cierres? viales?|alerta (por|ante)|numeros? de emergencia)/g;
const OPINION_CUES =
  /(\bopinion\b|\bcolumna\b|\beditorial\b|\bcolumnista\b|\ben mi opinion\b|\bconsidero que\b|\bcreo que\b|\bopino\b)/g;
/**
 * What a report of one event says: the event's verbs in the past (active and passive) and the
 * headline's present ("Asaltan…", "Cae…"), a victim, a time of day, a corner.
 */
const INCIDENT_CUES =
  /(\b(asaltaron|robaron|despojaron|dispararon|asesinaron|mataron|ejecutaron|acribillaron|balearon|hirieron|golpearon|amagaron|arrebataron|quitaron|se llevaron|ingresaron|irrumpieron|forzaron|catearon|arrestaron|capturaron|aprehendieron|frenaron|huyeron|escaparon|atropello|apunalaron|lesionaron|privaron|secuestraron|extorsionaban|despojaban|amenazaba(n)?)\b|\b(asaltan|roban|detienen|cae|caen|hallan|localizan|encuentran|ejecutan|ultiman|asesinan|matan|hieren|balean|atracan|atraca|capturan|arrestan|golpean|secuestran|apunalan|picotean|le bajan|le dan piso)\b|\b(se pelaron|se echo a correr|lo amagaron|la amagaron|lo encanonaron|la encanonaron|le metieron)\b|resulto herid|resultaron herid|reportaron|sin vida|hallazgo de|detuvieron|detenid[oa]s?|fue(ron)? (asesinad|herid|baleado|lesionad|asaltad|robad|secuestrad|privad|localizad|hallad)|los hechos|el hecho|ocurrio|se registro|la victima|el agresor|en la colonia|en (la )?calles? (de )?|por la (noche|tarde|manana|madrugada)|en el cruce|esquina con|la (noche|tarde|manana|madrugada) del?|alrededor de las|a las \d)/g;

const count = (re: RegExp, s: string) => [...s.matchAll(re)].length;

function kindOf(title: string, lead: string, hasCrime: boolean): { kind: ArticleKind; reason: string | null } {
  const head = `${title} ${lead.slice(0, 200)}`;
  if (count(OPINION_CUES, head) > 0) return { kind: 'opinion', reason: 'opinion' };
  const incident = count(INCIDENT_CUES, lead) + count(INCIDENT_CUES, title);
  const stats = count(STAT_CUES, `${title} ${lead}`);
  const advisory = count(ADVISORY_CUES, `${title} ${lead}`);
  if (!hasCrime) return { kind: 'other', reason: ACCIDENT.test(head) ? 'accident' : 'no_crime_terms' };
  if (incident >= 2 && incident >= stats && incident >= advisory) return { kind: 'incident', reason: null };
  if (stats >= 2 && stats >= advisory) return { kind: 'statistics', reason: 'statistics' };
  if (advisory >= 2) return { kind: 'advisory', reason: 'advisory' };
  return incident >= 1 ? { kind: 'incident', reason: null } : { kind: 'other', reason: 'no_specific_event' };
}

// --- victims -------------------------------------------------------------------------------

const NUMBER_WORDS: Record<string, number> = {
  un: 1,
  una: 1,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  quince: 15,
  veinte: 20,
};
const VICTIM_NOUN =
  '(?:personas?|jovenes|joven|hombres?|mujer(?:es)?|pasajeros?|menores|ninos|ninas|victimas?|usuarios?|comerciantes?|muertos|heridos|lesionados)';
const VICTIM_VERB =
  '(?:asesinad|muert|murieron|murio|fallec|herid|lesionad|balead|secuestrad|privad|atacad|agredid|sin vida|perdio la vida|acribillad)';

/** "seis personas fueron asesinadas", "dos pasajeros fallecieron", "una persona murió y tres más resultaron heridas". */
export function victimCount(text: string): number | null {
  const lead = normaliseText(text.slice(0, LEAD_CHARS * 2));
  const num = `(?<n>\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})`;
  const patterns = [
    new RegExp(`\\b${num} (?:${VICTIM_NOUN})\\b[^.]{0,60}?${VICTIM_VERB}`, 'g'),
    new RegExp(`\\b${VICTIM_VERB}\\w* (?:a )?${num} (?:${VICTIM_NOUN})\\b`, 'g'),
    // "una persona murió y tres más resultaron heridas": the second count after "y".
    new RegExp(`\\by ${num} mas (?:resultaron |fueron |quedaron )?${VICTIM_VERB}`, 'g'),
  ];
  // "dejó como saldo una persona muerta, un lesionado y un detenido": the dead and the injured of the toll.
  const toll = /\b(?:deja|dejo|dejaron|saldo)\b[^.]{0,120}/.exec(lead)?.[0];
  if (toll) {
    const each = new RegExp(`\\b${num} (?:personas? )?(?:muert[oa]s?|herid[oa]s?|lesionad[oa]s?)\\b`, 'g');
    let sum = 0;
    for (const m of toll.matchAll(each)) {
      const raw = m.groups!.n!;
      sum += /^\d+$/.test(raw) ? +raw : (NUMBER_WORDS[raw] ?? 0);
    }
    if (sum > 0 && sum <= 200) return sum;
  }
  let total = 0;
  let counted = false;
  for (const [i, re] of patterns.entries()) {
    if (i < 2 && counted) continue; // the first count found is the event's; later ones repeat it
    const m = re.exec(lead);
    re.lastIndex = 0;
    const raw = m?.groups?.n;
    if (raw === undefined) continue;
    const n = /^\d+$/.test(raw) ? +raw : (NUMBER_WORDS[raw] ?? NaN);
    if (!Number.isFinite(n) || n > 200) continue;
    total += n;
    counted = true;
  }
  return counted ? total : null;
}

// --- the classifier ------------------------------------------------------------------------

export function classifyArticle(input: ClassifyInput): ArticleClassification {
  const title = normaliseText(input.title ?? '');
  const body = normaliseText(input.text);
  const scores = new Map<CategoryId, number>();
  // the headline or the first sentence says what the article is about
  const accidentArticle = ACCIDENT.test(title) || ACCIDENT.test(sentences(body)[0]?.text ?? '');
  if (title) scoreBlock(title, true, scores, accidentArticle);
  scoreBlock(body, false, scores, accidentArticle);

  // A feminicide is a homicide of a woman: report it once, as the more specific category.
  if (scores.has('feminicidio') && scores.has('homicidio_doloso')) {
    scores.set('feminicidio', scores.get('feminicidio')! + scores.get('homicidio_doloso')!);
  }
  const categories = [...scores.entries()]
    .filter(([, s]) => s >= MIN_SCORE)
    .sort((a, b) => b[1] - a[1])
    .map(([c]) => c);
  // The gravest crime names the event (as the prosecutors' classification does): a death outranks the injuries.
  const gravest = (['feminicidio', 'homicidio_doloso'] as const).find((c) => categories.includes(c));
  if (gravest && (categories[0] === 'lesiones_arma_fuego' || categories[0] === 'lesiones')) {
    categories.splice(categories.indexOf(gravest), 1);
    categories.unshift(gravest);
  }
  const lead = body.slice(0, LEAD_CHARS);
  const { kind, reason } = kindOf(title, lead, categories.length > 0);
  const focus = `${title} ${lead}`;
  return {
    kind,
    categories,
    primary: categories[0] ?? null,
    scores: Object.fromEntries([...scores.entries()].map(([c, s]) => [c, Math.round(s * 10) / 10])),
    attempt: ATTEMPT.test(focus),
    violence: WITHOUT_VIOLENCE.test(focus) ? 'sin' : WITH_VIOLENCE.test(focus) ? 'con' : null,
    alleged: ALLEGED.test(focus),
    when: resolveEventTime(input.text, input.publishedAt),
    victims: victimCount(input.text),
    reason,
    version: CLASSIFIER_VERSION,
  };
}
