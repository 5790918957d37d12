/** `GET /api/areas/{kind}/{id}/series`: the dense monthly series of one area. */
import { AppError } from '../../core/errors/index.ts';
import type { IncidentRepository } from '../../db/queries/index.ts';
import { nextMonthStart } from '../../db/queries/months.ts';
import type { AreaKind, Vintage } from '../../db/schema.ts';
import type { ApiApp, ApiDeps } from '../app.ts';
import { DEFAULT_VINTAGE, parseFilter, parseParams, required } from '../params/index.ts';

/** The area, or a 404 `unknown_area`. */
export async function requireArea(repo: IncidentRepository, kind: AreaKind, vintage: Vintage, id: string) {
  const area = await repo.area(kind, vintage, id);
  if (!area) throw new AppError('unknown_area', `${kind} ${id} (${vintage})`);
  return area;
}

export function registerAreas(app: ApiApp, { repo }: ApiDeps): void {
  app.get('/api/areas/:kind/:id/series', async (c) => {
    const query = c.req.query();
    const kind = required(parseParams({ kind: c.req.param('kind') }, ['kind']).kind, 'kind');
    const { vintage = DEFAULT_VINTAGE } = parseParams(query, ['vintage', 'interval']);
    const filter = parseFilter(query);
    const area = await requireArea(repo, kind, vintage, c.req.param('id'));

    // without a range the series spans the data: first month of the oldest incident … last month
    let { from, to } = filter;
    if (from === undefined || to === undefined) {
      const h = await repo.health();
      from ??= h.dataFrom ? `${h.dataFrom.slice(0, 7)}-01` : undefined;
      to ??= h.dataUntil ? nextMonthStart(h.dataUntil) : undefined;
    }
    const series = from && to && from < to ? await repo.areaSeries({ kind, vintage, id: area.id, from, to, categories: filter.categories }) : [];
    return c.json({ kind, id: area.id, name: area.name, vintage, category: filter.category, from: from ?? null, to: to ?? null, interval: 'month', series });
  });
}
