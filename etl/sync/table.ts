/**
 * A downloaded publication as rows of text fields, whatever its file type: CSV (optionally gzipped)
 * through the official import's line reader, `.xlsx` through exceljs's streaming reader (xlsx.ts).
 * The first row of the first batch is the header. Both stream: a file is never held in memory.
 */
import { parseLines, readLines, type ParsedLine } from '../official/lines.ts';
import { readXlsxRows } from './xlsx.ts';

export interface TableSource {
  batches: AsyncGenerator<ParsedLine[]>;
  /** bytes read so far and the file's size (0 when the reader cannot tell: the ETA is then unknown) */
  bytesRead(): number;
  totalBytes: number;
}

export const isSpreadsheet = (path: string) => /\.xlsx$/i.test(path);

export function openTable(path: string, batchSize = 10_000): TableSource {
  if (isSpreadsheet(path)) return { batches: readXlsxRows(path, batchSize), bytesRead: () => 0, totalBytes: 0 };
  const src = readLines(path, batchSize);
  async function* batches(): AsyncGenerator<ParsedLine[]> {
    for await (const batch of src.lines) yield parseLines(batch);
  }
  return { batches: batches(), bytesRead: src.bytesRead, totalBytes: src.totalBytes };
}
