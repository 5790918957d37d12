import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { semaforo, semaforoColor, semaforoFromSums } from './index.ts';
import { addMonths, monthsBefore } from '../months/index.ts';
import { StatsInputError } from '../errors.ts';

const FULL = { from: '2013-01', to: '2016-02' }; // the SSC monthly panel: 2013-01 … 2016-01

/** 36 months before 2016-01 each holding `value`, plus `count` in 2016-01. */
function flat(value: number, count: number): Map<string, number> {
  const m = new Map(monthsBefore('2016-01', 36).map((k) => [k, value] as [string, number]));
  m.set('2016-01', count);
  return m;
}

describe('semaforo — worked examples', () => {
  it('baseline 4/month: 3 is exactly −25 % → verde; 4 → 0 % amarillo; 5 → +25 % rojo', () => {
    // baseline = 36·4/36 = 4. (3 − 4)/4 = −25 % (boundary, inclusive → verde).
    expect(semaforo({ month: '2016-01', counts: flat(4, 3), coverage: FULL })).toEqual({
      count: 3,
      baseline_mean: 4,
      baseline_months: 36,
      pct_change: -25,
      color: 'verde',
    });
    expect(semaforo({ month: '2016-01', counts: flat(4, 4), coverage: FULL }).color).toBe('amarillo');
    expect(semaforo({ month: '2016-01', counts: flat(4, 5), coverage: FULL })).toMatchObject({
      pct_change: 25,
      color: 'rojo',
    });
  });

  it('uneven baseline: 10 incidents spread over 36 months, 0 this month', () => {
    // baseline = 10/36 = 0.2777…; pct = −100 % → verde. With 1 this month: (1 − 0.2777)/0.2777 = +260 % → rojo.
    const counts = new Map<string, number>([
      ['2013-05', 4],
      ['2014-07', 5],
      ['2015-12', 1],
    ]);
    const r = semaforo({ month: '2016-01', counts, coverage: FULL });
    expect(r.baseline_mean).toBeCloseTo(10 / 36, 12);
    expect(r.pct_change).toBeCloseTo(-100, 12);
    expect(r.color).toBe('verde');
    counts.set('2016-01', 1);
    const r2 = semaforo({ month: '2016-01', counts, coverage: FULL });
    expect(r2.pct_change).toBeCloseTo(260, 9);
    expect(r2.color).toBe('rojo');
  });

  it('boundary −25 % decided exactly even where floating point would drift', () => {
    // Exact boundary: count 3, sum 144 over 36 months (mean 4) → 4·3·36 = 432 = 3·144 → verde (≤ −25 %).
    expect(semaforoColor(3, 144, 36)).toBe('verde');
    expect(semaforoColor(4, 144, 36)).toBe('amarillo');
    expect(semaforoColor(5, 144, 36)).toBe('rojo');
    // sum 31 (mean 0.861): count 0 is −100 % (verde), count 1 is +16.1 % (rojo)
    expect(semaforoColor(0, 31, 36)).toBe('verde');
    expect(semaforoColor(1, 31, 36)).toBe('rojo');
    // sum 48 (mean 4/3): count 1 is exactly −25 % (4·1·36 = 144 = 3·48) → verde, though 1/(4/3) − 1 in
    // floating point is −0.25000000000000006 or −0.24999999999999994 depending on evaluation order.
    expect(semaforoColor(1, 48, 36)).toBe('verde');
    // … and through semaforo(): 48 incidents over the 36 months, 1 this month → −25 % exactly, verde.
    const counts = new Map(
      monthsBefore('2016-01', 36).map((m, i) => [m, i < 12 ? 2 : i < 36 ? 1 : 0] as [string, number]),
    );
    // 12 months of 2 + 24 months of 1 = 48
    counts.set('2016-01', 1);
    expect(semaforo({ month: '2016-01', counts, coverage: FULL })).toMatchObject({ pct_change: -25, color: 'verde' });
  });

  it('zero baseline: pct_change null; rojo if anything happened, verde if nothing did', () => {
    expect(semaforo({ month: '2016-01', counts: flat(0, 2), coverage: FULL })).toEqual({
      count: 2,
      baseline_mean: 0,
      baseline_months: 36,
      pct_change: null,
      color: 'rojo',
    });
    expect(semaforo({ month: '2016-01', counts: new Map(), coverage: FULL })).toMatchObject({
      count: 0,
      baseline_mean: 0,
      pct_change: null,
      color: 'verde',
    });
  });

  it('fewer than 36 covered months → color null, partial baseline still reported', () => {
    // Data from 2013-01: for 2015-12 only 35 of the 36 months (2012-12 … 2015-11) exist.
    const r = semaforo({ month: '2015-12', counts: flat(4, 9), coverage: FULL });
    expect(r.baseline_months).toBe(35);
    expect(r.color).toBeNull();
    // 2012-12 is missing from the map anyway; 2013-01 … 2015-11 hold 4 → mean 4.
    expect(r.baseline_mean).toBe(4);
    const none = semaforo({ month: '2013-01', counts: flat(4, 9), coverage: FULL });
    expect(none).toMatchObject({ baseline_months: 0, baseline_mean: null, pct_change: null, color: null });
  });

  it('month outside the data → color null', () => {
    const r = semaforo({ month: '2016-02', counts: flat(4, 0), coverage: FULL });
    expect(r.baseline_months).toBe(36); // 2013-02 … 2016-01 all covered, but 2016-02 itself is not
    expect(r.color).toBeNull();
    const set = new Set(monthsBefore('2016-02', 36));
    expect(semaforo({ month: '2016-02', counts: flat(4, 0), coverage: set }).color).toBeNull();
  });

  it('rejects a malformed month', () => {
    expect(() => semaforo({ month: '2016-1', counts: new Map(), coverage: FULL })).toThrow(StatsInputError);
  });
});

