/**
 * Validation of a citizen report (POST /api/reports). The shape is checked with zod; the rules
 * that have their own catalogue codes are checked in a fixed order so each bad input gets one
 * clear code: consent_required, invalid_category, invalid_date, future_date, outside_cdmx,
 * unplaced_location, then invalid_body for anything else malformed.
 */
import { z } from 'zod';
import { AppError } from '../../core/errors/index.ts';
import { isCategoryId } from '../../core/taxonomy/index.ts';
import { TIME_ZONE } from '../../core/time/index.ts';
import type { GeocodeOutput, ReadyGeocoder } from '../../reference/geocoder/index.ts';

export const MAX_DESCRIPTION_CHARS = 2000;
export const MAX_PLACE_CHARS = 200;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** The JSON body. `website` is the honeypot: hidden in the form, filled only by bots. */
export const ReportBody = z
  .object({
    category: z.string().max(64),
    date: z.string().max(10),
    hour: z.number().int().min(0).max(23).nullable().optional(),
    where: z.union([
      z.object({ lat: z.number().finite(), lon: z.number().finite() }).strict(),
      // control characters removed first: PostgreSQL refuses NUL in text
      z
        .object({
          text: z
            .string()
            .transform((s) => s.replace(CONTROL, '').trim())
            .pipe(z.string().min(3).max(MAX_PLACE_CHARS)),
        })
        .strict(),
    ]),
    description: z.string().max(MAX_DESCRIPTION_CHARS).nullable().optional(),
    consent: z.boolean(),
    website: z.string().max(500).optional(),
  })
  .strict();
export type ReportInput = z.infer<typeof ReportBody>;

/** What the server understood of the place, shown to the reporter for confirmation. */
export interface UnderstoodPlace {
  lat: number;
  lon: number;
  precision: string;
  alcaldia_id: string | null;
  alcaldia: string | null;
  colonia_id: string | null;
  colonia: string | null;
  /** what the reporter typed, when typed */
  text: string | null;
}

export interface ValidReport {
  category: string;
  date: string;
  hour: number | null;
  place: UnderstoodPlace;
  /** control characters (other than newline and tab) removed; null when empty */
  description: string | null;
}

const localNow = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** Mexico City's local date (YYYY-MM-DD) and hour at `now`. */
export function localDateHour(now: Date): { date: string; hour: number } {
  const p: Record<string, string> = {};
  for (const { type, value } of localNow.formatToParts(now)) p[type] = value;
  return { date: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour) };
}

/** A real calendar date written YYYY-MM-DD (2024-02-30 is not). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]! && +m[1]! >= 2000;
}

/** The geocoder's answer as a place, or the catalogue error it means. */
export function placeFromGeocode(g: GeocodeOutput, text: string): UnderstoodPlace {
  if (g.status === 'outside_cdmx') throw new AppError('outside_cdmx', text);
  if (g.status !== 'ok' || g.lat === null || g.lon === null || !g.precision)
    throw new AppError('unplaced_location', text);
  return {
    lat: g.lat,
    lon: g.lon,
    precision: g.precision,
    alcaldia_id: g.alcaldia_id,
    alcaldia: g.alcaldia,
    colonia_id: g.colonia_id,
    colonia: g.colonia,
    text,
  };
}

/** A map point as a place: it must lie inside an alcaldía of Mexico City. */
export function placeFromPoint(lat: number, lon: number, geocoder: ReadyGeocoder): UnderstoodPlace {
  const reverse = geocoder.reverse;
  if (!reverse.inCity(lat, lon)) throw new AppError('outside_cdmx', `${lat}, ${lon}`);
  const alcaldiaId = reverse.areaAt('alcaldia', null, lat, lon);
  const coloniaId = reverse.areaAt('colonia', null, lat, lon);
  return {
    lat,
    lon,
    precision: 'point',
    alcaldia_id: alcaldiaId,
    alcaldia: alcaldiaId ? (reverse.feature('alcaldia', null, alcaldiaId)?.name ?? null) : null,
    colonia_id: coloniaId,
    colonia: coloniaId ? (reverse.feature('colonia', null, coloniaId)?.name ?? null) : null,
    text: null,
  };
}

/** Checks a parsed body (honeypot already handled) → the report to store, or throws an AppError. */
export function validateReport(body: unknown, geocoder: () => ReadyGeocoder, now: Date = new Date()): ValidReport {
  const raw = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  if (raw.consent !== true) throw new AppError('consent_required');
  if (typeof raw.category !== 'string' || !isCategoryId(raw.category))
    throw new AppError('invalid_category', String(raw.category ?? ''));
  if (typeof raw.date !== 'string' || !isRealDate(raw.date)) throw new AppError('invalid_date', String(raw.date ?? ''));
  const today = localDateHour(now);
  const hour = typeof raw.hour === 'number' ? raw.hour : null;
  if (raw.date > today.date || (raw.date === today.date && hour !== null && hour > today.hour))
    throw new AppError('future_date', raw.date);
  const parsed = ReportBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('invalid_body', `${issue.path.join('.') || 'cuerpo'}: ${issue.message}`);
  }
  const v = parsed.data;
  const place =
    'text' in v.where
      ? placeFromGeocode(geocoder().geocodeText(v.where.text), v.where.text)
      : placeFromPoint(v.where.lat, v.where.lon, geocoder());
  const description = v.description?.replace(CONTROL, '').trim() || null;
  return { category: v.category, date: v.date, hour: v.hour ?? null, place, description };
}
