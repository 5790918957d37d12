import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { connectionSettings, MAX_RECONNECT_DELAY_S, reconnectDelay } from './postgres-driver.ts';

describe('reconnect backoff', () => {
  it('never waits more than a second, however many attempts failed', () => {
    for (let retries = 0; retries <= 60; retries++) {
      for (let i = 0; i < 20; i++) {
        const s = reconnectDelay(retries);
        expect(s).toBeGreaterThan(0);
        expect(s).toBeLessThanOrEqual(MAX_RECONNECT_DELAY_S);
      }
    }
    // postgres.js's own default after 8 failures: (0.5..1) × min(3^8/100, 20) ≥ 10 s
    expect(Math.max(...Array.from({ length: 50 }, () => reconnectDelay(8)))).toBeLessThanOrEqual(1);
  });

  it('starts short: the first retries come within 100 ms', () => {
    for (let i = 0; i < 50; i++) expect(reconnectDelay(1)).toBeLessThanOrEqual(0.1);
    for (let i = 0; i < 50; i++) expect(reconnectDelay(0)).toBeLessThanOrEqual(0.05);
  });

  it('is what the pool uses: postgres.js keeps the backoff given in the settings', () => {
    // no connection is opened: postgres.js connects lazily, on the first query
    const sql = postgres('postgres://nobody@127.0.0.1:1/none', connectionSettings(5000));
    expect(sql.options.backoff).toBe(reconnectDelay);
    expect(sql.options.connection).toMatchObject({ statement_timeout: 5000 });
  });
});
