/**
 * The monthly series of every 2016 cuadrante, as the API serves it, equals
 * month by month the police's own monthly file (`crime/ssc_cuadrantes_monthly_2013_2016.csv.gz`,
 * C.V. and S.V. rows of a category summed) wherever that file agrees with the point file the
 * store was imported from. The two police files disagree in exactly four cells (below); the test
 * names them and asserts they are the only differences.
 *
 * Everything expected here is read from the raw files with hand-written label lists; nothing is
 * taken from the taxonomy, the ETL or the store.
 */
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { createAdminApp as createApp } from '../support/index.ts';
import { bundledDataImported, describeEachBackend } from '../harness/stores.ts';
import { BUNDLED_DATA_DIR, readBundled } from '../../reference/files/index.ts';

/** SSC labels per canonical category, spelled out as the police files write them. */
const CATEGORY_LABELS = {
  robo_vehiculo: ['ROBO DE VEHICULO AUTOMOTOR C.V.', 'ROBO DE VEHICULO AUTOMOTOR S.V.'],
  robo_transeunte: ['ROBO A TRANSEUNTE C.V.', 'ROBO A TRANSEUNTE S.V.'],
  robo_metro: ['ROBO A BORDO DE METRO C.V.', 'ROBO A BORDO DE METRO S.V.'],
  violacion: ['VIOLACION'],
  homicidio_doloso: ['HOMICIDIO DOLOSO'],
} as const;
type Category = keyof typeof CATEGORY_LABELS;
const CATEGORIES = Object.keys(CATEGORY_LABELS) as Category[];
const LABEL_CATEGORY = new Map<string, Category>(
  CATEGORIES.flatMap((c) => CATEGORY_LABELS[c].map((l) => [l, c] as const)),
);

/** The months both files cover: 2013-01 … 2016-01, as a half-open date range. */
const FROM = '2013-01-01';
const TO = '2016-02-01';
const MONTHS = monthList(2013, 1, 2016, 1);

/** The monthly file's row for records the police attributed to no cuadrante. */
const UNSPECIFIED = '(NO ESPECIFICADO)';

/**
 * The four cells where the monthly file and the point file disagree (found by comparing the two
 * files; `pointFile`/`monthlyFile` are the counts each gives for that label). The store follows
 * the point file, so the API differs from the monthly file by `pointFile − monthlyFile` there.
 */
const KNOWN_EXCEPTIONS = [
  { cuadrante: 'O-2.5.7', label: 'VIOLACION', month: '2015-07', pointFile: 1, monthlyFile: 0 },
  { cuadrante: 'C-2.2.10', label: 'ROBO A BORDO DE METRO C.V.', month: '2014-06', pointFile: 1, monthlyFile: 0 },
  { cuadrante: 'S-3.5.12', label: 'ROBO DE VEHICULO AUTOMOTOR C.V.', month: '2015-10', pointFile: 1, monthlyFile: 2 },
  { cuadrante: 'S-3.5.13', label: 'ROBO DE VEHICULO AUTOMOTOR C.V.', month: '2015-10', pointFile: 2, monthlyFile: 1 },
] as const;

type Counts = Map<string, number>; // key `${category}|${cuadrante}|${YYYY-MM}`
const key = (category: string, cuadrante: string, month: string) => `${category}|${cuadrante}|${month}`;

function monthList(y0: number, m0: number, y1: number, m1: number): string[] {
  const out: string[] = [];
  for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? (y++, (m = 1)) : m++)
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  return out;
}

/**
 * The monthly file, summed per category (C.V. + S.V.), cuadrante and month. Only lines naming one
 * of our labels are parsed: a cheap substring test first, since the file is 79 MB uncompressed.
 */
