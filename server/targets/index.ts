/**
 * Mesa targets (metas).
 *
 * - `GET /api/targets?kind&ids&vintage` → `{items: [Target]}` (newest first; everyone may read).
 * - `POST /api/targets` JSON `{name, kind, area_id, vintage?, category, baseline_from, baseline_to,
 *   reduction_pct, due_month}` → 201 Target. admin, or a `mesa` whose territory holds the area
 *   (server/policy `withinTerritory`); anyone else 403 `forbidden`.
 * - `GET /api/targets/{target_id}` → Target; `DELETE /api/targets/{target_id}` (same rule as POST).
 * - `GET /api/targets/{target_id}/progress` → `{target, baseline_monthly_mean, goal_monthly,
 *   baseline_months, items: [{month, count, goal, met}], status}`: the rule is geo/stats
 *   `targetProgress` (goal = baseline monthly mean × (1 − pct/100); status at the due month from
 *   the mean of the last 3 months; the months the data covers are those of the sources with incidents
 *   in the target's area, `areaSourceMonths` — for callers without detail, of the sources the public
 *   may date, server/policy/sources.ts). The counts go through the policy like every other figure:
 *   callers without detail access get published monthly values (withheld months null, with
 *   `partial: true`), `access: "public"`, `min_count` and `baseline_withheld`.
 *
 * Baseline bounds are whole months: `YYYY-MM` or `YYYY-MM-01` (`baseline_to` excluded); the answer
 * writes them `YYYY-MM-01`. Targets change with writes, never with imports only: their answers
 * bypass the response cache.
 */
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { AppError } from '../../core/errors/index.ts';
import { expandCategoryFilter } from '../../core/taxonomy/index.ts';
import { PLAUSIBLE_FROM, PLAUSIBLE_MAX_MONTHS_AHEAD, plausibleEnd, todayUtc } from '../../core/time/calendar.ts';
import type { TargetRecord } from '../services/ports.ts';
import { AREA_KINDS, type AreaKind, type Vintage } from '../services/ports.ts';
import { addMonths, monthIndex, targetProgress } from '../../geo/stats/index.ts';
import type { ApiApp } from '../context.ts';
import type { Services } from '../services/types.ts';
import { requireArea } from '../shared/places.ts';
import { principalOf, type Principal } from '../auth/index.ts';
import { DEFAULT_VINTAGE, parseParams } from '../params/index.ts';
import { territoryArea } from '../shared/territory.ts';
import { areaPlan, exactCounts, publishMonth, withinTerritory } from '../policy/index.ts';
import { coverageOf } from '../shared/months.ts';
import { publicDatedSources } from '../policy/sources.ts';
import { parseJsonBody } from '../shared/json-body.ts';

/** The longest baseline window and the farthest due month after it, in months. */
export const MAX_BASELINE_MONTHS = 120;
export const MAX_TARGET_HORIZON_MONTHS = 120;

export interface Target extends TargetRecord {
  area_name: string | null;
}

const MONTH = /^(\d{4}-(0[1-9]|1[0-2]))(-01)?$/;
const monthOf = (label: string) =>
  z
    .string()
    .regex(MONTH, `${label}: use AAAA-MM (o AAAA-MM-01)`)
    .transform((v) => v.slice(0, 7))
    .refine((v) => `${v}-01` >= PLAUSIBLE_FROM, `${label}: desde ${PLAUSIBLE_FROM.slice(0, 7)}`);

const TargetBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    kind: z.enum(AREA_KINDS),
    area_id: z.string().trim().min(1).max(200),
    vintage: z.union([z.literal(2016), z.literal(2023), z.enum(['2016', '2023']).transform(Number)]).optional(),
    category: z.string().trim().max(200).nullable().optional(),
    baseline_from: monthOf('baseline_from'),
    baseline_to: monthOf('baseline_to'),
    reduction_pct: z
      .number()
      .gt(0)
      .max(100)
      .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, 'a lo más dos decimales'),
    due_month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'due_month: use AAAA-MM'),
  })
  .strict();

