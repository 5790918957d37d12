import { describe, expect, it } from 'vitest';
import { lockoutMessage, parseAccountHash, roleLabel } from './route.ts';

describe('account routes', () => {
  it('parses #entrar and #invitacion=<token>', () => {
    expect(parseAccountHash('#entrar')).toEqual({ view: 'entrar' });
    expect(parseAccountHash('#invitacion=abcDEF0123456789_-xy')).toEqual({
      view: 'invitacion',
      token: 'abcDEF0123456789_-xy',
    });
    expect(parseAccountHash('#invitacion=%zz')).toEqual({ view: 'invitacion', token: '' });
    expect(parseAccountHash('#invitacion=<script>')).toEqual({ view: 'invitacion', token: '' });
    expect(parseAccountHash('#acerca')).toBeNull();
    expect(parseAccountHash('')).toBeNull();
  });

  it('labels roles and says when a locked-out login may try again', () => {
    expect(roleLabel('enlace')).toBe('Enlace policial');
    expect(roleLabel('otro')).toBe('otro');
    expect(lockoutMessage('Demasiados intentos', 900)).toBe(
      'Demasiados intentos. Podrá intentarlo de nuevo en 15 minutos.',
    );
    expect(lockoutMessage('Demasiados intentos', 30)).toBe(
      'Demasiados intentos. Podrá intentarlo de nuevo en 1 minuto.',
    );
    expect(lockoutMessage('Demasiados intentos', null)).toBe('Demasiados intentos');
  });
});
