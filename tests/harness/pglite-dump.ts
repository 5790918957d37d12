/**
 * A compact PGlite data-dir dump. After a bulk import the data dir holds ≈200 MB of WAL segments
 * (old ones, and old ones recycled under future names), and every test file would load them all.
 * Recovery only reads WAL from the last checkpoint's redo point to the end of the written WAL,
 * and the server creates segments it lacks (`pg_basebackup` ships just this range too), so after
 * a CHECKPOINT every other segment is left out of the tarball.
 */
import { sql } from 'kysely';
import type { Store } from '../../db/connect.ts';

const BLOCK = 512;
const WAL_SEGMENT = /(^|\/)pg_wal\/([0-9A-F]{24})$/;

/** Checkpoints the store and returns its data-dir tarball without the WAL before the redo point. */
export async function compactDump(store: Store): Promise<Uint8Array> {
  if (!store.dumpDataDir) throw new Error('db/connect.ts: the PGlite store has no dumpDataDir()');
  await sql`CHECKPOINT`.execute(store.db);
  const { rows } = await sql<{ redo: string; last: string }>`
    select redo_wal_file as redo, pg_walfile_name(pg_current_wal_insert_lsn()) as last from pg_control_checkpoint()`.execute(
    store.db,
  );
  const tar = new Uint8Array(await (await store.dumpDataDir()).arrayBuffer());
  return keepWalSegments(tar, rows[0].redo, rows[0].last);
}

/**
 * Drops the entries `pg_wal/<segment>` outside `[first, last]` (WAL segment names sort in LSN
 * order within a timeline) from a ustar archive. Anything unexpected (pax headers, links)
 * returns the archive unchanged.
 */
export function keepWalSegments(tar: Uint8Array, first: string, last: string): Uint8Array {
  const keep: Uint8Array[] = [];
  let offset = 0;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break; // end-of-archive marker
    const type = String.fromCharCode(header[156]);
    if (!['0', '\0', '5'].includes(type)) return tar;
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const name = field(header, 345, 155)
      ? `${field(header, 345, 155)}/${field(header, 0, 100)}`
      : field(header, 0, 100);
    const end = offset + BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    const segment = WAL_SEGMENT.exec(name)?.[2];
    if (!segment || (segment >= first && segment <= last)) keep.push(tar.subarray(offset, end));
    offset = end;
  }
  keep.push(new Uint8Array(2 * BLOCK));
  const out = new Uint8Array(keep.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of keep) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function field(header: Uint8Array, start: number, length: number): string {
  const bytes = header.subarray(start, start + length);
  const nul = bytes.indexOf(0);
  return new TextDecoder().decode(nul === -1 ? bytes : bytes.subarray(0, nul));
}