async function jsonBody(c: Context): Promise<z.output<typeof TargetBody>> {
  const t = await parseJsonBody(c, TargetBody);
  const span = monthIndex(t.baseline_to) - monthIndex(t.baseline_from);
  if (span <= 0)
    throw new AppError(
      'invalid_body',
      `baseline ${t.baseline_from}..${t.baseline_to}: baseline_from debe ser anterior a baseline_to`,
    );
  if (span > MAX_BASELINE_MONTHS)
    throw new AppError('invalid_body', `línea base de ${span} meses (máximo ${MAX_BASELINE_MONTHS})`);
  const horizon = monthIndex(t.due_month) - monthIndex(t.baseline_to);
  if (horizon < 0)
    throw new AppError(
      'invalid_body',
      `due_month ${t.due_month} es anterior al fin de la línea base (${t.baseline_to})`,
    );
  if (horizon > MAX_TARGET_HORIZON_MONTHS)
    throw new AppError('invalid_body', `due_month a más de ${MAX_TARGET_HORIZON_MONTHS} meses de la línea base`);
  // the plausible range of every date the API takes (server/params checkRange): progress stays computable
  const end = plausibleEnd(todayUtc());
  if (`${t.due_month}-01` >= end)
    throw new AppError(
      'invalid_body',
      `due_month ${t.due_month}: a lo más ${PLAUSIBLE_MAX_MONTHS_AHEAD} meses después del mes actual`,
    );
  return t;
}

/** The `target_id` path segment; anything but a positive integer names no target (404). */
export function parseTargetId(raw: string | undefined): number {
  if (!raw || !/^[1-9]\d{0,8}$/.test(raw)) throw new AppError('not_found', `meta ${String(raw ?? '').slice(0, 40)}`);
  return Number(raw);
}

/** Who wrote it: the auth layer's subject (`user:<id>`, `token:<id>`) when it has one, else role and name. */
function creatorOf(p: Principal): string {
  return p.subject ?? `${p.role}:${p.name}`;
}

/** admin, or a mesa whose territory holds the area; anyone else 403 (the public included). */
function requireTargetWriter(
  p: Principal | null,
  kind: AreaKind,
  vintage: Vintage,
  area: Parameters<typeof territoryArea>[2],
): void {
  if (p?.role === 'admin') return;
  if (p?.role === 'mesa' && withinTerritory(p, territoryArea(kind, vintage, area))) return;
  throw new AppError(
    'forbidden',
    p ? `rol ${p.role}: solo admin o la mesa de ese territorio definen metas` : 'solo admin o una mesa definen metas',
  );
}

