/**
 * Discovery of a source's current file on a CKAN portal: `GET {base}/api/3/action/package_show?id=…`
 * lists the dataset's resources (`id, name, url, format, size, last_modified, created`); the sources
 * file says which one is wanted (see sources.ts). Resource ids change with each publication, so they
 * are never configured, only discovered.
 */
import { z } from 'zod';
import { AppError } from '../../core/errors/index.ts';
import type { CkanSource } from './sources.ts';

const resourceSchema = z.object({
  id: z.string(),
  name: z.string().nullish(),
  url: z.string(),
  format: z.string().nullish(),
  size: z.union([z.number(), z.string()]).nullish(),
  last_modified: z.string().nullish(),
  created: z.string().nullish(),
});

const packageShowSchema = z.object({
  success: z.literal(true),
  result: z.object({ resources: z.array(resourceSchema) }),
});

export interface CkanResource {
  id: string;
  name: string;
  url: string;
  /** bytes as the portal states them, or null */
  size: number | null;
  /** the portal's last modification (or creation) time, as it writes it */
  modified: string | null;
}

export async function discoverResource(
  baseUrl: string,
  source: CkanSource,
  fetchImpl: typeof fetch = fetch,
): Promise<CkanResource> {
  const url = `${baseUrl.replace(/\/+$/, '')}/api/3/action/package_show?id=${encodeURIComponent(source.dataset)}`;
  let body: unknown;
  try {
    const res = await fetchImpl(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(60_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    body = await res.json();
  } catch (err) {
    throw new AppError('fetch_failed', `${url}: ${(err as Error).message}`);
  }
  const parsed = packageShowSchema.safeParse(body);
  if (!parsed.success) throw new AppError('fetch_failed', `${url}: respuesta de package_show inesperada`);
  const chosen = pickResource(parsed.data.result.resources.map(toResource), parsed.data.result.resources, source);
  if (!chosen)
    throw new AppError(
      'resource_not_found',
      `${source.dataset} (formato ${source.resource.format}${source.resource.name_matches ? `, nombre ~ ${source.resource.name_matches}` : ''})`,
    );
  return chosen;
}

function toResource(r: z.infer<typeof resourceSchema>): CkanResource {
  const size = r.size === null || r.size === undefined || r.size === '' ? null : Number(r.size);
  return {
    id: r.id,
    name: r.name ?? '',
    url: r.url,
    size: Number.isFinite(size) ? size : null,
    modified: r.last_modified ?? r.created ?? null,
  };
}

/** The resource the source wants among a dataset's resources, or null. */
export function pickResource(
  resources: CkanResource[],
  raw: { format?: string | null }[],
  source: Pick<CkanSource, 'resource'>,
): CkanResource | null {
  const want = source.resource.format.toLowerCase();
  const pattern = source.resource.name_matches ? new RegExp(source.resource.name_matches, 'i') : null;
  const candidates = resources.filter((r, i) => {
    const format = (raw[i]?.format ?? '').toLowerCase() || (r.url.split('?')[0]!.split('.').pop() ?? '').toLowerCase();
    return format === want && (!pattern || pattern.test(r.name) || pattern.test(r.url));
  });
  const newest = (a: CkanResource, b: CkanResource) => (b.modified ?? '').localeCompare(a.modified ?? '');
  candidates.sort(
    source.resource.pick === 'largest'
      ? (a, b) => (b.size ?? -1) - (a.size ?? -1) || newest(a, b)
      : (a, b) => newest(a, b) || (b.size ?? -1) - (a.size ?? -1),
  );
  return candidates[0] ?? null;
}
