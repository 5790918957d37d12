// Hand-written examples of the role rule stated in README (Privacy → Roles).
import { describe, expect, it } from 'vitest';
import { mayOpen, parseStaffHash } from './route.ts';

describe('staff routes', () => {
  it('parses only the two staff hashes', () => {
    expect(parseStaffHash('#moderacion')).toBe('moderacion');
    expect(parseStaffHash('#admin')).toBe('admin');
    expect(parseStaffHash('#comparar')).toBeNull();
    expect(parseStaffHash('')).toBeNull();
  });
  it('lets moderators moderate and only admins administer', () => {
    expect(mayOpen('moderacion', 'moderador')).toBe(true);
    expect(mayOpen('moderacion', 'admin')).toBe(true);
    expect(mayOpen('moderacion', 'mesa')).toBe(false);
    expect(mayOpen('moderacion', null)).toBe(false);
    expect(mayOpen('admin', 'admin')).toBe(true);
    expect(mayOpen('admin', 'moderador')).toBe(false);
    expect(mayOpen('admin', undefined)).toBe(false);
  });
});
