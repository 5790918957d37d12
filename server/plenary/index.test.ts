/**
 * The plenary export without a browser: agenda validation (400s with catalogue codes), and the
 * 503 `pdf_renderer_unavailable` answer when Chromium is missing (an injected path that does not
 * exist) or is not a browser at all. The real rendering is covered by tests/e2e/plenary.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { ERRORS } from '../../core/errors/index.ts';
import { openStore, type Store } from '../../db/connect.ts';
import { createApp } from '../app.ts';
import { createToken } from '../../db/queries/tokens.ts';
import { parseAgendaQuery, parseSlide } from './agenda.ts';
import { CHROMIUM_CANDIDATES, findChromium } from './chromium.ts';
import { closePlenaryRenderers } from './index.ts';
import { parseCookieHeader } from './renderer.ts';

const AGENDA = 'areas=sector:ABASTO-REFORMA&categories=robo_transeunte&month=2016-06&vintage=2016';

describe('plenary export', () => {
  let store: Store;
  let missing: Hono;
  let notABrowser: Hono;

  beforeAll(async () => {
    store = await openStore({ memory: true });
    // no public budget here: these tests send many anonymous exports
    missing = createApp({ store, plenary: { executablePath: '/nonexistent/chromium', publicRateLimit: 0 } });
    // /bin/false exists but exits at once: the launch fails
    notABrowser = createApp({ store, plenary: { executablePath: '/bin/false', publicRateLimit: 0 } });
  });
  afterAll(async () => {
    await closePlenaryRenderers();
    await store?.close();
  });

  it('answers 503 pdf_renderer_unavailable, saying how to install Chromium, when there is none', async () => {
    for (const path of [`/api/plenary/pdf?${AGENDA}`, `/api/plenary/png?slide=2&${AGENDA}`]) {
      const res = await missing.request(path);
      expect(res.status, path).toBe(503);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('pdf_renderer_unavailable');
      expect(body.error.message).toContain('apt-get install chromium');
      expect(body.error.message).toContain('Chromium no está instalado');
      expect(res.headers.get('content-type')).toContain('application/json');
    }
    expect(ERRORS.pdf_renderer_unavailable.status).toBe(503);
  });

  it('answers 503 pdf_renderer_unavailable when the binary is not a working Chromium', async () => {
    const res = await notABrowser.request(`/api/plenary/pdf?${AGENDA}`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('pdf_renderer_unavailable');
    expect(body.error.message).toContain('Chromium no arrancó');
    expect(body.error.message).toContain('apt-get install chromium');
  });

  it('refuses a malformed agenda before starting any browser', async () => {
    const cases: [string, string][] = [
      ['categories=robo_transeunte&month=2016-06', 'invalid_parameter'], // no areas
      ['areas=planeta:X&categories=robo_transeunte&month=2016-06', 'invalid_kind'],
      ['areas=sector:X&categories=no_existe&month=2016-06', 'invalid_category'],
      ['areas=sector:X&month=2016-06', 'invalid_category'],
      ['areas=sector:X&categories=robo_transeunte&month=2016-13', 'invalid_date'],
      ['areas=sector:X&categories=robo_transeunte', 'invalid_date'],
      ['areas=sector:X&categories=robo_transeunte&month=2016-06&vintage=1999', 'invalid_vintage'],
      [`slide=0&${AGENDA}`, 'invalid_parameter'],
    ];
    for (const [query, code] of cases) {
      const route = query.startsWith('slide') ? 'png' : 'pdf';
      const res = await missing.request(`/api/plenary/${route}?${query}`);
      expect(res.status, query).toBe(ERRORS[code as keyof typeof ERRORS].status);
      expect(((await res.json()) as { error: { code: string } }).error.code, query).toBe(code);
    }
  });

  it('gives the public a budget per client IP (429 rate_limited with Retry-After); a signed-in caller is not limited', async () => {
    const budgeted = createApp({ store, plenary: { executablePath: '/nonexistent/chromium', publicRateLimit: 2 } });
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 4; i++) {
      const res = await budgeted.request(`/api/plenary/pdf?${AGENDA}`);
      statuses.push(res.status);
      if (res.status === 429) refused = res;
    }
    // a window may end between two requests (hand-written expectation: at least the 4th in one minute is refused)
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThanOrEqual(2);
    expect(statuses).toContain(429);
    expect(((await refused!.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const token = await createToken(store, { role: 'mesa', name: 'plenaria', territory: ['09002'] });
    for (let i = 0; i < 3; i++)
      expect(
        (await budgeted.request(`/api/plenary/pdf?${AGENDA}`, { headers: { Authorization: `Bearer ${token}` } }))
          .status,
      ).toBe(503);
  });

  it('puts the agenda in canonical form for the page, keeping escaped ids intact', () => {
    const raw = 'areas=colonia:A%2C%20B,sector:X,sector:X&categories=robo_transeunte&month=2016-06';
    const parsed = parseAgendaQuery(raw, Object.fromEntries(new URLSearchParams(raw)));
    expect(parsed).toEqual({
      query: 'areas=colonia:A%2C%20B,sector:X&categories=robo_transeunte&month=2016-06&vintage=2023',
      month: '2016-06',
    });
    expect(parseSlide(undefined)).toBe(1);
    expect(parseSlide('7')).toBe(7);
    expect(() => parseSlide('2.5')).toThrow();
  });

  it('forwards cookies as cookies of this origin only', () => {
    expect(parseCookieHeader('mc_session=abc=; theme=dark', 'http://127.0.0.1:8080')).toEqual([
      { name: 'mc_session', value: 'abc=', url: 'http://127.0.0.1:8080' },
      { name: 'theme', value: 'dark', url: 'http://127.0.0.1:8080' },
    ]);
    expect(parseCookieHeader(undefined, 'http://x')).toEqual([]);
  });

  it('finds Chromium through CHROMIUM_PATH first, then the package paths', () => {
    expect(findChromium(['/nonexistent/a'], {})).toBeNull();
    expect(findChromium(['/nonexistent/a'], { CHROMIUM_PATH: '/bin/false' })).toBe('/bin/false');
    expect(CHROMIUM_CANDIDATES).toContain('/usr/bin/chromium');
  });
});
