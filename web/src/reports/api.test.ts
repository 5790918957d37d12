import { describe, expect, it } from 'vitest';
import { idempotencyKeyFor } from './api.ts';

describe('idempotencyKeyFor', () => {
  it('reuses the key while the same report is retried, and makes a new one for another report', () => {
    const first = idempotencyKeyFor('{"a":1}');
    expect(first).toMatch(/^[A-Za-z0-9_-]{8,128}$/); // the server's accepted form (server/reports)
    expect(idempotencyKeyFor('{"a":1}')).toBe(first);
    const second = idempotencyKeyFor('{"a":2}');
    expect(second).not.toBe(first);
    // back to the first body after another: a new submission, not a retry
    expect(idempotencyKeyFor('{"a":1}')).not.toBe(first);
  });
});
