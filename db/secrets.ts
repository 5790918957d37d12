/**
 * Secrets generated into `DATA_DIR/secrets/` on first use (issue 6, item 4: "secrets (session key,
 * chat salt) generated into DATA_DIR on first start, never committed").
 *
 * Why here, in `db/`: this folder owns the layout of DATA_DIR (the PGlite files, the command
 * channel's socket), and both the ETL (the chat salt, etl/chat) and the server (the session key,
 * server/accounts) may import `db/` — `core/` must stay free of I/O and `etl` must not import `server`.
 *
 * Each secret is 32 random bytes as hex, in its own file, mode 0600 in a 0700 folder. Creation uses
 * the exclusive flag (`wx`), so two processes starting at once agree on one value: the loser of the
 * race reads the winner's file.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The names in use (one file each under `DATA_DIR/secrets/`). */
export type SecretName = 'session-key' | 'chat-salt';

const MIN_HEX_CHARS = 32;

/** The secret `name` of `dataDir`, created on first use; throws when the file is unreadable or too short. */
export function readOrCreateSecret(dataDir: string, name: SecretName): string {
  const dir = join(dataDir, 'secrets');
  const file = join(dir, name);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  // an older file (or one copied in by hand) may be more open than it should be
  chmodSync(file, 0o600);
  const value = readFileSync(file, 'utf8').trim();
  if (value.length < MIN_HEX_CHARS) throw new Error(`${file}: secret too short; delete it to generate a new one`);
  return value;
}
