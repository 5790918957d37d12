/**
 * The news-source configuration: which feeds, listing pages and sitemaps to read, how politely,
 * and whether `npm start` runs them on a schedule. Validated with zod; a bad file is an
 * `invalid_body` error naming the offending fields, never a half-read config.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../core/errors/index.ts';
import {
  collectFeed,
  collectListing,
  collectSitemap,
  type CollectOptions,
  type CollectSummary,
} from '../collect/index.ts';
import type { FetcherOptions } from '../fetch/index.ts';

const httpUrl = z.string().refine((s) => /^https?:\/\/[^/\s]+/i.test(s) && URL.canParse(s), 'URL http(s) inválida');

export const NewsSourceSchema = z.object({
  /** Stable identifier, kept with every article as provenance. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use minúsculas, dígitos y guiones'),
  /** Outlet name as readers know it. */
  outlet: z.string().min(1),
  kind: z.enum(['feed', 'listing', 'sitemap']),
  url: httpUrl,
  enabled: z.boolean().default(true),
  /** Most articles fetched from this source in one pass. */
  maxArticles: z.number().int().positive().default(50),
  /** Minutes between scheduled passes over this source; default the config's `schedule.intervalMinutes`. */
  intervalMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .optional(),
});

export const NewsConfigSchema = z.object({
  schedule: z
    .object({
      enabled: z.boolean().default(false),
      intervalMinutes: z
        .number()
        .int()
        .min(5)
        .max(24 * 60)
        .default(60),
    })
    .prefault({}),
  fetch: z
    .object({
      /** Between two requests to one host; the default stays ≤ 1 s so a publisher is never hammered. */
      delayMs: z.number().int().min(0).max(60_000).default(1000),
      timeoutMs: z.number().int().min(1000).max(120_000).default(20_000),
      maxBytes: z
        .number()
        .int()
        .min(64 * 1024)
        .max(50 * 1024 * 1024)
        .default(5 * 1024 * 1024),
      retries: z.number().int().min(0).max(6).default(3),
      userAgent: z.string().min(3).optional(),
    })
    .prefault({}),
  sources: z
    .array(NewsSourceSchema)
    .refine((list) => new Set(list.map((s) => s.id)).size === list.length, 'ids de fuente repetidos'),
});

export type NewsSource = z.infer<typeof NewsSourceSchema>;
export type NewsConfig = z.infer<typeof NewsConfigSchema>;

/** Validates a parsed config object. */
export function parseNewsConfig(value: unknown): NewsConfig {
  const result = NewsConfigSchema.safeParse(value);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.') || '(raíz)'}: ${i.message}`).join('; ');
    throw new AppError('invalid_body', `configuración de noticias inválida: ${detail}`);
  }
  return result.data;
}

/** Reads and validates a JSON config file. */
export function loadNewsConfig(path: string): NewsConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new AppError('invalid_body', `no se pudo leer ${path}: ${(err as Error).message}`);
  }
  return parseNewsConfig(raw);
}

/** Fetcher options from the config (the archive and validator store come from the caller's DATA_DIR). */
export function fetcherOptions(config: NewsConfig): FetcherOptions {
  return { ...config.fetch };
}

/** One pass over one source, dispatched on its kind. */
export function collectSource(source: NewsSource, options: CollectOptions): Promise<CollectSummary> {
  const opts = { ...options, maxArticles: options.maxArticles ?? source.maxArticles };
  switch (source.kind) {
    case 'feed':
      return collectFeed(source.url, opts);
    case 'listing':
      return collectListing(source.url, opts);
    case 'sitemap':
      return collectSitemap(source.url, opts);
  }
}
