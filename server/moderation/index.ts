/**
 * Moderation of the report queue (only `moderador` and `admin` see raw
 * reports). Bearer token required (server/auth): none → 401 `authentication_required`; another
 * role → 403 `forbidden`.
 *
 * - `GET  /api/moderation/reports?status=pending|approved|merged|rejected&limit=&offset=` → the
 *   reports with their raw AND redacted text, plus the queue's counts per status.
 * - `POST /api/moderation/reports/{folio}/approve` → creates the incident (source `citizen`, or
 *   `chat` for chat messages; `source_record_id` = folio), placed like every other source
 *   (the store's incident writer, db/incidents), bumps the data version → `{folio, status, incident_id}`.
 *   Optional body `{"lat", "lon"}` or `{"area": {"kind": "colonia"|"alcaldia", "id"}}`; a report that
 *   could not be placed needs one, else 409 `report_unplaced` (placement.ts).
 * - `POST …/merge` `{"incident_id": "123"}` → links the report to that incident; nothing new is counted.
 * - `POST …/reject` `{"reason": "…"}` → rejected with the reason.
 * A report already decided → 409 `report_already_decided`; an unknown folio → 404.
 * - `POST /api/moderation/chat-imports` → a chat export uploaded and queued (chat-imports/).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { parseJsonBody } from '../shared/json-body.ts';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { AppError } from '../../core/errors/index.ts';
import { REPORT_STATUSES, type ReportRow, type ReportStatus } from '../services/ports.ts';
import { FOLIO_RE } from '../../core/reports/index.ts';
import { reportIncident } from '../../etl/reports/index.ts';
import type { Services } from '../services/types.ts';
import type { ApiApp, ApiEnv } from '../context.ts';
import { principalOf, type Principal } from '../auth/index.ts';
import { ApproveBody, approvedPlacement } from './placement.ts';
import { CHAT_IMPORTS_PATH, registerChatImports } from './chat-imports/index.ts';

const MODERATOR_ROLES = new Set(['moderador', 'admin']);

/** 401 without a token, 403 for a role that may not moderate. */
export const requireModerator: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const p = principalOf(c);
  if (!p) throw new AppError('authentication_required');
  if (!MODERATOR_ROLES.has(p.role)) throw new AppError('forbidden', `rol ${p.role}`);
  c.set('skipLru', true);
  c.set('cacheControl', 'no-store');
  await next();
};

const ListQuery = z.object({
  status: z.enum(REPORT_STATUSES as [ReportStatus, ...ReportStatus[]]).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
const MergeBody = z
  .object({ incident_id: z.union([z.string().regex(/^\d{1,18}$/), z.number().int().positive()]).transform(String) })
  .strict();
const RejectBody = z.object({ reason: z.string().trim().min(1).max(500) }).strict();

function folioOf(c: Context): string {
  const folio = c.req.param('folio')!.toUpperCase();
  if (!FOLIO_RE.test(folio)) throw new AppError('not_found', 'folio');
  return folio;
}

const who = (p: Principal | null) => (p ? `${p.role}:${p.name}` : 'desconocido');

/** A report as moderators see it. */
function moderatorView(r: ReportRow) {
  return {
    folio: r.folio,
    origin: r.origin,
    status: r.status,
    category: r.category,
    date: r.occurred_on,
    hour: r.hour,
    place: {
      lat: r.lat,
      lon: r.lon,
      precision: r.location_precision,
      text: r.location_text,
      alcaldia_id: r.alcaldia_id,
      colonia_id: r.colonia_id,
    },
    description_raw: r.description_raw,
    description_redacted: r.description_redacted,
    sender_hash: r.sender_hash,
    created_at: r.created_at,
    decided_at: r.decided_at,
    decided_by: r.decided_by,
    decision_reason: r.decision_reason,
    incident_id: r.incident_id === null ? null : String(r.incident_id),
  };
}

export function registerModeration(app: ApiApp, services: Services): void {
  const reports = services.repositories.reports;
  app.use('/api/moderation/*', requireModerator);
  const smallBodies = bodyLimit({
    maxSize: 8 * 1024,
    onError: () => {
      throw new AppError('payload_too_large');
    },
  });
  // decisions are small JSON bodies; a chat export is a file with its own cap (chat-imports/)
  app.use('/api/moderation/*', (c, next) => (c.req.path === CHAT_IMPORTS_PATH ? next() : smallBodies(c, next)));
  registerChatImports(app, services);

  app.get('/api/moderation/reports', async (c) => {
    const q = ListQuery.safeParse(c.req.query());
    if (!q.success)
      throw new AppError(
        'invalid_parameter',
        q.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      );
    const [rows, counts] = await Promise.all([reports.list(q.data), reports.count()]);
    return c.json({ reports: rows.map(moderatorView), counts });
  });

  app.post('/api/moderation/reports/:folio/approve', async (c) => {
    const folio = folioOf(c);
    // The body is optional: a location places a report that has none (or corrects one), see placement.ts.
    const location = (await c.req.text()).trim() ? await parseJsonBody(c, ApproveBody) : {};
    const { reverse } = services.reference.geocoder();
    // Runs inside approveReport's transaction: a refusal (report_unplaced) rolls everything back.
    const incidentId = await reports.approve(
      folio,
      who(principalOf(c)),
      (r) =>
        reportIncident({
          folio: r.folio,
          origin: r.origin,
          category: r.category!,
          occurred_on: r.occurred_on,
          hour: r.hour,
          ...approvedPlacement(r, location, reverse),
        }),
      services.incidentWriter(),
    );
    services.dataVersion.invalidate();
    return c.json({ folio, status: 'approved', incident_id: incidentId });
  });

  app.post('/api/moderation/reports/:folio/merge', async (c) => {
    const folio = folioOf(c);
    const { incident_id } = await parseJsonBody(c, MergeBody);
    await reports.merge(folio, incident_id, who(principalOf(c)));
    return c.json({ folio, status: 'merged', incident_id });
  });

  app.post('/api/moderation/reports/:folio/reject', async (c) => {
    const folio = folioOf(c);
    const { reason } = await parseJsonBody(c, RejectBody);
    await reports.reject(folio, reason, who(principalOf(c)));
    return c.json({ folio, status: 'rejected', reason });
  });
}
