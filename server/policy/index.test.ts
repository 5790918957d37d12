import { describe, expect, it } from 'vitest';
import {
  areaPlan,
  checkMonthAligned,
  hexagonPlan,
  policyOptions,
  publicCategories,
  publishMonth,
  publishSeries,
  publishTotal,
  sensitiveEmbargoFrom,
  visibilityClass,
} from './index.ts';
import type { Principal } from '../auth/index.ts';

const admin: Principal = { role: 'admin', territory: [], name: 'a' };
const moderador: Principal = { role: 'moderador', territory: [], name: 'm' };
// hand-written territory: an alcaldía and a sector of the 2023 numbering
const mesa: Principal = { role: 'mesa', territory: ['09015', '2023:CUH-1'], name: 'mesa' };
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

/** hand-written monthly cells (record-key sums chosen by hand) */
const cells = (entries: [string, number, number?][]) =>
  new Map(entries.map(([m, count, keySum]) => [m, { count, keySum: keySum ?? 0 }]));

describe('publication of monthly values under suppression (k = 3, the former rule)', () => {
  const pub = { k: 3, rule: 'suppression' as const };
  it('withholds 1 … k−1, publishes 0 and ≥ k', () => {
    expect([0, 1, 2, 3, 10].map((n) => publishMonth('2015-05', { count: n, keySum: 0 }, pub))).toEqual([
      0,
      null,
      null,
      3,
      10,
    ]);
  });
  it('sums published months only, partial when one was withheld, null when nothing but withheld months had incidents', () => {
    expect(
      publishTotal(
        cells([
          ['2015-05', 5],
          ['2015-06', 2],
          ['2015-07', 4],
        ]),
        pub,
      ),
    ).toEqual({ count: 9, partial: true });
    expect(
      publishTotal(
        cells([
          ['2015-05', 5],
          ['2015-06', 3],
        ]),
        pub,
      ),
    ).toEqual({ count: 8, partial: false });
    expect(
      publishTotal(
        cells([
          ['2015-05', 1],
          ['2015-06', 2],
        ]),
        pub,
      ),
    ).toEqual({ count: null, partial: true });
    expect(publishTotal(undefined, pub, ['2015-05'])).toEqual({ count: 0, partial: false });
  });
});

describe('publication of monthly values under the cell-key method (k = 3)', () => {
  const pub = { k: 3 };
  it('never publishes 1 … k−1, whatever the key; zero stays zero', () => {
    for (let keySum = 0; keySum < 600; keySum += 7) {
      for (const n of [1, 2, 3, 4, 5, 40]) {
        const v = publishMonth('2015-05', { count: n, keySum }, pub)!;
        expect(v === 0 || v >= 3, `n=${n} key=${keySum}`).toBe(true);
      }
    }
    expect(publishMonth('2015-05', undefined, pub)).toBe(0);
  });
  it('the same cell (count and key sum) is published the same way every time', () => {
    expect(publishMonth('2015-05', { count: 2, keySum: 301 }, pub)).toBe(
      publishMonth('2016-01', { count: 2, keySum: 301 }, pub),
    );
  });
  it('a window is the sum of its published months, restricted to the window; nothing is partial without an embargo', () => {
    const months = cells([
      ['2015-05', 2, 17],
      ['2015-06', 7, 900],
      ['2015-07', 4, 33],
    ]);
    const each = (m: string) => publishMonth(m, months.get(m), pub)!;
    expect(publishTotal(months, pub)).toEqual({
      count: each('2015-05') + each('2015-06') + each('2015-07'),
      partial: false,
    });
    expect(publishTotal(months, pub, ['2015-06', '2015-07'])).toEqual({
      count: each('2015-06') + each('2015-07'),
      partial: false,
    });
  });
  it('an embargoed month is withheld whatever its count, zeros included', () => {
    const emb = { k: 3, embargoFrom: '2015-07' };
    const june = cells([['2015-06', 5, 128]]);
    const v = publishMonth('2015-06', june.get('2015-06'), emb);
    expect(publishSeries(['2015-06', '2015-07'], june, emb)).toEqual([
      { period: '2015-06', count: v },
      { period: '2015-07', count: null },
    ]);
    expect(publishTotal(june, emb, ['2015-06', '2015-07'])).toEqual({ count: v, partial: true });
  });
});

