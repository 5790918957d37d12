import { describe, expect, it } from 'vitest';
import type { Health } from '../services/ports.ts';
import type { Principal } from '../auth/index.ts';
import { endsItsMonth, publishHealth } from './sources.ts';

const K = 3;
// hand-written store facts: one large source and three tiny ones around k
const stored: Health = {
  incidents: 1000 + 2 + 3 + 4,
  dataFrom: '2013-01-01',
  dataUntil: '2024-05-20',
  sources: [
    { source: 'ssc_points', source_kind: 'official', incidents: 1000, from: '2013-01-01', until: '2016-09-30' },
    { source: 'news', source_kind: 'news', incidents: 4, from: '2017-02-03', until: '2018-11-05' },
    { source: 'chat', source_kind: 'chat', incidents: 3, from: '2019-04-01', until: '2019-06-02' },
    { source: 'citizen', source_kind: 'citizen', incidents: 2, from: '2024-05-20', until: '2024-05-20' },
  ],
};
const admin = { role: 'admin', territory: [] } as unknown as Principal;
const mesa = { role: 'mesa', territory: ['09015'] } as unknown as Principal;

describe('publishHealth: what a caller sees of each source', () => {
  it('withholds from the public a count below k, and every date of a source of k or fewer', () => {
    const h = publishHealth(stored, null, K);
    expect(h.sources.map((s) => [s.source, s.incidents, s.first_month, s.last_month, s.withheld])).toEqual([
      ['ssc_points', 1000, '2013-01', '2016-09', false],
      ['news', 4, '2017-02', '2018-11', false],
      // 3 incidents over two months: each month holds 1 or 2, so the months are withheld
      ['chat', 3, null, null, true],
      ['citizen', null, null, null, true],
    ]);
    expect(h.sources.every((s) => s.from === null && s.until === null)).toBe(true);
  });

  it('publishes an overall count that the published sources add up to, and months of the dated sources only', () => {
    const h = publishHealth(stored, null, K);
    expect(h.incidents).toBe(1000 + 4 + 3);
    expect(h.incidents - h.sources.reduce((s, x) => s + (x.incidents ?? 0), 0)).toBe(0);
    expect([h.dataFrom, h.dataUntil, h.firstMonth, h.lastMonth]).toEqual([null, null, '2013-01', '2018-11']);
  });

  it('gives a territory the public facts (the city is never inside one) and an admin every fact', () => {
    expect(publishHealth(stored, mesa, K).access).toBe('public');
    const h = publishHealth(stored, admin, K);
    expect(h.incidents).toBe(stored.incidents);
    expect([h.dataUntil, h.lastMonth]).toEqual(['2024-05-20', '2024-05']);
    expect(h.sources.at(-1)).toMatchObject({ incidents: 2, from: '2024-05-20', until: '2024-05-20', withheld: false });
  });

  it('says whether an official file’s last month is complete; nothing of a report source’s last day', () => {
    // ssc ends on 30 September (complete); news ends on 5 November (partly loaded), which the bit would date
    expect(publishHealth(stored, null, K).sources.map((s) => s.last_month_complete)).toEqual([true, null, null, null]);
    // admin: every source (chat ends 2 June, citizen 20 May: both partly loaded)
    expect(publishHealth(stored, admin, K).sources.map((s) => s.last_month_complete)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('endsItsMonth', () => {
  it('knows month lengths, leap years included', () => {
    const ends = ['2016-09-30', '2016-02-29', '2015-02-28', '2016-12-31', '2024-01-31'];
    const notEnds = ['2016-09-25', '2016-02-28', '2016-12-30', '2024-04-29'];
    expect(ends.map(endsItsMonth)).toEqual(ends.map(() => true));
    expect(notEnds.map(endsItsMonth)).toEqual(notEnds.map(() => false));
  });
});