describe('semaforo — real SSC monthly panel (robo a transeúnte c.v., January 2016)', () => {
  it('matches an independent computation for every cuadrante', () => {
    const path = new URL('../../../data/crime/ssc_cuadrantes_monthly_2013_2016.csv.gz', import.meta.url);
    const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n');
    // Independent route: a plain per-cuadrante sum over rows dated before 2016-01-01, floating-point pct.
    const byCuadrante = new Map<string, Map<string, number>>();
    const baselineSum = new Map<string, number>();
    const january = new Map<string, number>();
    for (const line of lines) {
      if (!line.includes('"ROBO A TRANSEUNTE C.V."')) continue;
      const [cuadrante, , date, count] = line.split(',');
      const id = cuadrante.replaceAll('"', '');
      const n = Number(count);
      if (!byCuadrante.has(id)) byCuadrante.set(id, new Map());
      const month = date.slice(0, 7);
      byCuadrante.get(id)!.set(month, (byCuadrante.get(id)!.get(month) ?? 0) + n);
      if (date < '2016-01-01') baselineSum.set(id, (baselineSum.get(id) ?? 0) + n);
      else if (date.startsWith('2016-01')) january.set(id, (january.get(id) ?? 0) + n);
    }
    expect(byCuadrante.size).toBeGreaterThan(800);
    const tally = { verde: 0, amarillo: 0, rojo: 0 };
    for (const [id, counts] of byCuadrante) {
      const r = semaforo({ month: '2016-01', counts, coverage: FULL });
      const base = (baselineSum.get(id) ?? 0) / 36;
      const count = january.get(id) ?? 0;
      expect(r.count).toBe(count);
      expect(r.baseline_months).toBe(36);
      expect(r.baseline_mean).toBeCloseTo(base, 12);
      if (base === 0) {
        expect(r.pct_change).toBeNull();
        expect(r.color).toBe(count > 0 ? 'rojo' : 'verde');
      } else {
        const pct = (100 * (count - base)) / base;
        expect(r.pct_change).toBeCloseTo(pct, 5); // reported to 6 decimals
        // away from the exact boundaries the float rule and the integer rule agree
        if (Math.abs(pct + 25) > 1e-9 && Math.abs(pct) > 1e-9) {
          expect(r.color).toBe(pct <= -25 ? 'verde' : pct <= 0 ? 'amarillo' : 'rojo');
        }
      }
      tally[r.color!]++;
    }
    // The real month uses all three colours (a test that could not fail otherwise).
    expect(tally.verde).toBeGreaterThan(0);
    expect(tally.amarillo + tally.rojo).toBeGreaterThan(0);
    expect(addMonths('2016-01', -36)).toBe('2013-01');
  });
});

describe('semaforoFromSums', () => {
  it('gives what semaforo gives for the month count and the covered baseline sum (hand-written months)', () => {
    // a baseline with an uncovered start: coverage from 2013-06, so 31 of the 36 months count
    const coverage = { from: '2013-06', to: '2016-02' };
    const counts = flat(2, 7);
    const covered = monthsBefore('2016-01', 36).filter((m) => m >= '2013-06');
    expect(covered).toHaveLength(31);
    expect(semaforoFromSums({ month: '2016-01', count: 7, baselineSum: 2 * 31, coverage })).toEqual(
      semaforo({ month: '2016-01', counts, coverage }),
    );
    expect(semaforoFromSums({ month: '2016-01', count: 0, baselineSum: 0, coverage: FULL })).toEqual({
      count: 0,
      baseline_mean: 0,
      baseline_months: 36,
      pct_change: null,
      color: 'verde',
    });
  });
});