async function withNames(
  repo: Services['repositories']['incidents'],
  targets: readonly TargetRecord[],
): Promise<Target[]> {
  const groups = new Map<string, TargetRecord[]>();
  for (const t of targets) {
    const key = `${t.kind}/${t.vintage}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const names = new Map<string, string>();
  for (const [key, ts] of groups) {
    const areas = await repo.areas(ts[0].kind, ts[0].vintage, [...new Set(ts.map((t) => t.area_id))]);
    for (const a of areas) names.set(`${key}/${a.id}`, a.name);
  }
  return targets.map((t) => ({ ...t, area_name: names.get(`${t.kind}/${t.vintage}/${t.area_id}`) ?? null }));
}

/** The progress body of one target as `principal` may see it. */
export async function targetProgressBody(
  {
    repositories,
    publicData,
    healthAt,
    dataVersion,
  }: Pick<Services, 'repositories' | 'publicData' | 'healthAt' | 'dataVersion'>,
  principal: Principal | null,
  target: Target,
) {
  const { incidents: repo, stats } = repositories;
  const area = await requireArea(repo, target.kind, target.vintage, target.area_id);
  const categories = target.category ? expandCategoryFilter(target.category) : null;
  const plan = areaPlan(principal, {
    kind: target.kind,
    areas: [territoryArea(target.kind, target.vintage, area)],
    categories,
    windows: [],
  });
  const fromMonth = target.baseline_from.slice(0, 7);
  const toMonth = addMonths(target.due_month, 1);
  const [sources, byArea] = await Promise.all([
    repositories.targets.areaSourceMonths({ kind: target.kind, vintage: target.vintage, id: area.id }),
    stats.monthlyCountsByArea({
      kind: target.kind,
      vintage: target.vintage,
      categories: plan.categories,
      ids: [area.id],
      fromMonth,
      toMonth,
    }),
  ]);
  const cells = byArea.get(area.id);
  const counts = new Map<string, number | null>(exactCounts(cells));
  const pub = plan.exact ? undefined : await publicData.publication(plan);
  if (pub) {
    for (let m = fromMonth; m < toMonth; m = addMonths(m, 1)) counts.set(m, publishMonth(m, cells?.get(m), pub));
  }
  const p = targetProgress({
    baselineFrom: fromMonth,
    baselineTo: target.baseline_to.slice(0, 7),
    reductionPct: target.reduction_pct,
    dueMonth: target.due_month,
    // a public answer's months are covered only by the sources the public may date (server/policy/sources.ts)
    coverage: coverageOf(
      pub
        ? publicDatedSources(sources, await healthAt(await dataVersion.current()), publicData.options.minCount)
        : sources,
    ),
    counts,
  });
  const body = {
    target,
    baseline_monthly_mean: p.baseline_monthly_mean,
    goal_monthly: p.goal_monthly,
    baseline_months: p.baseline_months,
    items: p.items,
    status: p.status,
  };
  if (!pub) return body;
  return {
    ...body,
    items: p.items.map((i) => ({ ...i, partial: i.count === null })),
    access: 'public' as const,
    min_count: pub.k,
    baseline_withheld: p.baseline_withheld,
  };
}

export function registerTargets(app: ApiApp, services: Services): void {
  const repo = services.repositories.incidents;
  const targets = services.repositories.targets;
  app.use(
    '/api/targets',
    bodyLimit({
      maxSize: 8 * 1024,
      onError: () => {
        throw new AppError('payload_too_large');
      },
    }),
  );
  app.use('/api/targets/*', async (c, next) => {
    // definitions change with every write: never from the response cache
    c.set('skipLru', true);
    c.set('cacheControl', 'no-store');
    await next();
  });
  app.use('/api/targets', async (c, next) => {
    c.set('skipLru', true);
    c.set('cacheControl', 'no-store');
    await next();
  });

  const load = async (raw: string | undefined): Promise<Target> => {
    const id = parseTargetId(raw);
    const t = await targets.get(id);
    if (!t) throw new AppError('not_found', `meta ${id}`);
    return (await withNames(repo, [t]))[0];
  };

  app.get('/api/targets', async (c) => {
    const p = parseParams(c.req.query(), ['kind', 'ids', 'vintage']);
    const items = await withNames(repo, await targets.list({ kind: p.kind, ids: p.ids, vintage: p.vintage }));
    return c.json({ items });
  });

  app.post('/api/targets', async (c) => {
    const t = await jsonBody(c);
    const vintage = (t.vintage ?? DEFAULT_VINTAGE) as Vintage;
    const category = t.category ? t.category : null;
    if (category) expandCategoryFilter(category); // invalid_category for an unknown id
    const area = await requireArea(repo, t.kind, vintage, t.area_id);
    const principal = principalOf(c);
    requireTargetWriter(principal, t.kind, vintage, area);
    const record = await targets.create({
      name: t.name,
      kind: t.kind,
      area_id: area.id,
      vintage,
      category,
      baseline_from: `${t.baseline_from}-01`,
      baseline_to: `${t.baseline_to}-01`,
      reduction_pct: t.reduction_pct,
      due_month: t.due_month,
      created_by: creatorOf(principal!),
    });
    return c.json({ ...record, area_name: area.name }, 201);
  });

  app.get('/api/targets/:target_id', async (c) => c.json(await load(c.req.param('target_id'))));

  app.delete('/api/targets/:target_id', async (c) => {
    const target = await load(c.req.param('target_id'));
    const area = await requireArea(repo, target.kind, target.vintage, target.area_id);
    requireTargetWriter(principalOf(c), target.kind, target.vintage, area);
    await targets.delete(target.id);
    return c.json({ id: target.id, deleted: true });
  });

  app.get('/api/targets/:target_id/progress', async (c) => {
    const target = await load(c.req.param('target_id'));
    return c.json(await targetProgressBody(services, principalOf(c), target));
  });
}
