// Hand-written reports: the filters and cursor moves against values worked out by hand.
import { describe, expect, it } from 'vitest';
import type { ModerationReport } from './api.ts';
import { ageInDays, filterQueue, isPlaced, isTypingTarget, moveCursor } from './queue.ts';

function report(over: Partial<ModerationReport> & { alcaldia?: string | null; precision?: string }): ModerationReport {
  return {
    folio: 'MC-TEST',
    origin: 'form',
    status: 'pending',
    category: 'robo',
    date: '2026-11-30',
    hour: null,
    place: {
      lat: null,
      lon: null,
      precision: over.precision ?? 'alcaldia',
      text: null,
      alcaldia_id: over.alcaldia === undefined ? '09003' : over.alcaldia,
      colonia_id: null,
    },
    description_redacted: 'texto',
    created_at: '2026-12-01T10:00:00Z',
    decided_at: null,
    decided_by: null,
    decision_reason: null,
    incident_id: null,
    ...over,
  };
}

const NOW = new Date('2026-12-04T12:00:00Z');

describe('moderation queue', () => {
  it('counts whole days of age', () => {
    expect(ageInDays('2026-12-01T10:00:00Z', NOW)).toBe(3);
    expect(ageInDays('2026-12-04T11:00:00Z', NOW)).toBe(0);
    expect(ageInDays('not a date', NOW)).toBe(0);
  });

  it('filters by source, alcaldía (or none) and age', () => {
    const a = report({ folio: 'A', origin: 'form' });
    const b = report({ folio: 'B', origin: 'chat', alcaldia: null, precision: 'none' });
    const c = report({ folio: 'C', origin: 'chat', alcaldia: '09007', created_at: '2026-11-20T00:00:00Z' });
    const all = [a, b, c];
    const folios = (f: Parameters<typeof filterQueue>[1]) => filterQueue(all, f, NOW).map((r) => r.folio);
    expect(folios({ origin: '', alcaldia: '', minAgeDays: 0 })).toEqual(['A', 'B', 'C']);
    expect(folios({ origin: 'chat', alcaldia: '', minAgeDays: 0 })).toEqual(['B', 'C']);
    expect(folios({ origin: '', alcaldia: 'none', minAgeDays: 0 })).toEqual(['B']);
    expect(folios({ origin: '', alcaldia: '09007', minAgeDays: 0 })).toEqual(['C']);
    expect(folios({ origin: '', alcaldia: '', minAgeDays: 7 })).toEqual(['C']);
  });

  it('knows an unplaced report', () => {
    expect(isPlaced(report({}))).toBe(true);
    expect(isPlaced(report({ alcaldia: null, precision: 'none' }))).toBe(false);
  });

  it('moves the cursor within the list', () => {
    expect(moveCursor(-1, 1, 3)).toBe(0);
    expect(moveCursor(-1, -1, 3)).toBe(2);
    expect(moveCursor(2, 1, 3)).toBe(2);
    expect(moveCursor(0, -1, 3)).toBe(0);
    expect(moveCursor(0, 1, 0)).toBe(-1);
  });

  it('ignores keys typed in fields', () => {
    expect(isTypingTarget({ tagName: 'INPUT' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'LI' } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
