/**
 * Every environment variable the server, the CLI and the ETL read, in one zod schema: its default,
 * its validation and its meaning. `parseConfig(env)` is the only way a module learns a setting; it
 * reports every invalid variable at once, each message in Spanish and English
 * (`PORT: … — PORT must be …`). `npm run --silent cli -- config` prints the resolved values (secrets
 * masked) and `.env.example` lists the same variables.
 *
 * Pure: the caller passes the environment (`process.env` at the program's entry point).
 * Variables whose value has its own grammar (`TRUST_PROXY`, `SESSION_KEY`) keep their parser next to
 * the code that uses them; the schema checks what can be checked without it and keeps the text.
 */
import { z } from 'zod';

/** An optional text variable: unset and empty mean the same (shells and compose files write `X=`). */
const text = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : v));

/** An integer variable with a default; `es`/`en` describe the accepted values. */
function integer(name: string, def: number, min: number, max = Number.MAX_SAFE_INTEGER, es?: string, en?: string) {
  const esRange = es ?? `un entero ≥ ${min}`;
  const enRange = en ?? `an integer ≥ ${min}`;
  return text().transform((v, ctx) => {
    if (v === undefined) return def;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({
        code: 'custom',
        message: `${name}: use ${esRange}, no "${v}" — ${name} must be ${enRange}, got "${v}"`,
      });
      return z.NEVER;
    }
    return n;
  });
}

/** A non-negative number (fractions allowed: minutes, hours, days). */
function amount(name: string, def: number) {
  return text().transform((v, ctx) => {
    if (v === undefined) return def;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) {
      ctx.addIssue({
        code: 'custom',
        message: `${name}: use un número ≥ 0, no "${v}" — ${name} must be a number ≥ 0, got "${v}"`,
      });
      return z.NEVER;
    }
    return n;
  });
}

/** A list separated by commas (or, with `separator`, by whitespace). */
const list = (separator: RegExp = /,/) =>
  text().transform((v) =>
    (v ?? '')
      .split(separator)
      .map((s) => s.trim())
      .filter(Boolean),
  );

/** PostgreSQL connection strings, one or several separated by commas. */
function postgresUrls(name: string) {
  return list().superRefine((urls, ctx) => {
    for (const url of urls) {
      if (!/^postgres(ql)?:\/\//.test(url)) {
        ctx.addIssue({
          code: 'custom',
          message: `${name}: "${redactUrl(url)}" no es una URL postgres://… — ${name} must be postgres:// URLs`,
        });
      }
    }
  });
}

/** A CSP source expression: never a directive separator or a quoted keyword smuggled in. */
const CSP_ORIGIN = /^(https?|wss?):\/\/[A-Za-z0-9.*:-]+\/?$/;

