/**
 * The sources file of the open-data sync (default `etl/sync/sources.json`): the CKAN portal's base
 * URL and, per source key, where its newest file is found and which import mapping reads it. The key
 * also names the file in `--from-dir` and in `DATA_DIR/sync/`.
 *
 * CKAN sources are discovered through `package_show` every time, because the portal gives each
 * publication a new resource id. A dataset lists several CSV resources (yearly files, the accumulated
 * one, a data dictionary): `pick: "largest"` takes the accumulated file, `"newest"` the most recently
 * modified one; `name_matches` (a case-insensitive regular expression) narrows the list first.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from '../../core/errors/index.ts';
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
});

export const SourcesFileSchema = z.object({
  ckan_base_url: z.url(),
  sources: z.record(sourceKey, ckanSource),
});

export type SourcesFile = z.infer<typeof SourcesFileSchema>;
export type CkanSource = z.infer<typeof ckanSource>;

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
