/** `GET /api/categories`: the canonical taxonomy (ids, Spanish labels, groups, sensitive flag). */
import { CATEGORIES, GROUPS } from '../../core/taxonomy/index.ts';
import type { ApiApp } from '../context.ts';

export function registerCategories(app: ApiApp): void {
  const body = {
    categories: CATEGORIES.map((c) => ({
      id: c.id,
      label: c.label,
      group: c.group,
      groups: c.groups,
      sensitive: c.sensitive,
    })),
    groups: GROUPS.map((g) => ({ id: g.id, label: g.label, categories: g.categories })),
  };
  app.get('/api/categories', (c) => {
    c.set('cacheControl', 'public, max-age=3600');
    return c.json(body);
  });
}
