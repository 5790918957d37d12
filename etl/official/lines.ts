/**
 * Reading an export line by line (gzip-aware, streaming), hashing its content, and turning batches of
 * lines into records with csv-parse.
 *
 * Why line-based: official exports never break a field across lines, so one physical line is one
 * record. Splitting on newlines first means a damaged line (an unterminated quote, a stray column)
 * damages only itself: it is quarantined with its own text and line number, and the parser never
 * swallows the following rows into a runaway quoted field, as a plain streaming parse would.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse/sync';

export interface Line {
  /** 1-based physical line number (the header is line 1). */
  no: number;
  text: string;
}

export interface LineSource {
  lines: AsyncGenerator<Line[]>;
  /** sha256 (hex) of the file's content after gunzip; complete once `lines` is exhausted. */
  sha256(): string;
  /** bytes of the file read so far (compressed size for .gz), and the file's size. */
  bytesRead(): number;
  totalBytes: number;
}

/** Streams `path` in batches of lines (CRLF or LF; a leading BOM is dropped; blank lines are skipped). */
export function readLines(path: string, batchSize = 10_000): LineSource {
  const hash = createHash('sha256');
  const totalBytes = statSync(path).size;
  // Small reads for .gz files, so that the compressed bytes read track progress closely.
  const file = createReadStream(path, { highWaterMark: path.endsWith('.gz') ? 1 << 16 : 1 << 20 });
  let read = 0;
  file.on('data', (chunk) => (read += chunk.length));
  const stream = path.endsWith('.gz') ? file.pipe(createGunzip()) : file;
  if (stream !== file) file.on('error', (err) => stream.destroy(err));

  async function* lines(): AsyncGenerator<Line[]> {
    const decoder = new StringDecoder('utf8');
    let rest = '';
    let no = 0;
    let batch: Line[] = [];
    const push = (raw: string) => {
      no++;
      let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (no === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.trim() !== '') batch.push({ no, text });
    };
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      const text = rest + decoder.write(chunk);
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        push(text.slice(start, nl));
        start = nl + 1;
      }
      rest = text.slice(start);
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    rest += decoder.end();
    if (rest !== '') push(rest);
    if (batch.length) yield batch;
  }

  let digest: string | undefined;
  return {
    lines: lines(),
    sha256: () => (digest ??= hash.digest('hex')),
    bytesRead: () => read,
    totalBytes,
  };
}

const CSV_OPTIONS = { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: false } as const;

/** Whether the line's double quotes are balanced (an odd count means an unterminated quoted field). */
function quotesBalanced(text: string): boolean {
  let n = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) n++;
  return n % 2 === 0;
}

export type ParsedLine = { line: Line; fields: string[] } | { line: Line; error: string };

/**
 * The fields of a line in the plain shape that official exports use, or null when the line needs a
 * real CSV parser. Plain: split on commas, every piece is either free of double quotes (taken
 * literally) or a whole quoted field with no quote inside (`"ROBO A NEGOCIO C.V."`, taken without its
 * quotes). For such a line this is exactly what RFC 4180 (and csv-parse) reads: a comma inside a
 * quoted field, an escaped `""`, or a stray quote always leaves some piece that fits neither form
 * (`"a` / `b"`, a lone `"`, a quote inside), and the line goes to csv-parse. A carriage return
 * (csv-parse may take it for a record end) also goes there.
 */
export function splitPlainLine(text: string): string[] | null {
  if (text.indexOf('\r') >= 0) return null;
  const fields = text.split(',');
  if (text.indexOf('"') < 0) return fields;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    const q = f.indexOf('"');
    if (q < 0) continue;
    if (q !== 0 || f.length < 2 || f.indexOf('"', 1) !== f.length - 1) return null;
    fields[i] = f.slice(1, -1);
  }
  return fields;
}

/**
 * Parses a batch of lines into fields. Lines in the plain shape of `splitPlainLine` — all lines of
 * the SSC export — are split directly, at a fraction of csv-parse's cost (the import's profile
 * showed csv-parse as its largest single cost after H3 and point-in-polygon). The other lines go
 * through csv-parse: one call for all of them (fast), falling back to one call per line when that
 * fails, so that only the damaged lines are reported.
 */
export function parseLines(lines: Line[]): ParsedLine[] {
  const out: ParsedLine[] = new Array(lines.length);
  const good: number[] = [];
  lines.forEach((line, i) => {
    const fields = splitPlainLine(line.text);
    if (fields) out[i] = { line, fields };
    else if (quotesBalanced(line.text)) good.push(i);
    else out[i] = { line, error: 'comillas sin cerrar' };
  });
  if (good.length === 0) return out;
  let records: string[][] | null = null;
  try {
    records = parse(good.map((i) => lines[i].text).join('\n'), CSV_OPTIONS) as string[][];
    if (records.length !== good.length) records = null;
  } catch {
    records = null;
  }
  good.forEach((i, k) => {
    if (records) {
      out[i] = { line: lines[i], fields: records[k] };
      return;
    }
    try {
      const one = parse(lines[i].text, CSV_OPTIONS) as string[][];
      out[i] =
        one.length === 1 ? { line: lines[i], fields: one[0] } : { line: lines[i], error: 'no es un solo registro CSV' };
    } catch (err) {
      out[i] = { line: lines[i], error: (err as Error).message.split('\n')[0] };
    }
  });
  return out;
}
