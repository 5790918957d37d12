import { describe, expect, it } from 'vitest';
import { ConfigError, configSchema, describeConfig, parseConfig, redactUrl } from './index.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

describe('parseConfig', () => {
  it('gives the documented defaults for an empty environment (values from the README table)', () => {
    const c = parseConfig({});
    expect(c.PORT).toBe(8080);
    expect(c.DATA_DIR).toBe('./var');
    expect(c.REPORTS_RATE_LIMIT).toBe(10);
    expect(c.API_BODY_LIMIT).toBe(65536);
    expect(c.PASSWORD_SCRYPT_N).toBe(32768);
    expect(c.CHAT_RETENTION_DAYS).toBe(90);
    expect(c.AUDIT_RETENTION_DAYS).toBe(365);
    expect(c.DATABASE_STATEMENT_TIMEOUT_MS).toBe(10_000);
    expect(c.PLENARY_PUBLIC_RATE_LIMIT).toBe(3);
    expect(c.DATABASE_REPLICA_URL).toEqual([]);
    expect(c.LOG_LEVEL).toBe('info');
    expect(c.NEWS_SCHEDULE).toBe(true);
  });

  it('treats an empty value like an unset one (compose files write `X=`)', () => {
    expect(parseConfig({ PORT: '', DATABASE_URL: '', SESSION_KEY: '' })).toMatchObject({
      PORT: 8080,
      DATABASE_URL: undefined,
      SESSION_KEY: undefined,
    });
  });

  it('splits replica URLs and extra origins', () => {
    const c = parseConfig({
      DATABASE_REPLICA_URL: 'postgres://a/x, postgresql://b/x',
      REPORTS_ALLOWED_ORIGINS: 'https://a.org,https://b.org',
    });
    expect(c.DATABASE_REPLICA_URL).toEqual(['postgres://a/x', 'postgresql://b/x']);
    expect(c.REPORTS_ALLOWED_ORIGINS).toEqual(['https://a.org', 'https://b.org']);
  });

  it('names every invalid variable at once, in Spanish and English', () => {
    let error: unknown;
    try {
      parseConfig({
        PORT: '70000',
        REPORTS_RATE_LIMIT: '-1',
        PASSWORD_SCRYPT_N: '20000',
        LOG_LEVEL: 'loud',
        DATABASE_REPLICA_URL: 'mysql://x',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(5);
    for (const name of ['PORT', 'REPORTS_RATE_LIMIT', 'PASSWORD_SCRYPT_N', 'LOG_LEVEL', 'DATABASE_REPLICA_URL']) {
      expect(problems.some((p) => p.startsWith(`${name}:`) && / — /.test(p))).toBe(true);
    }
  });

  it('refuses a CSP origin that smuggles a directive', () => {
    expect(() => parseConfig({ CSP_EXTRA_ORIGINS: 'https://x.org;script-src' })).toThrow(/CSP_EXTRA_ORIGINS/);
  });
});

describe('describeConfig', () => {
  it('masks secrets and URL passwords', () => {
    const printed = Object.fromEntries(
      describeConfig(parseConfig({ SESSION_KEY: 'k'.repeat(40), DATABASE_URL: 'postgres://app:hunter2@db/mapa' })),
    );
    expect(printed.SESSION_KEY).toBe('(definida)');
    expect(printed.CHAT_SALT).toBe('(no definida)');
    expect(printed.DATABASE_URL).toBe('postgres://app:***@db/mapa');
    expect(JSON.stringify(printed)).not.toContain('hunter2');
    expect(redactUrl('postgres://db/mapa')).toBe('postgres://db/mapa');
  });
});

describe('.env.example', () => {
  it('documents exactly the variables of the schema', () => {
    const file = readFileSync(fileURLToPath(new URL('../../.env.example', import.meta.url)), 'utf8');
    const documented = [...file.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(Object.keys(configSchema.shape).sort());
  });
});