/** The schema: variable name → parsed value. Keep `.env.example` and the README table in step. */
export const configSchema = z.object({
  NODE_ENV: text(),
  PORT: integer('PORT', 8080, 0, 65535, 'un puerto de 0 a 65535', 'a port number 0–65535'),
  DATA_DIR: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || './var'),
  DATABASE_URL: text().refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: 'DATABASE_URL: use una URL postgres://… — DATABASE_URL must be a postgres:// URL',
  }),
  DATABASE_REPLICA_URL: postgresUrls('DATABASE_REPLICA_URL'),
  DATABASE_STATEMENT_TIMEOUT_MS: integer('DATABASE_STATEMENT_TIMEOUT_MS', 10_000, 0),
  PLENARY_PUBLIC_RATE_LIMIT: integer('PLENARY_PUBLIC_RATE_LIMIT', 3, 0),
  LOG_LEVEL: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || 'info')
    .pipe(
      z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'], {
        message: 'LOG_LEVEL: use trace, debug, info, warn, error, fatal o silent — LOG_LEVEL must be a pino level',
      }),
    ),
  TRUST_PROXY: text(),
  SESSION_KEY: text(),
  CHAT_SALT: text(),
  PUBLIC_MIN_COUNT: integer('PUBLIC_MIN_COUNT', 3, 1),
  SENSITIVE_DELAY_DAYS: integer('SENSITIVE_DELAY_DAYS', 30, 0),
  REPORTS_RATE_LIMIT: integer('REPORTS_RATE_LIMIT', 10, 0),
  REPORTS_ALLOWED_ORIGINS: list(),
  LOGIN_MAX_FAILURES: integer('LOGIN_MAX_FAILURES', 5, 0),
  LOGIN_LOCKOUT_MINUTES: amount('LOGIN_LOCKOUT_MINUTES', 15),
  LOGIN_IP_MAX_FAILURES: integer('LOGIN_IP_MAX_FAILURES', 50, 0),
  SESSION_IDLE_HOURS: amount('SESSION_IDLE_HOURS', 12),
  SESSION_MAX_DAYS: amount('SESSION_MAX_DAYS', 7),
  INVITATION_DAYS: amount('INVITATION_DAYS', 7),
  PASSWORD_SCRYPT_N: integer(
    'PASSWORD_SCRYPT_N',
    32768,
    2 ** 14,
    2 ** 20,
    'una potencia de dos de 16384 a 1048576',
    'a power of two from 16384 to 1048576',
  ).refine((n) => (n & (n - 1)) === 0, {
    message:
      'PASSWORD_SCRYPT_N: use una potencia de dos de 16384 a 1048576 — PASSWORD_SCRYPT_N must be a power of two from 16384 to 1048576',
  }),
  API_BODY_LIMIT: integer('API_BODY_LIMIT', 65536, 1),
  /** a PMTiles v3 archive of vector street tiles, served to the map as its basemap */
  BASEMAP_PMTILES: text(),
  CSP_EXTRA_ORIGINS: list(/\s+/).superRefine((origins, ctx) => {
    for (const o of origins) {
      if (!CSP_ORIGIN.test(o))
        ctx.addIssue({
          code: 'custom',
          message: `CSP_EXTRA_ORIGINS: "${o}" no es un origen como https://tiles.example.org — CSP_EXTRA_ORIGINS: "${o}" is not an origin like https://tiles.example.org`,
        });
    }
  }),
  CHROMIUM_PATH: text(),
  CHAT_RETENTION_DAYS: integer('CHAT_RETENTION_DAYS', 90, 1),
  AUDIT_RETENTION_DAYS: integer('AUDIT_RETENTION_DAYS', 365, 0),
  NEWS_CONFIG: text(),
  NEWS_SCHEDULE: text().transform((v) => (v ?? '').toLowerCase() !== 'off'),
  /** `monthly` turns on the open-data sync job (etl/sync) in `npm start`; off by default. */
  SYNC_SCHEDULE: text().transform((v) => (v ?? '').toLowerCase() === 'monthly'),
  /** the sync's sources file (default etl/sync/sources.json) */
  SYNC_CONFIG: text(),
  /** days between two scheduled syncs */
  SYNC_INTERVAL_DAYS: integer('SYNC_INTERVAL_DAYS', 30, 1, 366, 'un entero de 1 a 366', 'an integer from 1 to 366'),
  SCHEDULE_MINUTE_SECONDS: integer(
    'SCHEDULE_MINUTE_SECONDS',
    60,
    1,
    60,
    'un entero de 1 a 60',
    'an integer from 1 to 60',
  ),
});

export type Config = z.output<typeof configSchema>;
export type ConfigVariable = keyof Config;

/** One line per invalid variable, Spanish then English. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`configuración inválida — invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * The settings from `env` (throws a ConfigError naming every invalid variable). Not memoised:
 * `process.env` is one object whose contents change (tests set variables), and a parse costs
 * microseconds; call it where an app or a command is built, never per request.
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) throw new ConfigError(result.error.issues.map((i) => i.message));
  return result.data;
}

/** Variables whose values must never be printed. */
const SECRET_VARIABLES: ReadonlySet<string> = new Set(['SESSION_KEY', 'CHAT_SALT']);

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/, '$1***@');
}

/**
 * The resolved settings as `[variable, printable value]`, in schema order, for `cli config`:
 * secrets show as `(definida)`/`(no definida)`, passwords in URLs as `***`.
 */
export function describeConfig(config: Config): [ConfigVariable, string][] {
  return (Object.keys(configSchema.shape) as ConfigVariable[]).map((name) => {
    const value = config[name];
    if (SECRET_VARIABLES.has(name)) return [name, value === undefined ? '(no definida)' : '(definida)'];
    if (value === undefined) return [name, ''];
    if (typeof value === 'boolean') return [name, value ? 'on' : 'off'];
    if (Array.isArray(value))
      return [name, value.map((v) => (name.startsWith('DATABASE') ? redactUrl(v) : v)).join(',')];
    if (name === 'DATABASE_URL') return [name, redactUrl(String(value))];
    return [name, String(value)];
  });
}
