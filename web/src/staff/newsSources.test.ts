import { describe, expect, it } from 'vitest';
import { describePass, formatRunTime, sourceHealth, type NewsSourceStatus } from './newsSources.ts';

// hand-written rows in the shape GET /api/news/sources answers
const base: NewsSourceStatus = {
  id: 'a',
  outlet: 'A',
  kind: 'feed',
  url: 'https://a.example.org/rss',
  enabled: true,
  configured: true,
  interval_minutes: 60,
  last_run: null,
  last_ok_at: null,
  next_run_at: null,
};
const run = (status: 'ok' | 'failed') => ({
  started_at: '2026-12-05T10:00:00Z',
  finished_at: '2026-12-05T10:01:00Z',
  status,
  reason: null,
  pass_counts: null,
  instance: 'h:1',
});

describe('news sources for admins', () => {
  it('tells removed, disabled, never-run, failed and healthy sources apart, in that precedence', () => {
    expect(sourceHealth({ ...base, configured: false, last_run: run('ok') })).toBe('removed');
    expect(sourceHealth({ ...base, enabled: false, last_run: run('failed') })).toBe('disabled');
    expect(sourceHealth(base)).toBe('never');
    expect(sourceHealth({ ...base, last_run: run('failed') })).toBe('failed');
    expect(sourceHealth({ ...base, last_run: run('ok') })).toBe('ok');
  });

  it('words a pass in Spanish with singular and plural', () => {
    expect(describePass({ articles: 1, incidents: 0, duplicates: 0, errors: 0 })).toBe('1 nota, 0 incidentes');
    expect(describePass({ articles: 12, incidents: 3, duplicates: 2, errors: 1 })).toBe(
      '12 notas, 3 incidentes, 2 duplicadas, 1 error',
    );
    expect(describePass(null)).toBe('—');
  });

  it('shows times in Mexico City (UTC−6, no daylight saving since 2022)', () => {
    expect(formatRunTime('2026-12-05T18:30:00Z')).toContain('12:30');
    expect(formatRunTime(null)).toBe('—');
  });
});
