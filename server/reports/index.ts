/**
 * Citizen reports:
 *
 * - `POST /api/reports` (JSON, ≤ 8 KiB, Origin-checked, rate-limited per client IP in the store; see guard.ts) →
 *   201 `{folio, status: 'pending', understood: {place…, category, date, hour}}`. A filled honeypot
 *   field (`website`) gets an accepted-looking 202 with a folio that is never stored, and is counted.
 * - `GET /api/reports/geocode?q=TEXT` → what the server understands of a typed place (for the form
 *   to show before sending): the same rules as the POST, so a confirmed place is accepted.
 * - `GET /api/reports/{folio}` → `{folio, status, created_at, decided_at}`: the status ONLY — never
 *   the text, the place or the category — so a folio grants nothing beyond its own progress.
 *
 * The description is stored twice: raw (moderators only) and redacted (core/reports/redact.ts).
 *
 * Safe retries: a client that got no answer (network cut, server restarted) resends the report with
 * the same `Idempotency-Key` header (8–128 of `A-Z a-z 0-9 _ -`, e.g. a UUID made when the form was
 * filled). The key is stored under a unique index; a repeat answers 200 with the first report's
 * folio and `Idempotent-Replayed: true`, and queues nothing.
 */
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../core/errors/index.ts';
import { FOLIO_RE, newFolio, redactPersonalData } from '../../core/reports/index.ts';
import type { ReportRow } from '../services/ports.ts';
import type { Services } from '../services/types.ts';
import type { ApiApp } from '../context.ts';
import { checkOrigin, rateLimit, reportOptions } from './guard.ts';
import { placeFromGeocode, validateReport, MAX_PLACE_CHARS } from './validate.ts';
import { readJsonBody } from '../shared/json-body.ts';

export type { ReportOptions } from './guard.ts';

/** `Idempotency-Key`: long enough to be unguessable when random, short enough to index. */
const IDEMPOTENCY_KEY_RE = /^[A-Za-z0-9_-]{8,128}$/;

type ReportContent = Pick<
  ReportRow,
  | 'category'
  | 'occurred_on'
  | 'hour'
  | 'lat'
  | 'lon'
  | 'location_precision'
  | 'location_text'
  | 'alcaldia_id'
  | 'colonia_id'
  | 'description_raw'
>;

/**
 * A retry repeats the first request: the same key with other content is another report, refused
 * with 422 rather than dropped behind the first folio (the semantics payment APIs document).
 */
function sameReport(first: ReportRow, retry: ReportContent): boolean {
  return (Object.keys(retry) as (keyof ReportContent)[]).every((field) => first[field] === retry[field]);
}

export function registerReports(app: ApiApp, services: Services): void {
  const opts = reportOptions(services.settings.reports);
  const reports = services.repositories.reports;
  const getGeocoder = services.reference.geocoder;

  app.post(
    '/api/reports',
    checkOrigin(opts.allowedOrigins),
    bodyLimit({
      maxSize: opts.maxBytes,
      onError: () => {
        throw new AppError('payload_too_large', `máximo ${opts.maxBytes} bytes`);
      },
    }),
    rateLimit(services.repositories.rateLimits, opts.rateLimit, opts.windowMs, opts.clock),
    async (c) => {
      const body = await readJsonBody(c, { requireJsonType: true, keepUnstorableText: true });
      c.header('Cache-Control', 'no-store');
      const honeypot = (body as { website?: unknown } | null)?.website;
      if (typeof honeypot === 'string' && honeypot.trim() !== '') {
        await reports.countHoneypot();
        return c.json({ folio: newFolio(), status: 'pending' }, 202);
      }
      const clientKey = c.req.header('idempotency-key') ?? null;
      if (clientKey !== null && !IDEMPOTENCY_KEY_RE.test(clientKey)) {
        throw new AppError('invalid_body', 'Idempotency-Key: de 8 a 128 caracteres A-Z a-z 0-9 _ -');
      }
      const report = validateReport(body, getGeocoder);
      const understood = { category: report.category, date: report.date, hour: report.hour, place: report.place };
      const folio = newFolio();
      const content: ReportContent = {
        category: report.category,
        occurred_on: report.date,
        hour: report.hour,
        lat: report.place.lat,
        lon: report.place.lon,
        location_precision: report.place.precision,
        location_text: report.place.text,
        alcaldia_id: report.place.alcaldia_id,
        colonia_id: report.place.colonia_id,
        description_raw: report.description,
      };
      const inserted = await reports.insert({
        folio,
        client_key: clientKey,
        origin: 'form',
        ...content,
        description_redacted: report.description === null ? null : redactPersonalData(report.description),
      });
      if (!inserted && clientKey !== null) {
        const first = await reports.byClientKey(clientKey);
        if (first) {
          if (!sameReport(first, content))
            throw new AppError('idempotency_key_reused', 'envíe el nuevo reporte con otra clave');
          c.header('Idempotent-Replayed', 'true');
          return c.json({ folio: first.folio, status: first.status, understood }, 200);
        }
      }
      return c.json({ folio, status: 'pending', understood }, 201);
    },
  );

  app.get('/api/reports/geocode', (c) => {
    const q = (c.req.query('q') ?? '').trim();
    if (q.length < 3 || q.length > MAX_PLACE_CHARS)
      throw new AppError('invalid_query', `q: 3 a ${MAX_PLACE_CHARS} caracteres`);
    return c.json({ place: placeFromGeocode(getGeocoder().geocodeText(q), q) });
  });

  app.get('/api/reports/:folio', async (c) => {
    c.set('skipLru', true);
    c.set('cacheControl', 'no-store');
    const folio = c.req.param('folio').toUpperCase();
    if (!FOLIO_RE.test(folio)) throw new AppError('not_found', 'folio');
    const row = await reports.byFolio(folio);
    if (!row) throw new AppError('not_found', 'folio');
    return c.json({ folio: row.folio, status: row.status, created_at: row.created_at, decided_at: row.decided_at });
  });
}
