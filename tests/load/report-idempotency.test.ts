/**
 * The `Idempotency-Key` of POST /api/reports (added for the kill-report fault test): a repeat of a
 * key answers the first report's folio and stores nothing; a malformed key is refused; requests
 * without a key behave as before (each one is a new report). The same key with another body is
 * another report: 422 `idempotency_key_reused`, never a silent drop behind the first folio.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createApp } from '../../server/app.ts';
import { BACKENDS, emptyStore, type TestStore } from '../harness/stores.ts';

const BODY = JSON.stringify({
  category: 'robo_transeunte',
  date: '2016-01-10',
  where: { lat: 19.4326, lon: -99.1332 },
  consent: true,
});

describe.each(BACKENDS)('POST /api/reports with an Idempotency-Key [%s]', (backend) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  const post = (key?: string, body = BODY) =>
    app.request('/api/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { 'idempotency-key': key }) },
      body,
    });
  const stored = async () =>
    Number((await sql<{ n: string }>`SELECT count(*) AS n FROM citizen_reports`.execute(store.db)).rows[0].n);

  beforeAll(async () => {
    store = await emptyStore(backend);
    app = createApp({ store, reports: { rateLimit: 0 } });
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  it('stores a key once: concurrent and later repeats answer 200 with the first folio', async () => {
    const key = randomUUID();
    const before = await stored();
    const answers = await Promise.all([post(key), post(key), post(key)]);
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 201]);
    const folios = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as { folio: string }).folio)));
    expect(folios.size).toBe(1);
    const later = await post(key);
    expect(later.status).toBe(200);
    expect(later.headers.get('idempotent-replayed')).toBe('true');
    expect(((await later.json()) as { folio: string }).folio).toBe([...folios][0]);
    expect(await stored()).toBe(before + 1);
  });

  it('gives different keys, and no key, new reports', async () => {
    const before = await stored();
    const a = await post(randomUUID());
    const b = await post(randomUUID());
    const c = await post();
    const d = await post();
    expect([a.status, b.status, c.status, d.status]).toEqual([201, 201, 201, 201]);
    expect(await stored()).toBe(before + 4);
  });

  it('refuses a malformed key with invalid_body, storing nothing', async () => {
    const before = await stored();
    for (const key of ['short', 'x'.repeat(129), 'con espacios 123', "a'; DROP TABLE x;--"]) {
      const res = await post(key);
      expect(res.status, key).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_body');
    }
    expect(await stored()).toBe(before);
  });

  it('answers a key reused with another body 422 idempotency_key_reused, storing nothing; the same body again is the first answer', async () => {
    const key = randomUUID();
    const first = await post(key);
    expect(first.status).toBe(201);
    const folio = ((await first.json()) as { folio: string }).folio;
    const before = await stored();
    const other = JSON.stringify({
      category: 'robo_transeunte',
      date: '2016-01-11',
      where: { lat: 19.4326, lon: -99.1332 },
      consent: true,
    });
    const moved = JSON.stringify({
      category: 'robo_transeunte',
      date: '2016-01-10',
      where: { lat: 19.44, lon: -99.1332 },
      consent: true,
    });
    for (const body of [other, moved]) {
      const res = await post(key, body);
      expect([res.status, ((await res.json()) as { error?: { code: string } }).error?.code], body).toEqual([
        422,
        'idempotency_key_reused',
      ]);
    }
    const same = await post(key);
    expect([same.status, ((await same.json()) as { folio: string }).folio]).toEqual([200, folio]);
    expect(await stored()).toBe(before);
  });
});
