import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { readBundled } from '../../reference/files/index.ts';
import { parseLines, splitPlainLine } from './lines.ts';

// csv-parse with the importer's options is the reference: the plain-line split must agree with it exactly.
const CSV_OPTIONS = { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: false } as const;
const reference = (text: string) => parse(text, CSV_OPTIONS) as string[][];

describe('splitPlainLine', () => {
  it('splits every line of the real SSC and FGJ files as csv-parse does, or leaves it to csv-parse', () => {
    for (const file of ['crime/ssc_crime_points_2013_2016.csv.gz', 'crime/fgj_victimas_milpa_alta_2016_2022.csv.gz']) {
      const lines = readBundled(file)
        .split('\n')
        .filter((l) => l.trim() !== '');
      // one csv-parse call for the whole file; these files have no field spanning lines, so record i is line i
      const expected = reference(lines.join('\n'));
      expect(expected.length).toBe(lines.length);
      let plain = 0,
        wrong = 0;
      lines.forEach((line, i) => {
        const fields = splitPlainLine(line);
        if (!fields) return;
        plain++;
        if (JSON.stringify(expected[i]) !== JSON.stringify(fields)) wrong++;
      });
      expect({ file, wrong }).toEqual({ file, wrong: 0 });
      if (file.startsWith('crime/ssc')) expect(plain).toBe(lines.length); // the SSC export is all plain lines
    }
  });

  it('sends commas inside quotes, escaped quotes, stray quotes and carriage returns to csv-parse', () => {
    for (const line of [
      '"a,b",c',
      'a,"b,"',
      '"a""b",c',
      '"",","',
      'a"b,c',
      '"a" ,b',
      'a,"',
      '"',
      'a\rb,c',
      '"a"b",c',
    ]) {
      expect(splitPlainLine(line)).toBeNull();
    }
    expect(splitPlainLine('"a","",c,,"d e"')).toEqual(reference('"a","",c,,"d e"')[0]);
    expect(splitPlainLine('x,y')).toEqual(['x', 'y']);
  });

  it('parseLines gives the same fields as csv-parse for a mixed batch, and flags the damaged line only', () => {
    const texts = [
      '"N-1.1.18","VIOLACION",2013-01-01,"10:07",1',
      '"a,b","c""d",e',
      'plain,line',
      '"open,quote',
      'x,"y"',
    ];
    const parsed = parseLines(texts.map((text, i) => ({ no: i + 2, text })));
    expect(parsed.map((p) => ('fields' in p ? p.fields : 'error'))).toEqual([
      reference(texts[0])[0],
      reference(texts[1])[0],
      reference(texts[2])[0],
      'error',
      reference(texts[4])[0],
    ]);
  });
});
