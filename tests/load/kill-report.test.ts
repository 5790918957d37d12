/**
 * The server killed (SIGKILL) while citizen reports are being submitted, then
 * restarted — every acknowledged report exists exactly once, and resending the unacknowledged ones
 * (with the same `Idempotency-Key`, as a client that got no answer must) stores none twice.
 *
 * N reports, each with its own key and a description naming that key, go out `CONCURRENCY` at a
 * time to a real server process on a PGlite DATA_DIR; the server is killed the moment a third of
 * them have been acknowledged (201 + folio). After a restart every report not acknowledged is sent
 * again, and a few acknowledged ones too (a client that lost the answer on its side): the
 * acknowledged ones must come back 200 with their first folio. The check reads the table directly.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figure, queryDataDir, restorePGliteDataDir, startServer, tempDir, type ServerProcess } from './helpers.ts';

const N = 150;
const CONCURRENCY = 16;
const MARK = 'prueba-de-falla';

interface Outcome {
  key: string;
  status: number | null;
  folio: string | null;
  error: string | null;
}

function body(key: string): string {
  return JSON.stringify({
    category: 'robo_transeunte',
    date: '2016-01-10',
    where: { lat: 19.4326, lon: -99.1332 },
    description: `${MARK} ${key}`,
    consent: true,
  });
}

async function submit(url: string, key: string): Promise<Outcome> {
  try {
    const res = await fetch(`${url}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: body(key),
      signal: AbortSignal.timeout(30_000),
    });
    const json = (await res.json()) as { folio?: string };
    return { key, status: res.status, folio: json.folio ?? null, error: null };
  } catch (err) {
    return { key, status: null, folio: null, error: (err as Error).message };
  }
}

/** Sends every key, `CONCURRENCY` at a time; `onOutcome` runs as each answer (or failure) arrives. */
async function submitAll(url: string, keys: string[], onOutcome: (o: Outcome) => void = () => {}): Promise<Outcome[]> {
  const out: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const o = await submit(url, keys[next++]);
      out.push(o);
      onOutcome(o);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return out;
}

describe('server killed during citizen report submissions', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    dataDir = join(tempDir('mapa-kill-report-'), 'var');
    await restorePGliteDataDir(dataDir);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('keeps every acknowledged report exactly once, and retries with the same key store none twice', async () => {
    server = await startServer({ dataDir });
    const keys = Array.from({ length: N }, () => randomUUID());
    let acked = 0;
    const victim = server;
    const first = await submitAll(server.url, keys, (o) => {
      if (o.status === 201 && ++acked === Math.ceil(N / 3)) victim.kill('SIGKILL');
    });
    expect((await victim.exited).signal).toBe('SIGKILL');
    const ack = new Map(first.filter((o) => o.status === 201).map((o) => [o.key, o.folio!]));
    const unacked = keys.filter((k) => !ack.has(k));
    const otherStatuses = first.filter((o) => o.status !== null && o.status !== 201);
    figure(
      `kill-report: ${N} reports, ${CONCURRENCY} at a time; SIGKILL after ${Math.ceil(N / 3)} acks → ${ack.size} acknowledged, ${unacked.length} not (${first.filter((o) => o.error).length} connection errors, ${otherStatuses.length} other statuses)`,
    );
    expect(otherStatuses).toEqual([]);
    expect(unacked.length).toBeGreaterThan(0);

    server = await startServer({ dataDir });
    // the unacknowledged ones, plus five acknowledged ones whose answer "got lost"
    const replayedAcked = [...ack.keys()].slice(0, 5);
    const retry = await submitAll(server.url, [...unacked, ...replayedAcked]);
    expect(retry.filter((o) => o.status !== 200 && o.status !== 201)).toEqual([]);
    for (const o of retry.filter((r) => ack.has(r.key))) {
      expect(o.status).toBe(200);
      expect(o.folio).toBe(ack.get(o.key));
    }
    const replayedAfterKill = retry.filter((o) => o.status === 200 && !ack.has(o.key)).length;
    figure(
      `kill-report: after restart ${unacked.length} resent: ${retry.filter((o) => o.status === 201 && !ack.has(o.key)).length} newly stored, ${replayedAfterKill} had been stored before the kill without an answer (replayed); ${replayedAcked.length} acknowledged ones resent → same folio`,
    );
    for (const o of retry) ack.set(o.key, o.folio!);
    await server.stop();
    server = undefined;

    const rows = await queryDataDir<{ client_key: string | null; folio: string; description_raw: string }>(
      dataDir,
      `SELECT client_key, folio, description_raw FROM citizen_reports WHERE description_raw LIKE '${MARK} %'`,
    );
    const perKey = new Map<string, number>();
    for (const r of rows) {
      const key = r.description_raw.slice(MARK.length + 1);
      perKey.set(key, (perKey.get(key) ?? 0) + 1);
      expect(r.client_key).toBe(key);
      expect(r.folio).toBe(ack.get(key));
    }
    figure(
      `kill-report: stored ${rows.length} reports for ${N} keys; max copies of one report ${Math.max(...perKey.values())}`,
    );
    expect(rows.length).toBe(N);
    expect([...perKey.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(perKey.keys())).toEqual(new Set(keys));
  }, 300_000);
});
