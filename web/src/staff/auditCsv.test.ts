// Hand-written audit entries; the expected CSV is written out by hand (quotes doubled per RFC 4180).
import { describe, expect, it } from 'vitest';
import type { AuditItem } from './api.ts';
import { auditCsv, filterAudit } from './auditCsv.ts';

const item = (over: Partial<AuditItem>): AuditItem => ({
  id: '1',
  at: '2026-12-04T10:00:00.000Z',
  subject: 'user:1',
  role: 'mesa',
  name: 'Ana',
  kind: 'view',
  method: 'GET',
  path: '/api/semaforo',
  query: 'kind=sector&ids=A,B',
  status: 200,
  area_ids: ['A', 'B'],
  ...over,
});

describe('audit CSV', () => {
  it('writes a header and quotes fields with commas and quotes', () => {
    const csv = auditCsv([item({ name: 'Ana "la jefa"' })]);
    expect(csv).toBe(
      'at,subject,role,name,kind,method,path,query,status,area_ids\n' +
        '2026-12-04T10:00:00.000Z,user:1,mesa,"Ana ""la jefa""",view,GET,/api/semaforo,"kind=sector&ids=A,B",200,A B\n',
    );
  });
  it('filters by path and status class', () => {
    const items = [item({ id: '1' }), item({ id: '2', path: '/api/export/rank.csv', status: 403 })];
    expect(filterAudit(items, 'export', '').map((i) => i.id)).toEqual(['2']);
    expect(filterAudit(items, '', '2').map((i) => i.id)).toEqual(['1']);
    expect(filterAudit(items, '', '').length).toBe(2);
  });
});
