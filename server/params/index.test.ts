import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors/index.ts';
import { parseFilter, parseParams } from './index.ts';

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
    expect(parseParams({ res: '8', vintage: '2016', kind: 'sector' }, ['res', 'vintage', 'kind', 'from'])).toEqual({ res: 8, vintage: 2016, kind: 'sector' });
    expect(parseParams({ p1: '2015-01-01..2015-02-01' }, ['p1'])).toEqual({ p1: { from: '2015-01-01', to: '2015-02-01' } });
    expect(parseParams({ ids: 'a, b,a' }, ['ids'])).toEqual({ ids: ['a', 'b'] });
    expect(parseParams({ category: 'robo_transporte_publico' }, ['category']).category).toEqual(['robo_metro', 'robo_microbus', 'robo_taxi', 'robo_transporte_otro']);
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
    expect(parseFilter({ from: '2015-01-01', to: '2015-01-02' })).toMatchObject({ from: '2015-01-01', to: '2015-01-02', categories: null });
  });
});
