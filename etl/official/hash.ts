/** sha256 of a file's content (after gunzip for `.gz`), so a file and its gzipped copy hash the same. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const stream = path.endsWith('.gz') ? file.pipe(createGunzip()) : file;
  if (stream !== file) file.on('error', (err) => stream.destroy(err));
  for await (const chunk of stream as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}
