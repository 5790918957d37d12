/**
 * The sources file of the open-data sync (default `etl/sync/sources.json`): the CKAN portal's base
 * URL and, per source key, where its newest file is found and which import mapping reads it. The key
 * also names the file in `--from-dir` and in `DATA_DIR/sync/`.
 *
 * CKAN sources are discovered through `package_show` every time, because the portal gives each
 * publication a new resource id. A dataset lists several CSV resources (yearly files, the accumulated
 * one, a data dictionary): `pick: "largest"` takes the accumulated file, `"newest"` the most recently
 * modified one; `name_matches` (a case-insensitive regular expression) narrows the list first.
 * `defer_to` names the incidents source that counts the same carpetas (reconcile.ts).
 *
 * Listing sources (`kind: "listing"`: the FGJ's monthly spreadsheets on its transparency site) are a
 * page listing one file per month, as HTML links or as JSON (listing.ts): every listed file whose
 * name matches `file_matches` is a part of the source, synced on its own (a new month is one new
 * file; an unchanged month costs one conditional GET).
 *
 * A GTFS source (`kind: "gtfs"`: SEMOVI's transit feed, a zip at `url`) writes no incidents: it
 * refreshes the transit extract the gazetteer and the map's transit layer read (gtfs.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from '../../core/errors/index.ts';
import { parseConfig } from '../../core/config/index.ts';
import { FORMAT_IDS } from '../official/mappings.ts';

export const DEFAULT_SOURCES_FILE = fileURLToPath(new URL('./sources.json', import.meta.url));

const sourceKey = z.string().regex(/^[a-z0-9_]+$/, 'clave de fuente: minúsculas, dígitos y _');

const ckanSource = z.object({
  kind: z.literal('ckan'),
  /** short name shown on the map ("FGJ") */
  label: z.string().min(1),
  title: z.string().min(1),
  dataset: z.string().min(1),
  resource: z
    .object({
      format: z.string().default('CSV'),
      name_matches: z.string().optional(),
      pick: z.enum(['largest', 'newest']).default('largest'),
    })
    .default({ format: 'CSV', pick: 'largest' }),
  /** the import mapping (etl/official/mappings.ts); also `incidents.source` of the records */
  format: z.enum(FORMAT_IDS),
  /** a per-source portal, when not the file's `ckan_base_url` */
  ckan_base_url: z.url().optional(),
  /** the incidents source (format id) that counts the same carpetas: its months are left to it */
  defer_to: z.enum(FORMAT_IDS).optional(),
});

const listingSource = z.object({
  kind: z.literal('listing'),
  label: z.string().min(1),
  title: z.string().min(1),
  /** the page (HTML links or JSON) that lists the files */
  url: z.url(),
  /** a case-insensitive regular expression the file name must match */
  file_matches: z.string().default('\\.xlsx$'),
  format: z.enum(FORMAT_IDS),
});

const gtfsSource = z.object({
  kind: z.literal('gtfs'),
  label: z.string().min(1),
  title: z.string().min(1),
  /** the feed's zip */
  url: z.url(),
});

export const SourcesFileSchema = z.object({
  ckan_base_url: z.url(),
  sources: z.record(sourceKey, z.discriminatedUnion('kind', [ckanSource, listingSource, gtfsSource])),
});

export type SourcesFile = z.infer<typeof SourcesFileSchema>;
export type CkanSource = z.infer<typeof ckanSource>;
export type ListingSource = z.infer<typeof listingSource>;
export type GtfsSource = z.infer<typeof gtfsSource>;
/** A source whose records are incidents (every kind but GTFS). */
export type IncidentSource = CkanSource | ListingSource;
export const writesIncidents = (s: SourcesFile['sources'][string]): s is IncidentSource => s.kind !== 'gtfs';

/** Reads and validates a sources file; a bad one is AppError('invalid_parameter') naming the problem. */
export function loadSourcesFile(path = DEFAULT_SOURCES_FILE): SourcesFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new AppError('invalid_parameter', `archivo de fuentes ${path}: ${(err as Error).message}`);
  }
  const parsed = SourcesFileSchema.safeParse(json);
  if (!parsed.success)
    throw new AppError('invalid_parameter', `archivo de fuentes ${path}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * The sync's schedule as the server describes it (`/api/sources`): the sources file in use
 * (`SYNC_CONFIG`, else the bundled one), whether the monthly job runs (`SYNC_SCHEDULE=monthly`) and
 * its interval. An unreadable file is reported, not thrown: the listing must still show the data.
 */
export interface SyncScheduleView {
  sources: SourcesFile | null;
  active: boolean;
  intervalMs: number;
  error: string | null;
}

export function syncScheduleView(env: NodeJS.ProcessEnv = process.env): SyncScheduleView {
  const parsed = parseConfig(env);
  const intervalMs = parsed.SYNC_INTERVAL_DAYS * 24 * 60 * parsed.SCHEDULE_MINUTE_SECONDS * 1000;
  try {
    const sources = loadSourcesFile(parsed.SYNC_CONFIG ?? undefined);
    return { sources, active: parsed.SYNC_SCHEDULE, intervalMs, error: null };
  } catch (err) {
    return { sources: null, active: false, intervalMs, error: err instanceof Error ? err.message : String(err) };
  }
}
