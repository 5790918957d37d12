// Hand-written expected queries.
import { describe, expect, it } from 'vitest';
import { rankQuery } from './rankQuery.ts';

describe('ranking query', () => {
  it('sends the vintage only for kinds that have one and asks every area for rates', () => {
    expect(rankQuery({ kind: 'colonia', vintage: '2016', by: 'count', from: '2016-01-01', to: '2016-07-01' })).toEqual({
      kind: 'colonia',
      vintage: undefined,
      from: '2016-01-01',
      to: '2016-07-01',
      category: undefined,
      by: 'count',
      limit: '50',
    });
    expect(rankQuery({ kind: 'sector', vintage: '2016', by: 'rate' })).toMatchObject({
      vintage: '2016',
      limit: '2000',
    });
  });
});
