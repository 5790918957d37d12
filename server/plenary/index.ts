/**
 * Plenary export: `GET /api/plenary/pdf?<agenda>` → the whole slide sequence as
 * one landscape PDF, `GET /api/plenary/png?slide=N&<agenda>` → one slide as PNG. Both are rendered
 * by headless Chromium (renderer.ts) from the web app's own `#plenaria?…` page, so the export and
 * the screen never disagree. No Chromium: 503 `pdf_renderer_unavailable`, saying how to install it.
 *
 * Chromium reads the page from a private loopback listener over this same app plus the built web
 * app (`web/dist`), whether or not the public server mounts it — see renderer.ts.
 *
 * A rendering costs a Chromium page for seconds: the public gets `publicRateLimit` exports per
 * minute per client IP (429 `rate_limited` with Retry-After, counted in the store so that every
 * process shares it); signed-in callers are not limited (they are known and audited).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { AppError } from '../../core/errors/index.ts';
import { parseConfig } from '../../core/config/index.ts';
import { principalOf } from '../auth/index.ts';
import { windowRateLimit } from '../http/rate-limit.ts';
import type { ApiApp } from '../context.ts';
import type { Services } from '../services/types.ts';
import { mountWebApp, WEB_DIST } from '../static/index.ts';
import { parseAgendaQuery, parseSlide } from './agenda.ts';
import { PlenaryRenderer } from './renderer.ts';

export { closePlenaryRenderers, PlenaryRenderer, type PlenaryOptions } from './renderer.ts';
export { CHROMIUM_ARGS, CHROMIUM_CANDIDATES, findChromium } from './chromium.ts';

function rawQueryOf(c: Context): string {
  const url = c.req.url;
  const question = url.indexOf('?');
  return question === -1 ? '' : url.slice(question + 1).split('#')[0];
}

/** The private site Chromium reads: this app's API and the built web app. */
function siteOf(app: ApiApp, webDist: string): Hono {
  const site = new Hono();
  site.all('/api/*', (c) => app.fetch(c.req.raw));
  mountWebApp(site, webDist);
  return site;
}

export function registerPlenary(app: ApiApp, services: Services): PlenaryRenderer {
  const options = services.settings.plenary;
  const webDist = options.webDist ?? WEB_DIST;
  const site = siteOf(app, webDist);
  const renderer = new PlenaryRenderer((request) => site.fetch(request), options);

  const counters = services.repositories.rateLimits;
  app.use(
    '/api/plenary/*',
    windowRateLimit({
      limit: options.publicRateLimit ?? parseConfig(process.env).PLENARY_PUBLIC_RATE_LIMIT,
      windowMs: 60_000,
      count: (ip, start) => counters.countScopedRequest('plenary', ip, start),
      purge: counters.purgeReportWindows,
      what: 'exportaciones de plenaria por minuto sin sesión',
      exempt: (c) => principalOf(c) !== null,
    }),
  );
  const credentials = (c: Context) => ({
    authorization: c.req.header('authorization'),
    cookie: c.req.header('cookie'),
  });
  const checkWebBuild = () => {
    if (!existsSync(join(webDist, 'index.html')))
      throw new AppError('pdf_renderer_unavailable', 'falta compilar la aplicación web (npm run build)');
  };
  const noStore = (c: Context) => {
    // a rendering reflects the caller's access: never shared, never kept in the response cache
    c.set('skipLru', true);
    c.set('cacheControl', 'private, no-store');
  };

  app.get('/api/plenary/pdf', async (c) => {
    const agenda = parseAgendaQuery(rawQueryOf(c), c.req.query());
    checkWebBuild();
    const pdf = await renderer.pdf({ path: `/#plenaria?${agenda.query}&print=1`, ...credentials(c) });
    noStore(c);
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="plenaria-${agenda.month}.pdf"`,
    });
  });

  app.get('/api/plenary/png', async (c) => {
    const agenda = parseAgendaQuery(rawQueryOf(c), c.req.query());
    const slide = parseSlide(c.req.query('slide'));
    checkWebBuild();
    const { png, total } = await renderer.png({
      path: `/#plenaria?${agenda.query}&slide=${slide}&bare=1`,
      ...credentials(c),
    });
    if (slide > total) throw new AppError('invalid_parameter', `slide=${slide}: la sesión tiene ${total} diapositivas`);
    noStore(c);
    return c.body(new Uint8Array(png), 200, {
      'Content-Type': 'image/png',
      'Content-Disposition': `inline; filename="plenaria-${agenda.month}-${slide}.png"`,
    });
  });
  return renderer;
}