function readMonthlyFile(): { counts: Counts; cuadrantes: Set<string>; labelCells: Map<string, number> } {
  const text = gunzipSync(
    readFileSync(join(BUNDLED_DATA_DIR, 'crime/ssc_cuadrantes_monthly_2013_2016.csv.gz')),
  ).toString('utf8');
  const newline = text.indexOf('\n');
  const header = text.slice(0, newline).trim();
  const quoted = [...LABEL_CATEGORY.keys()].map((l) => `,"${l}",`);
  const lines = text
    .slice(newline + 1)
    .split('\n')
    .filter((line) => quoted.some((q) => line.includes(q)));
  const rows = parse([header, ...lines].join('\n'), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const counts: Counts = new Map();
  const labelCells = new Map<string, number>(); // `${label}|${cuadrante}|${month}` → count
  const cuadrantes = new Set<string>();
  for (const r of rows) {
    const category = LABEL_CATEGORY.get(r.crime);
    if (!category) throw new Error(`unexpected label ${r.crime}`);
    const month = r.date.slice(0, 7);
    const n = Number(r.count);
    if (!Number.isInteger(n) || n < 0) throw new Error(`bad count ${r.count}`);
    cuadrantes.add(r.cuadrante);
    const k = key(category, r.cuadrante, month);
    counts.set(k, (counts.get(k) ?? 0) + n);
    labelCells.set(`${r.crime}|${r.cuadrante}|${month}`, n);
  }
  return { counts, cuadrantes, labelCells };
}

/** Point-file rows (the SSC incident records) per label, cuadrante and month, in [FROM, TO). */
function readPointFile(): Map<string, number> {
  const rows = parse(readBundled('crime/ssc_crime_points_2013_2016.csv.gz'), {
    columns: true,
  }) as { cuadrante: string; crime: string; date: string }[];
  const out = new Map<string, number>();
  for (const r of rows) {
    if (r.date < FROM || r.date >= TO) continue;
    const k = `${r.crime}|${r.cuadrante}|${r.date.slice(0, 7)}`;
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

const monthly = readMonthlyFile();
const cuadrantes2016 = [...monthly.cuadrantes].filter((c) => c !== UNSPECIFIED).sort();

it('the monthly file covers 847 cuadrantes plus "(NO ESPECIFICADO)", 37 months, for each of our labels', () => {
  expect(cuadrantes2016).toHaveLength(847);
  expect(monthly.cuadrantes.has(UNSPECIFIED)).toBe(true);
  expect(monthly.labelCells.size).toBe(848 * 37 * LABEL_CATEGORY.size);
});

it('the known exceptions are exactly the cells where the monthly file and the point file disagree', () => {
  const points = readPointFile();
  const disagreements = [...new Set([...points.keys(), ...monthly.labelCells.keys()])]
    .filter((k) => LABEL_CATEGORY.has(k.split('|')[0]))
    .filter((k) => (points.get(k) ?? 0) !== (monthly.labelCells.get(k) ?? 0))
    .map((k) => {
      const [label, cuadrante, month] = k.split('|');
      return { cuadrante, label, month, pointFile: points.get(k) ?? 0, monthlyFile: monthly.labelCells.get(k) ?? 0 };
    });
  expect(sortCells(disagreements)).toEqual(sortCells(KNOWN_EXCEPTIONS));
});

function sortCells<T extends { cuadrante: string; label: string; month: string }>(cells: readonly T[]): T[] {
  return [...cells].sort((a, b) =>
    `${a.cuadrante}|${a.label}|${a.month}`.localeCompare(`${b.cuadrante}|${b.label}|${b.month}`),
  );
}

/** What the API should differ from the monthly file by, per category cell: the known exceptions. */
function expectedDifferences(): {
  category: Category;
  cuadrante: string;
  month: string;
  api: number;
  monthlyFile: number;
}[] {
  const out = KNOWN_EXCEPTIONS.map((e) => {
    const category = LABEL_CATEGORY.get(e.label)!;
    const monthlyFile = monthly.counts.get(key(category, e.cuadrante, e.month))!;
    return {
      category,
      cuadrante: e.cuadrante,
      month: e.month,
      api: monthlyFile + e.pointFile - e.monthlyFile,
      monthlyFile,
    };
  });
  return out.sort(byCell);
}

function byCell(
  a: { category: string; cuadrante: string; month: string },
  b: { category: string; cuadrante: string; month: string },
) {
  return key(a.category, a.cuadrante, a.month).localeCompare(key(b.category, b.cuadrante, b.month));
}

if (!bundledDataImported()) {
  it.skip('cuadrante series against the SSC monthly file (no bundled import in this run)', () => {});
} else {
  describeEachBackend('2016 cuadrante series vs the SSC monthly file', (getStore) => {
    it(`every cuadrante, ${CATEGORIES.join(', ')}: equal month by month except the four known cells`, async () => {
      const app = createApp({ store: getStore() });
      const differences: ReturnType<typeof expectedDifferences> = [];
      let cellsCompared = 0;
      const requests = CATEGORIES.flatMap((category) => cuadrantes2016.map((cuadrante) => ({ category, cuadrante })));
      // a few requests in flight at a time: 4,235 sequential round trips are slow on a busy machine
      for (let i = 0; i < requests.length; i += 8) {
        await Promise.all(
          requests.slice(i, i + 8).map(async ({ category, cuadrante }) => {
            const path = `/api/areas/cuadrante/${encodeURIComponent(cuadrante)}/series?interval=month&from=${FROM}&to=${TO}&category=${category}&vintage=2016`;
            const res = await app.request(path);
            if (res.status !== 200) throw new Error(`${path} → ${res.status} ${await res.text()}`);
            const body = (await res.json()) as {
              id: string;
              vintage: number;
              series: { period: string; count: number }[];
            };
            // dense: every month of the range, in order
            expect(
              body.series.map((p) => p.period),
              path,
            ).toEqual(MONTHS);
            for (const { period, count } of body.series) {
              const expected = monthly.counts.get(key(category, cuadrante, period));
              if (expected === undefined) throw new Error(`monthly file lacks ${key(category, cuadrante, period)}`);
              cellsCompared++;
              if (count !== expected)
                differences.push({ category, cuadrante, month: period, api: count, monthlyFile: expected });
            }
          }),
        );
      }
      expect(cellsCompared).toBe(CATEGORIES.length * 847 * 37);
      expect(differences.sort(byCell)).toEqual(expectedDifferences());
    }, 600_000);

    it('"(NO ESPECIFICADO)" is no area (404), and the SSC records without a 2016 cuadrante match its row in the monthly file', async () => {
      const store = getStore();
      const app = createApp({ store });
      const res = await app.request(`/api/areas/cuadrante/${encodeURIComponent(UNSPECIFIED)}/series?vintage=2016`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({
        error: { code: 'unknown_area', message: expect.stringContaining(UNSPECIFIED) },
      });

      // The import keeps these records (they count in totals) with a null 2016 cuadrante; group them here.
      const rows = await store.db
        .selectFrom('incidents')
        .select(['original_label', sql<string>`to_char(occurred_on, 'YYYY-MM')`.as('month')])
        .where('source', '=', 'ssc_points')
        .where('cuadrante_2016', 'is', null)
        .where('occurred_on', '>=', FROM)
        .where('occurred_on', '<', TO)
        .where('original_label', 'in', [...LABEL_CATEGORY.keys()])
        .execute();
      const actual = new Map<string, number>();
      for (const r of rows) {
        const k = key(LABEL_CATEGORY.get(r.original_label)!, UNSPECIFIED, r.month);
        actual.set(k, (actual.get(k) ?? 0) + 1);
      }
      const expected = new Map<string, number>();
      for (const category of CATEGORIES) {
        for (const month of MONTHS) {
          const n = monthly.counts.get(key(category, UNSPECIFIED, month))!;
          if (n > 0) expected.set(key(category, UNSPECIFIED, month), n);
        }
      }
      expect([...expected.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect(Object.fromEntries([...actual].sort())).toEqual(Object.fromEntries([...expected].sort()));
    });
  });
}
