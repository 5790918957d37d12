/**
 * When did the reported event happen? Explicit dates ("el pasado martes 10 de octubre", "20 de
 * octubre de 2025"), relative ones ("ayer", "anoche", "este martes", "la noche del domingo")
 * resolved against the publication date as a calendar date in America/Mexico_City, and a clock
 * time where one is stated ("a las 14:18 horas", "alrededor de las 9:45 de la noche").
 *
 * Only the lead is read (the first `LEAD_CHARS` characters): later paragraphs of crime news
 * usually recall *other*, earlier events ("el pasado 18 de octubre … en la misma delegación").
 */
import { isoDate, type LocalDate } from '../../../core/time/index.ts';
import { normaliseText } from './lexicon.ts';

export const LEAD_CHARS = 700;
const TIME_ZONE = 'America/Mexico_City';

export interface EventTime {
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  /** Local hour and minute when stated, else null. */
  hour: number | null;
  minute: number | null;
  /** How the date was found: an explicit date, a relative expression, or the publication date. */
  basis: 'explicit' | 'relative' | 'published';
  /** The words it was read from (normalised), for review. */
  evidence: string | null;
}

const MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];
/** ISO day of week: lunes = 1 … domingo = 7. */
const WEEKDAYS: Record<string, number> = {
  lunes: 1,
  martes: 2,
  miercoles: 3,
  jueves: 4,
  viernes: 5,
  sabado: 6,
  domingo: 7,
};

const localParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The local calendar date of an ISO instant (or of a plain YYYY-MM-DD), or null. */
export function localDateOf(published: string | null | undefined): LocalDate | null {
  if (!published) return null;
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published);
  if (plain) return { year: +plain[1]!, month: +plain[2]!, day: +plain[3]! };
  const ms = Date.parse(published);
  if (!Number.isFinite(ms)) return null;
  const [y, m, d] = localParts.format(new Date(ms)).split('-').map(Number);
  return { year: y!, month: m!, day: d! };
}

function addDays(d: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

function dow(d: LocalDate): number {
  const w = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return w === 0 ? 7 : w;
}

function valid(year: number, month: number, day: number): LocalDate | null {
  const t = new Date(Date.UTC(year, month - 1, day));
  return t.getUTCMonth() === month - 1 && t.getUTCDate() === day ? { year, month, day } : null;
}

const cmp = (a: LocalDate, b: LocalDate) => (a.year - b.year) * 400 + (a.month - b.month) * 40 + (a.day - b.day);

/** "10 de octubre [de 2023]" in `text`; a year-less date after publication belongs to the year before. */
function explicitDate(text: string, pub: LocalDate | null): { date: LocalDate; evidence: string } | null {
  const re = new RegExp(`\\b(\\d{1,2}) de (${MONTHS.join('|')})(?: (?:de|del) (\\d{4}))?\\b`, 'g');
  for (const m of text.matchAll(re)) {
    const month = MONTHS.indexOf(m[2]!) + 1;
    const year = m[3] ? +m[3] : pub?.year;
    if (year === undefined) continue;
    let date = valid(year, month, +m[1]!);
    if (date && !m[3] && pub && cmp(date, pub) > 0) date = valid(year - 1, month, +m[1]!);
    // A news report does not announce events after its own publication date.
    if (date && (!pub || cmp(date, pub) <= 0)) return { date, evidence: m[0] };
  }
  return null;
}

/** "ayer", "anoche", "hoy", "este martes", "el pasado domingo", "la noche del domingo". */
function relativeDate(text: string, pub: LocalDate): { date: LocalDate; evidence: string } | null {
  const re =
    /\b(antier|anteayer|ayer|anoche|hoy|esta manana|esta madrugada|(?:este|el pasado|el|del|la noche del|la tarde del|la manana del|la madrugada del) (lunes|martes|miercoles|jueves|viernes|sabado|domingo))\b/g;
  for (const m of text.matchAll(re)) {
    const w = m[0];
    if (w === 'antier' || w === 'anteayer') return { date: addDays(pub, -2), evidence: w };
    if (w === 'ayer' || w === 'anoche') return { date: addDays(pub, -1), evidence: w };
    if (w === 'hoy' || w.startsWith('esta ')) return { date: pub, evidence: w };
    const target = WEEKDAYS[m[2]!]!;
    // The most recent such weekday on or before publication ("el pasado lunes" never means today).
    let back = (dow(pub) - target + 7) % 7;
    if (back === 0 && w.startsWith('el pasado')) back = 7;
    return { date: addDays(pub, -back), evidence: w };
  }
  return null;
}

/** "a las 14:18 horas", "alrededor de las 9:45 de la noche", "a las 17 horas". */
export function clockTime(text: string): { hour: number; minute: number } | null {
  const m = /\blas (\d{1,2})(?::(\d{2}))? ?(horas|hrs|h\b|de la (manana|tarde|noche|madrugada))/.exec(text);
  if (!m) return null;
  let hour = +m[1]!;
  const minute = m[2] ? +m[2] : 0;
  const part = m[4];
  if ((part === 'tarde' || part === 'noche') && hour < 12) hour += 12;
  if (part === 'noche' && hour === 24) hour = 0;
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

/**
 * The event's local date (and time when stated). Falls back to the publication date; null when
 * there is neither a resolvable mention nor a publication date.
 */
export function resolveEventTime(text: string, published: string | null | undefined): EventTime | null {
  const lead = normaliseText(text.slice(0, LEAD_CHARS));
  const pub = localDateOf(published);
  const time = clockTime(lead);
  const explicit = explicitDate(lead, pub);
  const relative = pub ? relativeDate(lead, pub) : null;
  // The earlier mention in the lead is the event's; a later one is usually context.
  const pick =
    explicit && relative
      ? lead.indexOf(explicit.evidence) <= lead.indexOf(relative.evidence)
        ? explicit
        : relative
      : (explicit ?? relative);
  const base = { hour: time?.hour ?? null, minute: time?.minute ?? null };
  if (pick)
    return {
      date: isoDate(pick.date),
      ...base,
      basis: pick === explicit ? 'explicit' : 'relative',
      evidence: pick.evidence,
    };
  if (pub) return { date: isoDate(pub), ...base, basis: 'published', evidence: null };
  return null;
}
