/**
 * Publication dates as news pages write them: ISO 8601 stamps (with or without offset) and
 * Spanish text ("15 de octubre de 2025, 10:33", "Octubre 6, 2025", "06/10/2025 · 13:52 hs").
 *
 * Local times without an offset are read as America/Mexico_City wall-clock time, whose offset
 * comes from the IANA time-zone database through `Intl` (Mexico abolished daylight saving time
 * in October 2022 — "Ley de los Husos Horarios", DOF 2022-10-28 — so a 2021 summer date is
 * UTC-05:00 and a 2025 summer date UTC-06:00; the tz database knows both).
 */

export const NEWS_TIME_ZONE = 'America/Mexico_City';

const MONTHS: Record<string, number> = {
  enero: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  septiembre: 9,
  setiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
  ene: 1,
  feb: 2,
  mar: 3,
  abr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  ago: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dic: 12,
};

const offsetFormatter = new Intl.DateTimeFormat('en-US', { timeZone: NEWS_TIME_ZONE, timeZoneName: 'longOffset' });

/** Offset of Mexico City at the instant `utcMs`, in minutes east of UTC (e.g. -360). */
export function mexicoCityOffsetMinutes(utcMs: number): number {
  const name = offsetFormatter.formatToParts(new Date(utcMs)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!m) return 0; // "GMT" alone means UTC
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function isValidWallClock(w: WallClock): boolean {
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.hour > 23 || w.minute > 59 || w.second > 59) return false;
  const probe = new Date(Date.UTC(w.year, w.month - 1, w.day));
  return probe.getUTCMonth() === w.month - 1 && probe.getUTCDate() === w.day;
}

function formatWallClock(w: WallClock, offsetMinutes: number): string {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${formatOffset(offsetMinutes)}`;
}

/**
 * ISO 8601 for a Mexico City wall-clock time. The offset is found by guessing with the offset
 * at the naive UTC instant and correcting once (enough for zones whose offset changes by an hour).
 */
export function mexicoCityWallClockToIso(w: WallClock): string | null {
  if (!isValidWallClock(w)) return null;
  const naiveUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  let offset = mexicoCityOffsetMinutes(naiveUtc);
  offset = mexicoCityOffsetMinutes(naiveUtc - offset * 60_000);
  return formatWallClock(w, offset);
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Normalises an ISO-like stamp to `YYYY-MM-DDTHH:MM:SS±HH:MM`. A stamp with an offset keeps its
 * own wall clock and offset; `Z` is re-expressed in Mexico City time; a stamp without offset is
 * read as Mexico City wall-clock time. Returns null for anything else or an impossible date.
 */
export function normalizeIsoDate(raw: string): string | null {
  const m = ISO_RE.exec(raw.trim());
  if (!m) return null;
  const w: WallClock = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
  };
  if (!isValidWallClock(w)) return null;
  const zone = m[7];
  if (!zone) return mexicoCityWallClockToIso(w);
  if (zone.toUpperCase() === 'Z')
    return utcMsToMexicoCityIso(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
  const z = /([+-])(\d{2}):?(\d{2})/.exec(zone)!;
  return formatWallClock(w, (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3])));
}

/** An instant written as Mexico City local time with its offset. */
export function utcMsToMexicoCityIso(utcMs: number): string {
  const offset = mexicoCityOffsetMinutes(utcMs);
  const local = new Date(utcMs + offset * 60_000);
  return formatWallClock(
    {
      year: local.getUTCFullYear(),
      month: local.getUTCMonth() + 1,
      day: local.getUTCDate(),
      hour: local.getUTCHours(),
      minute: local.getUTCMinutes(),
      second: local.getUTCSeconds(),
    },
    offset,
  );
}

/** Milliseconds since the epoch of a normalised stamp (`YYYY-MM-DDTHH:MM:SS±HH:MM`). */
export function isoToUtcMs(iso: string): number {
  return Date.parse(iso);
}

/** True when the stamp's own offset is the one Mexico City had at that instant. */
export function hasMexicoCityOffset(iso: string): boolean {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  if (!m) return false;
  const offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return offset === mexicoCityOffsetMinutes(isoToUtcMs(iso));
}

const MONTH_WORD = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;
const TIME_PART = String.raw`(?:\s*(?:[,|·-]|a\s+las)?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|hrs?\.?|hs|horas)?)?`;
const SPANISH_PATTERNS: { re: RegExp; pick: (m: RegExpExecArray) => [number, number, number] }[] = [
  // "20 de octubre de 2025", "20 / octubre / 2025", "lunes 20 de octubre del 2025"
  {
    re: new RegExp(
      String.raw`\b(\d{1,2})\s*(?:de|/|-)?\s*${MONTH_WORD}\s*(?:de(?:l)?|/|-|,)?\s*(\d{4})` + TIME_PART,
      'i',
    ),
    pick: (m) => [Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1])],
  },
  // "Octubre 6, 2025"
  {
    re: new RegExp(String.raw`\b${MONTH_WORD}\s+(\d{1,2}),?\s+(?:de\s+)?(\d{4})` + TIME_PART, 'i'),
    pick: (m) => [Number(m[3]), MONTHS[m[1]!.toLowerCase()]!, Number(m[2])],
  },
  // "20/10/2025" (day first, as Mexico writes it)
  {
    re: new RegExp(String.raw`\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})` + TIME_PART, 'i'),
    pick: (m) => [Number(m[3]), Number(m[2]), Number(m[1])],
  },
];

/**
 * Finds the first Spanish date (with optional time) in `text` and returns it as ISO 8601 in
 * Mexico City time, or null. "20 de octubre de 2025, 10:35" → "2025-10-20T10:35:00-06:00".
 */
export function parseSpanishDate(text: string): string | null {
  let best: { index: number; iso: string } | null = null;
  for (const { re, pick } of SPANISH_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const [year, month, day] = pick(m);
    const timeStart = m.length - 4;
    let hour = m[timeStart] ? Number(m[timeStart]) : 0;
    const minute = m[timeStart + 1] ? Number(m[timeStart + 1]) : 0;
    const second = m[timeStart + 2] ? Number(m[timeStart + 2]) : 0;
    const meridiem = (m[timeStart + 3] ?? '').toLowerCase().replace(/[.\s]/g, '');
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
    const iso = mexicoCityWallClockToIso({ year, month, day, hour, minute, second });
    if (iso && (!best || m.index < best.index)) best = { index: m.index, iso };
  }
  return best?.iso ?? null;
}