describe('sensitive delay', () => {
  it('releases a month once its end is at least the delay before the earlier of the data end and today', () => {
    // data until 2015-07-31, 30 days: cutoff 2015-07-01 → June (ends 06-30) released, July not
    expect(sensitiveEmbargoFrom('2015-07-31', '2026-11-23', 30)).toBe('2015-07');
    // cutoff exactly a month's last day: that month is released
    expect(sensitiveEmbargoFrom('2015-07-30', '2026-11-23', 30)).toBe('2015-07'); // cutoff 06-30
    expect(sensitiveEmbargoFrom('2015-07-29', '2026-11-23', 30)).toBe('2015-06'); // cutoff 06-29
    // today earlier than the data end (data dated in the future): today rules
    expect(sensitiveEmbargoFrom('2030-01-01', '2026-11-23', 0)).toBe('2026-11');
  });
});

describe('who sees what', () => {
  it('visibility classes: public, full, territory per role and sorted ids', () => {
    expect(visibilityClass(null)).toBe('public');
    expect(visibilityClass(admin)).toBe('full');
    expect(visibilityClass(moderador)).toBe('full');
    expect(visibilityClass(mesa)).toBe('territory:mesa:09015,2023:CUH-1');
    expect(visibilityClass({ ...mesa, territory: ['2023:CUH-1', '09015'] })).toBe(visibilityClass(mesa));
    expect(visibilityClass({ ...mesa, role: 'enlace' })).not.toBe(visibilityClass(mesa));
  });
  it('hexagons: exact for admin/moderador; public res ≤ 8, whole months, no sensitive category', () => {
    expect(hexagonPlan(admin, { res: 11, categories: ['secuestro'], windows: [{ from: '2015-05-03' }] }).exact).toBe(
      true,
    );
    expect(code(() => hexagonPlan(null, { res: 9, categories: null, windows: [] }))).toBe('forbidden_resolution');
    expect(code(() => hexagonPlan(mesa, { res: 11, categories: null, windows: [] }))).toBe('forbidden_resolution');
    expect(
      code(() => hexagonPlan(null, { res: 8, categories: null, windows: [{ from: '2015-05-02', to: '2015-06-01' }] })),
    ).toBe('month_aligned_required');
    expect(code(() => hexagonPlan(null, { res: 8, categories: ['robo_metro', 'extorsion'], windows: [] }))).toBe(
      'sensitive_category',
    );
    const plan = hexagonPlan(null, { res: 8, categories: null, windows: [{ from: '2015-05-01', to: '2015-06-01' }] });
    expect(plan.exact).toBe(false);
    expect(plan.categories).not.toContain('violacion');
    expect(plan.categories).toContain('robo_transeunte');
  });
  it('areas: territory → detail; any area outside, or all areas → public', () => {
    const inside = { id: 'M-1.1.1', alcaldia_id: '09015' };
    const sector = { id: 'CUH-1', alcaldia_id: null, sector_id: '2023:CUH-1' };
    const outside = { id: 'X', alcaldia_id: '09002' };
    expect(
      areaPlan(mesa, {
        kind: 'cuadrante',
        areas: [inside, sector],
        categories: ['violacion'],
        windows: [{ from: '2015-05-09' }],
      }).exact,
    ).toBe(true);
    expect(
      code(() =>
        areaPlan(mesa, { kind: 'cuadrante', areas: [inside, outside], categories: ['violacion'], windows: [] }),
      ),
    ).toBe('sensitive_category');
    expect(areaPlan(mesa, { kind: 'cuadrante', areas: 'all', categories: null, windows: [] }).exact).toBe(false);
    expect(areaPlan(moderador, { kind: 'cuadrante', areas: 'all', categories: null, windows: [] }).exact).toBe(true);
    // sensitive categories by alcaldía are public (with the embargo), marked sensitive
    expect(
      areaPlan(null, { kind: 'alcaldia', areas: [outside], categories: ['violacion'], windows: [] }),
    ).toMatchObject({ exact: false, sensitive: true });
    expect(publicCategories(null, 'alcaldia').categories).not.toContain('secuestro');
  });
  it('a sector is inside only in the numbering the territory names; its bare name is never compared', () => {
    const plan = (area: { id: string; alcaldia_id: string | null; sector_id?: string | null }) =>
      areaPlan(mesa, { kind: 'sector', areas: [area], categories: null, windows: [] }).exact;
    expect(plan({ id: 'CUH-1', alcaldia_id: '09002', sector_id: '2023:CUH-1' })).toBe(true);
    expect(plan({ id: 'CUH-1', alcaldia_id: '09002', sector_id: '2016:CUH-1' })).toBe(false);
    expect(plan({ id: 'CUH-1', alcaldia_id: '09002' })).toBe(false);
    // a territory that still held a bare name (unknown to the store when migrated) matches nothing
    const legacy: Principal = { role: 'enlace', territory: ['CUH-1'], name: 'legacy' };
    expect(
      areaPlan(legacy, {
        kind: 'sector',
        areas: [{ id: 'CUH-1', alcaldia_id: null, sector_id: '2016:CUH-1' }],
        categories: null,
        windows: [],
      }).exact,
    ).toBe(false);
    expect(
      areaPlan(legacy, {
        kind: 'sector',
        areas: [{ id: 'CUH-1', alcaldia_id: null, sector_id: '2023:CUH-1' }],
        categories: null,
        windows: [],
      }).exact,
    ).toBe(false);
  });
  it('a cuadrante is inside a territory that lists its sector of the same numbering (server/shared/territory adds sector_id)', () => {
    const ofSector = { id: 'C-9.9.9', alcaldia_id: '09002', sector_id: '2023:CUH-1' };
    expect(
      areaPlan(mesa, {
        kind: 'cuadrante',
        areas: [{ ...ofSector, sector_id: '2016:CUH-1' }],
        categories: null,
        windows: [],
      }).exact,
    ).toBe(false);
    const sectorUnknown = { id: 'C-9.9.9', alcaldia_id: '09002' };
    expect(areaPlan(mesa, { kind: 'cuadrante', areas: [ofSector], categories: null, windows: [] }).exact).toBe(true);
    expect(areaPlan(mesa, { kind: 'cuadrante', areas: [sectorUnknown], categories: null, windows: [] }).exact).toBe(
      false,
    );
  });
  it('month alignment names the offending bound', () => {
    expect(code(() => checkMonthAligned('2015-05-01', '2015-06-01'))).toBeUndefined();
    expect(code(() => checkMonthAligned('2015-05-01', '2015-06-15'))).toBe('month_aligned_required');
  });
  it('k and the delay come from createApp options, else the environment, else 3 and 30', () => {
    expect(policyOptions({}, {})).toEqual({ minCount: 3, sensitiveDelayDays: 30, disclosure: 'cell-key' });
    expect(
      policyOptions({}, { PUBLIC_MIN_COUNT: '5', SENSITIVE_DELAY_DAYS: '0', PUBLIC_DISCLOSURE: 'suppression' }),
    ).toEqual({ minCount: 5, sensitiveDelayDays: 0, disclosure: 'suppression' });
    expect(() => policyOptions({}, { PUBLIC_DISCLOSURE: 'noise' })).toThrow(/PUBLIC_DISCLOSURE/);
    expect(policyOptions({ minCount: 4 }, { PUBLIC_MIN_COUNT: '5' }).minCount).toBe(4);
    expect(() => policyOptions({}, { PUBLIC_MIN_COUNT: 'x' })).toThrow(/PUBLIC_MIN_COUNT/);
  });
});
