import { describe, expect, it } from 'vitest';
import { describeApi, getJson } from '../../tests/support/index.ts';
import { AppError } from '../../core/errors/index.ts';
import { checkRange, parseFilter, parseParams } from './index.ts';
import { parseMonth } from '../shared/months.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : 'not-an-AppError';
  }
  return undefined;
}

describe('parseParams', () => {
  it('parses and converts valid values, leaving absent ones out', () => {
    expect(parseParams({ res: '8', vintage: '2016', kind: 'sector' }, ['res', 'vintage', 'kind', 'from'])).toEqual({
      res: 8,
      vintage: 2016,
      kind: 'sector',
    });
    expect(parseParams({ p1: '2015-01-01..2015-02-01' }, ['p1'])).toEqual({
      p1: { from: '2015-01-01', to: '2015-02-01' },
    });
    expect(parseParams({ ids: 'a, b,a' }, ['ids'])).toEqual({ ids: ['a', 'b'] });
    expect(parseParams({ category: 'robo_transporte_publico' }, ['category']).category).toEqual([
      'robo_metro',
      'robo_microbus',
      'robo_taxi',
      'robo_transporte_otro',
    ]);
  });

  it.each([
    [{ res: '011' }, 'res', undefined],
    [{ res: '1e1' }, 'res', 'invalid_resolution'],
    [{ from: '2016-02-30' }, 'from', 'invalid_date'],
    [{ from: '2016-02-29' }, 'from', undefined],
    [{ vintage: '2023.0' }, 'vintage', 'invalid_vintage'],
    [{ kind: 'Colonia' }, 'kind', 'invalid_kind'],
    [{ p1: '2015-01-01...2015-02-01' }, 'p1', 'invalid_period'],
    [{ category: 'ROBO' }, 'category', 'invalid_category'],
    [{ q: ' x ' }, 'q', 'invalid_query'],
    [{ limit: '2000' }, 'limit', undefined],
    [{ by: 'COUNT' }, 'by', 'invalid_parameter'],
  ] as const)('%o → %s', (query, name, code) => {
    expect(codeOf(() => parseParams(query, [name]))).toBe(code);
  });

  it('rejects from ≥ to as invalid_range', () => {
    expect(codeOf(() => parseFilter({ from: '2015-01-02', to: '2015-01-02' }))).toBe('invalid_range');
    expect(parseFilter({ from: '2015-01-01', to: '2015-01-02' })).toMatchObject({
      from: '2015-01-01',
      to: '2015-01-02',
      categories: null,
    });
  });
});

describe('bounded requests (hand-written dates around a fixed "today" of 2026-12-05)', () => {
  const today = '2026-12-05';
  it.each([
    // the plausible range: 2000-01-01 … the end of 2027-12 (today's month + 12), `to` exclusive
    ['2000-01-01', '2000-02-01', undefined],
    ['1999-12-01', '2000-02-01', 'range_too_long'],
    ['2027-11-01', '2028-01-01', undefined],
    ['2027-11-01', '2028-01-02', 'range_too_long'],
    ['1900-01-01', '2100-01-01', 'range_too_long'],
    // 120 months is the longest span; 121 is one too many
    ['2010-01-01', '2020-01-01', undefined],
    ['2010-01-01', '2020-01-02', 'range_too_long'],
    ['2016-01-01', '2016-01-01', 'invalid_range'],
  ] as const)('%s..%s → %s', (from, to, code) => {
    expect(codeOf(() => checkRange(from, to, 'from/to', today))).toBe(code);
  });

  it('bounds a lone from or to as well', () => {
    expect(codeOf(() => checkRange('1999-12-31', undefined, 'from/to', today))).toBe('range_too_long');
    expect(codeOf(() => checkRange(undefined, '9999-01-01', 'from/to', today))).toBe('range_too_long');
    expect(codeOf(() => checkRange('2000-01-01', undefined, 'from/to', today))).toBe(undefined);
  });

  it.each([
    ['2000-01', undefined],
    ['1999-12', 'range_too_long'],
    ['2027-12', undefined],
    ['2028-01', 'range_too_long'],
    ['9999-12', 'range_too_long'],
    ['2016-13', 'invalid_date'],
  ] as const)('month=%s → %s', (month, code) => {
    expect(codeOf(() => parseMonth(month, today))).toBe(code);
  });

  it('caps ids at 2,000 distinct values with too_many_ids', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `id${i}`).join(',');
    expect(parseParams({ ids: ids(2000) }, ['ids']).ids).toHaveLength(2000);
    expect(codeOf(() => parseParams({ ids: ids(2001) }, ['ids']))).toBe('too_many_ids');
  });
});

describeApi('bounded public requests over HTTP', (ctx) => {
  const manyIds = (n: number) => Array.from({ length: n }, (_, i) => `C-${i}`).join(',');
  it.each([
    // the stalling request an attack run found: a two-century comparison
    ['/api/compare?kind=colonia&p1=1900-01-01..2100-01-01&p2=1900-02-01..2100-01-01', 'range_too_long'],
    ['/api/compare?kind=colonia&p1=2001-01-01..2016-01-01&p2=2015-01-01..2016-01-01', 'range_too_long'],
    ['/api/rank?kind=colonia&from=2000-01-01&to=2020-01-01&category=robo_transeunte,robo_metro', 'range_too_long'],
    ['/api/hotspots?res=8&from=1999-12-01&to=2000-02-01', 'range_too_long'],
    ['/api/areas/alcaldia/09002/series?to=9999-01-01', 'range_too_long'],
    ['/api/semaforo?kind=cuadrante&month=9999-12', 'range_too_long'],
    ['/api/hotspots/pai?res=8&month=9999-12', 'range_too_long'],
    ['/api/semaforo?kind=cuadrante&month=1999-12', 'range_too_long'],
    [`/api/semaforo?kind=cuadrante&vintage=2016&month=2016-01&ids=${manyIds(2001)}`, 'too_many_ids'],
    ['/api/hotspots?res=8&category=robo_transeunte&category=homicidio_doloso', 'duplicate_parameter'],
    ['/api/hotspots?res=8&category=homicidio_doloso&category=robo_transeunte', 'duplicate_parameter'],
    ['/api/rank?kind=colonia&from=2015-01-01&to=2016-01-01&kind=cuadrante', 'duplicate_parameter'],
  ])('%s → 400 %s', async (path, code) => {
    const { status, body } = await getJson(ctx().publicApp, path);
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code, message: expect.any(String) } });
  });

  it('answers the longest allowed range (120 months) and 2,000 ids', async () => {
    expect((await getJson(ctx().publicApp, '/api/rank?kind=alcaldia&from=2006-01-01&to=2016-01-01')).status).toBe(200);
    const { status, body } = await getJson(
      ctx().app,
      `/api/semaforo?kind=cuadrante&vintage=2016&month=2016-01&ids=${manyIds(2000)}`,
    );
    // none of these hand-made ids exists: the list's size passes, the lookup then refuses it
    expect([status, body.error?.code]).toEqual([404, 'unknown_area']);
  });
});
