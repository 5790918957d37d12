/**
 * Query-parameter validation (zod), one schema per parameter, shared by every endpoint so the
 * same parameter is checked — and reported — the same way everywhere. A failure becomes an
 * AppError whose code names the parameter's problem (`invalid_date`, `invalid_resolution` …).
 */
import { z } from 'zod';
import { es } from 'zod/v4/locales';
import { AppError, type ErrorCode } from '../../core/errors/index.ts';
import { expandCategoryFilter } from '../../core/taxonomy/index.ts';
import {
  isCalendarDate,
  MAX_RANGE_MONTHS,
  monthSpan,
  PLAUSIBLE_FROM,
  plausibleEnd,
  todayUtc,
} from '../../core/time/calendar.ts';
import { AREA_KINDS, H3_RESOLUTIONS, type AreaKind, type H3Resolution, type Vintage } from '../services/ports.ts';

// zod's own messages end up in error details: in Spanish, like the rest of the API
z.config(es());

export const DEFAULT_VINTAGE: Vintage = 2023;
export const SOURCE_KINDS = ['official', 'news', 'citizen', 'chat'] as const;
export const MAX_RANK_LIMIT = 2000;
export const MAX_IDS = 2000;

const dateString = z.string().refine(isCalendarDate, 'use AAAA-MM-DD (una fecha real)');
const period = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/, 'use AAAA-MM-DD..AAAA-MM-DD')
  .transform((v) => {
    const [from, to] = v.split('..');
    return { from, to };
  })
  .refine((p) => isCalendarDate(p.from) && isCalendarDate(p.to), 'fecha inexistente');

const intString = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'debe ser un entero')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** Every query parameter the API knows, with its schema and the error code of a bad value. */
export const PARAMS = {
  res: {
    schema: intString(H3_RESOLUTIONS[0], H3_RESOLUTIONS[H3_RESOLUTIONS.length - 1]).transform((n) => n as H3Resolution),
    code: 'invalid_resolution',
  },
  from: { schema: dateString, code: 'invalid_date' },
  to: { schema: dateString, code: 'invalid_date' },
  // the taxonomy throws AppError('invalid_category') itself for an unknown id
  category: {
    schema: z
      .string()
      .max(1000)
      .transform((v) => expandCategoryFilter(v)),
    code: 'invalid_category',
  },
  kind: { schema: z.enum(AREA_KINDS).transform((k) => k as AreaKind), code: 'invalid_kind' },
  vintage: { schema: z.enum(['2016', '2023']).transform((v) => Number(v) as Vintage), code: 'invalid_vintage' },
  ids: {
    schema: z
      .string()
      .transform((v) => {
        const ids = [...new Set(v.split(',').map((s) => s.trim()))];
        if (ids.length > MAX_IDS) throw new AppError('too_many_ids', `ids: ${ids.length}`);
        return ids;
      })
      .refine((ids) => ids.every((id) => id.length > 0 && id.length <= 200), 'lista de ids inválida'),
    code: 'invalid_parameter',
  },
  p1: { schema: period, code: 'invalid_period' },
  p2: { schema: period, code: 'invalid_period' },
  by: { schema: z.enum(['count', 'rate', 'change']), code: 'invalid_parameter' },
  limit: { schema: intString(1, MAX_RANK_LIMIT), code: 'invalid_parameter' },
  interval: { schema: z.literal('month'), code: 'invalid_parameter' },
  // source kinds: official, news, citizen, chat (comma-separated)
  source: {
    schema: z
      .string()
      .max(100)
      .transform((v) => [...new Set(v.split(',').map((s) => s.trim()))])
      .refine(
        (list) => list.every((s) => (SOURCE_KINDS as readonly string[]).includes(s)),
        `use ${SOURCE_KINDS.join(', ')}`,
      ),
    code: 'invalid_parameter',
  },
  q: {
    schema: z.string().trim().min(2, 'al menos 2 caracteres').max(100, 'a lo más 100 caracteres'),
    code: 'invalid_query',
  },
  // the PAI back-test (server/pai): months of training, number of hot spot cells, test months, ranking
  training: { schema: intString(1, 24), code: 'invalid_parameter' },
  top: { schema: intString(1, 1000), code: 'invalid_parameter' },
  months: { schema: intString(1, 24), code: 'invalid_parameter' },
  rank_by: { schema: z.enum(['gistar', 'count']), code: 'invalid_parameter' },
} as const satisfies Record<string, { schema: z.ZodType; code: ErrorCode }>;

type Params = typeof PARAMS;
export type ParamName = keyof Params;
type Parsed<K extends ParamName> = { [P in K]?: z.output<Params[P]['schema']> };

/**
 * Parses the named parameters from a query record; absent (or empty) parameters are left out.
 * Throws AppError with the parameter's code and a detail naming the parameter.
 */
export function parseParams<K extends ParamName>(
  query: Record<string, string | undefined>,
  names: readonly K[],
): Parsed<K> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const raw = query[name];
    if (raw === undefined || raw === '') continue;
    const { schema, code } = PARAMS[name];
    const result = (schema as z.ZodType).safeParse(raw);
    if (!result.success)
      throw new AppError(
        code as ErrorCode,
        `${name}=${truncate(raw)} (${result.error.issues[0]?.message ?? 'inválido'})`,
      );
    out[name] = result.data;
  }
  return out as Parsed<K>;
}

function truncate(v: string): string {
  return v.length > 40 ? `${v.slice(0, 40)}…` : v;
}

/** Requires a parameter that `parseParams` left out. */
export function required<T>(value: T | undefined, name: ParamName): T {
  if (value === undefined) throw new AppError(PARAMS[name].code as ErrorCode, `falta el parámetro ${name}`);
  return value;
}

/**
 * A request's dates bound its cost: each date inside the plausible range (from 2000-01-01 to the
 * end of the twelfth month after today's), `from < to` when both are given, and at most
 * MAX_RANGE_MONTHS months between them (`range_too_long`).
 */
export function checkRange(
  from: string | undefined,
  to: string | undefined,
  label = 'from/to',
  today = todayUtc(),
): void {
  const end = plausibleEnd(today);
  for (const date of [from, to]) {
    if (date !== undefined && (date < PLAUSIBLE_FROM || date > end))
      throw new AppError('range_too_long', `${label}: ${date} (use fechas de ${PLAUSIBLE_FROM} a ${end})`);
  }
  if (from === undefined || to === undefined) return;
  if (!(from < to)) throw new AppError('invalid_range', `${label}: ${from}..${to}`);
  const months = monthSpan(from, to);
  if (months > MAX_RANGE_MONTHS)
    throw new AppError(
      'range_too_long',
      `${label}: ${from}..${to} abarca ${months} meses (a lo más ${MAX_RANGE_MONTHS})`,
    );
}

/** The filters shared by hotspots, tiles, series, compare and rank. */
export function parseFilter(query: Record<string, string | undefined>) {
  const p = parseParams(query, ['from', 'to', 'category', 'source']);
  checkRange(p.from, p.to);
  return {
    from: p.from,
    to: p.to,
    categories: p.category ?? null,
    category: query.category || null,
    sources: p.source ?? null,
  };
}
