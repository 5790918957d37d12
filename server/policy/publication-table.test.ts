import { describe, expect, it } from 'vitest';
import { publicationTable, publishMonth, publishTotal, publishWindowSum, type Publication } from './index.ts';

/** What the store does with the table (db/queries/stats.ts), written out once more here in plain code. */
function lookUp(table: ReturnType<typeof publicationTable>, n: number, keySum: number): number | null {
  const key = ((keySum % table.keyRange) + table.keyRange) % table.keyRange;
  return n >= table.cap ? n + table.shift[key] : table.small[n * table.keyRange + key];
}

const rules: Publication[] = [1, 2, 3, 5].flatMap((k) => [
  { k, rule: 'cell-key' as const },
  { k, rule: 'suppression' as const },
]);

describe('publicationTable: publishMonth as a lookup the store applies in SQL', () => {
  it('gives the value publishMonth gives for every count up to 2 000 and every key sum residue', () => {
    for (const pub of rules) {
      const table = publicationTable(pub);
      for (let n = 0; n <= 2000; n++) {
        for (let keySum = 0; keySum < 512; keySum += n > 50 ? 7 : 1) {
          const expected = publishMonth('2015-05', { count: n, keySum }, pub);
          if (lookUp(table, n, keySum) !== expected) {
            expect(lookUp(table, n, keySum), `${pub.rule} k=${pub.k} n=${n} keySum=${keySum}`).toBe(expected);
          }
        }
      }
    }
  });

  it('withholds from the embargo month on, whatever the count', () => {
    const table = publicationTable({ k: 3, embargoFrom: '2016-02' });
    expect(table.withheldFrom).toBe('2016-02');
    expect(publicationTable({ k: 3 }).withheldFrom).toBeUndefined();
  });
});

describe('publishWindowSum: the figure of a window summed by the store', () => {
  // hand-written months: (count, key sum) per month of a three-month window
  const months: [string, number, number][] = [
    ['2016-01', 1, 40],
    ['2016-02', 7, 200],
    ['2016-03', 2, 9],
  ];
  const window = ['2016-01', '2016-02', '2016-03'];
  const cases: Publication[] = [
    { k: 3 },
    { k: 3, rule: 'suppression' },
    { k: 3, embargoFrom: '2016-03' },
    { k: 3, embargoFrom: '2016-01' },
    { k: 3, rule: 'suppression', embargoFrom: '2016-02' },
  ];
  it('equals publishTotal over the same months, for months with incidents and without', () => {
    for (const pub of cases) {
      const table = publicationTable(pub);
      for (const subset of [months, months.slice(0, 1), months.slice(1), []]) {
        const values = subset.map(([m, n, key]) =>
          table.withheldFrom && m >= table.withheldFrom ? null : lookUp(table, n, key),
        );
        const summed = subset.length
          ? { sum: values.reduce<number>((s, v) => s + (v ?? 0), 0), withheld: values.some((v) => v === null) }
          : undefined;
        const monthly = new Map(subset.map(([m, count, keySum]) => [m, { count, keySum }]));
        expect(publishWindowSum(summed, pub, window), JSON.stringify({ pub, subset })).toEqual(
          publishTotal(monthly, pub, window),
        );
      }
    }
  });
});
