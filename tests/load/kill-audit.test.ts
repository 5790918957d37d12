/**
 * The audit log survives a crash: the server is killed (SIGKILL) while a token
 * holder's requests are being answered, and every request that got an answer has its audit entry
 * in the store. Before the group commit, entries waited up to a second in memory after their answer
 * had left, and a kill lost them.
 *
 * N requests, each with its own `probe` query value, go out `CONCURRENCY` at a time to a real
 * server process on a PGlite DATA_DIR; the server is killed the moment a third of them have been
 * answered. The check reads the table directly after the kill.
 */
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figure, queryDataDir, restorePGliteDataDir, startServer, tempDir, type ServerProcess } from './helpers.ts';

const N = 90;
const CONCURRENCY = 8;
const TOKEN = `mc_${randomBytes(32).toString('base64url')}`; // the shape db/queries/tokens.ts accepts
const TOKEN_NAME = 'prueba-de-falla-bitacora';

describe('server killed while signed-in requests are answered', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    dataDir = join(tempDir('mapa-kill-audit-'), 'var');
    const sha = createHash('sha256').update(TOKEN).digest('hex');
    await restorePGliteDataDir(dataDir, [
      `INSERT INTO api_tokens (token_sha256, role, name) VALUES ('${sha}', 'moderador', '${TOKEN_NAME}')`,
    ]);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('has an audit entry for every request that was answered before the kill', async () => {
    server = await startServer({ dataDir });
    const victim = server;
    const answered: string[] = [];
    let next = 0;
    let failed = 0;
    const worker = async () => {
      while (next < N) {
        const probe = `p${next++}`;
        try {
          const res = await fetch(`${victim.url}/api/categories?probe=${probe}`, {
            headers: { authorization: `Bearer ${TOKEN}` },
            signal: AbortSignal.timeout(30_000),
          });
          await res.arrayBuffer();
          expect(res.status).toBe(200); // a refused token would be no signed-in request at all
          answered.push(probe);
          if (answered.length === Math.ceil(N / 3)) victim.kill('SIGKILL');
        } catch {
          failed++;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect((await victim.exited).signal).toBe('SIGKILL');
    server = undefined;

    const rows = await queryDataDir<{ query: string }>(
      dataDir,
      `SELECT a.query FROM audit_log a JOIN api_tokens t ON a.subject = 'token:' || t.id WHERE t.name = '${TOKEN_NAME}'`,
    );
    const stored = new Set(rows.map((r) => new URLSearchParams(r.query).get('probe')));
    const missing = answered.filter((p) => !stored.has(p));
    figure(
      `kill-audit: ${N} requests, ${CONCURRENCY} at a time; SIGKILL after ${Math.ceil(N / 3)} answers → ${answered.length} answered, ${failed} cut off, ${rows.length} audit entries, ${missing.length} answered without an entry`,
    );
    expect(answered.length).toBeGreaterThanOrEqual(Math.ceil(N / 3));
    expect(missing).toEqual([]);
  }, 300_000);
});
