import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors/index.ts';
import { parseNewsConfig } from './index.ts';

describe('parseNewsConfig', () => {
  it('fills in polite defaults: 1 s per host, schedule off', () => {
    const config = parseNewsConfig({
      sources: [{ id: 'latinus-mexico', outlet: 'Latinus', kind: 'listing', url: 'https://latinus.us/mexico/' }],
    });
    expect(config.fetch.delayMs).toBe(1000);
    expect(config.schedule).toEqual({ enabled: false, intervalMinutes: 60 });
    expect(config.sources[0]).toMatchObject({ enabled: true, maxArticles: 50 });
  });

  it('rejects bad fields with the field named', () => {
    const bad = [
      [{ sources: [{ id: 'Mal Id', outlet: 'x', kind: 'feed', url: 'https://x.mx/feed' }] }, 'sources.0.id'],
      [{ sources: [{ id: 'a', outlet: 'x', kind: 'feed', url: 'ftp://x.mx/feed' }] }, 'sources.0.url'],
      [{ sources: [{ id: 'a', outlet: 'x', kind: 'podcast', url: 'https://x.mx/' }] }, 'sources.0.kind'],
      [{ sources: [], fetch: { delayMs: -5 } }, 'fetch.delayMs'],
      [
        {
          sources: [
            { id: 'a', outlet: 'x', kind: 'feed', url: 'https://x.mx/a' },
            { id: 'a', outlet: 'y', kind: 'feed', url: 'https://x.mx/b' },
          ],
        },
        'repetidos',
      ],
      [{}, 'sources'],
    ] as const;
    for (const [value, needle] of bad) {
      let err: unknown;
      try {
        parseNewsConfig(value);
      } catch (e) {
        err = e;
      }
      expect(err, needle).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('invalid_body');
      expect((err as AppError).message).toContain(needle);
    }
  });
});
