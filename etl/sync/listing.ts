/**
 * Discovery of the files a listing page offers: the FGJ's transparency site lists its monthly
 * spreadsheets on one page. Two shapes are read: JSON (an array of entries, or an object holding one
 * under `files`, `items` or `resources`; an entry has `url` or `href`, and optionally `name`, `size`,
 * `last_modified`/`modified`) and HTML (every `<a href>`; the name is the link's last path segment).
 * Relative links resolve against the page. Entries whose name matches the source's pattern are kept,
 * ordered by name, one per name (the last listed wins).
 */
import { AppError } from '../../core/errors/index.ts';

export interface ListedFile {
  /** the file's name (its URL's last path segment, decoded, unless the listing names it) */
  name: string;
  url: string;
  size: number | null;
  modified: string | null;
}

type Entry = Record<string, unknown>;

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
const lastSegment = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');

function fromJson(body: unknown, base: string): ListedFile[] {
  const list = Array.isArray(body)
    ? body
    : ((body as Entry)?.files ?? (body as Entry)?.items ?? (body as Entry)?.resources ?? []);
  if (!Array.isArray(list)) return [];
  return list.flatMap((e: Entry) => {
    const href = text(e?.url) ?? text(e?.href);
    if (!href) return [];
    const url = new URL(href, base).href;
    const size = Number(e.size);
    return [
      {
        name: text(e.name) ?? lastSegment(url),
        url,
        size: e.size !== undefined && e.size !== null && Number.isFinite(size) ? size : null,
        modified: text(e.last_modified) ?? text(e.modified),
      },
    ];
  });
}

function fromHtml(html: string, base: string): ListedFile[] {
  const files: ListedFile[] = [];
  for (const m of html.matchAll(/<a\s[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const href = (m[1] ?? m[2] ?? m[3] ?? '').replaceAll('&amp;', '&');
    if (!href || href.startsWith('#') || /^(mailto|javascript):/i.test(href)) continue;
    let url: string;
    try {
      url = new URL(href, base).href;
    } catch {
      continue;
    }
    files.push({ name: lastSegment(url), url, size: null, modified: null });
  }
  return files;
}

/** The files of `listingUrl` whose name matches `pattern` (case-insensitive), ordered by name. */
export async function discoverListedFiles(
  listingUrl: string,
  pattern: string,
  fetchImpl: typeof fetch = fetch,
): Promise<ListedFile[]> {
  let res: Response;
  let body: string;
  try {
    res = await fetchImpl(listingUrl, {
      headers: { accept: 'application/json, text/html;q=0.9' },
      signal: AbortSignal.timeout(60_000),
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    body = await res.text();
  } catch (err) {
    throw new AppError('fetch_failed', `${listingUrl}: ${(err as Error).message}`);
  }
  let files: ListedFile[];
  if ((res.headers.get('content-type') ?? '').includes('json') || /^\s*[[{]/.test(body)) {
    try {
      files = fromJson(JSON.parse(body), listingUrl);
    } catch {
      throw new AppError('fetch_failed', `${listingUrl}: listado JSON ilegible`);
    }
  } else files = fromHtml(body, listingUrl);
  const wanted = new RegExp(pattern, 'i');
  const byName = new Map(files.filter((f) => wanted.test(f.name)).map((f) => [f.name, f]));
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}
