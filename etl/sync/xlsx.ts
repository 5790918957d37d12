/**
 * Rows of a `.xlsx` workbook's first worksheet as text fields, read with exceljs's streaming reader
 * (never the whole workbook in memory). Cells become the text a CSV export of the sheet would hold:
 * a date cell `yyyy-mm-dd` (with ` hh:mm:ss` when it has a time of day), a time-only cell `hh:mm:ss`
 * (spreadsheets store a time as a date on 1899-12-30), a number as JavaScript prints it, rich text
 * and formula results as their text. Each row's `text` (for the quarantine) is those fields joined as
 * a CSV line; its number is the sheet's row number. Blank rows are skipped; the first row with any
 * value is the header.
 */
import ExcelJS from 'exceljs';
import type { ParsedLine } from '../official/lines.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** Spreadsheet dates carry the wall-clock time as if it were UTC (no time zone in the file). */
function dateText(d: Date): string {
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (d.getUTCFullYear() <= 1900) return time; // a time-only cell (day 0 of the 1900 date system)
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return time === '00:00:00' ? date : `${date} ${time}`;
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : dateText(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.error) return '';
  }
  return String(v);
}

const csvField = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export async function* readXlsxRows(path: string, batchSize = 10_000): AsyncGenerator<ParsedLine[]> {
  // styles are needed to tell a date cell from a number; hyperlinks only add work
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let width = 0;
  let batch: ParsedLine[] = [];
  for await (const sheet of workbook) {
    for await (const row of sheet) {
      // row.values is 1-based and sparse: index 0 is always empty
      const values = (row.values as unknown[]).slice(1);
      const fields = Array.from({ length: Math.max(values.length, width) }, (_, i) => cellText(values[i]).trim());
      if (fields.every((f) => f === '')) continue;
      if (width === 0) width = fields.length;
      // trailing empty cells are not stored: pad or trim to the header's width (extra cells must be empty)
      while (fields.length > width && fields.at(-1) === '') fields.pop();
      batch.push({ line: { no: row.number, text: fields.map(csvField).join(',') }, fields });
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    break; // the first worksheet is the data; later ones are notes
  }
  if (batch.length) yield batch;
}
