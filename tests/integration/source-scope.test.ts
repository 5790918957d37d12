/**
 * A source limited to one alcaldía covers no other: the FGJ víctimas file is Milpa Alta's only, so
 * after the SSC points end (September 2016) an area elsewhere has no data — its months are
 * `coverage: "none"`, never zeros — while a Milpa Alta area keeps counting. Expected months come from
 * the bundled files read here (their first and last dates), on the full bundled import.
 */
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { createAdminApp as createApp } from '../support/index.ts';
import { bundledDataImported, describeEachBackend } from '../harness/stores.ts';
import { readBundled } from '../../reference/files/index.ts';

const MILPA_ALTA = '09009';
const CUAUHTEMOC = '09015';

/** First and last `YYYY-MM` of the FGJ file's dates (dd/mm/yyyy). */
function fgjMonths(): [string, string] {
  const rows = parse(readBundled('crime/fgj_victimas_milpa_alta_2016_2022.csv.gz'), { columns: true }) as {
    Fecha: string;
  }[];
  const months = rows
    .map((r) => /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(r.Fecha))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[3]}-${m[2]}`)
    .sort();
  return [months[0]!, months.at(-1)!];
}

if (!bundledDataImported()) {
  it.skip('source scope (needs the bundled import)', () => {});
} else {
  describeEachBackend('series coverage by a source’s published scope', (getStore) => {
    const series = async (alcaldia: string) => {
      const res = await createApp({ store: getStore() }).request(
        `/api/areas/alcaldia/${alcaldia}/series?from=2017-01-01&to=2018-01-01`,
      );
      expect(res.status).toBe(200);
      return (await res.json()) as {
        series: { period: string; count?: number; coverage?: string }[];
        sources: { source: string; first_month: string; last_month: string }[];
      };
    };

    it('2017 in Cuauhtémoc: no source covers it (the FGJ file is Milpa Alta only) — no data, not zeros', async () => {
      const body = await series(CUAUHTEMOC);
      expect(body.series).toHaveLength(12);
      expect(body.series.every((p) => p.coverage === 'none' && p.count === undefined)).toBe(true);
      expect(body.sources.map((s) => s.source)).toEqual(['ssc_points']);
    });

    it('2017 in Milpa Alta: the FGJ file covers every month, each with a count', async () => {
      const [first, last] = fgjMonths();
      const body = await series(MILPA_ALTA);
      expect(body.sources.find((s) => s.source === 'fgj_victimas')).toMatchObject({
        first_month: first,
        last_month: last,
      });
      expect(body.series.every((p) => p.coverage !== 'none' && typeof p.count === 'number')).toBe(true);
    });
  });
}
