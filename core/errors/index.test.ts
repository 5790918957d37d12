import { describe, expect, it } from 'vitest';
import { AppError, ERRORS } from './index.ts';

describe('error catalogue', () => {
  it('serialises an AppError as {error: {code, message}} with the catalogue status', () => {
    const e = new AppError('invalid_resolution', 'res=12');
    expect(e.status).toBe(400);
    expect(e.toJSON()).toEqual({
      error: { code: 'invalid_resolution', message: 'Resolución H3 inválida: use 6 a 11: res=12' },
    });
  });
  it('gives every code a 4xx/5xx status and a Spanish message', () => {
    for (const [code, { status, message }] of Object.entries(ERRORS)) {
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(message.length, code).toBeGreaterThan(3);
    }
  });
});
