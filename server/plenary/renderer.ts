/**
 * The plenary export's renderer: one headless Chromium, launched at the first export and reused,
 * that opens the web app's own `#plenaria?…` page and prints it (PDF) or photographs one slide
 * (PNG). The page is served to Chromium by a private listener on 127.0.0.1 (a random port, started
 * with the browser) over the same app: the export never depends on the Host header, a proxy or
 * TLS in front of the server, and a forged Host cannot point the browser anywhere else. The page says when it is done through `window.__plenaryReady`
 * (every slide's data loaded and every map drawn). At most `concurrency` pages render at once;
 * up to `maxQueue` more wait; beyond that the answer is 503 `pdf_renderer_busy`.
 *
 * The caller's Authorization and Cookie headers are forwarded to the page's requests to this
 * origin only, so the PDF shows exactly what the caller may see (the privacy policy applies to
 * the page's API calls unchanged).
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Browser, BrowserContext } from 'playwright-core';
import { AppError } from '../../core/errors/index.ts';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, findChromium } from './chromium.ts';

/** Answers the private listener's requests: the API and the built web app. */
export type SiteFetch = (request: Request) => Response | Promise<Response>;

export interface RendererOptions {
  /** Chromium binary; undefined: `findChromium()`; null: none (the export answers 503) */
  executablePath?: string | null;
  /** pages rendered at once (1–2 on a small server) */
  concurrency?: number;
  /** requests waiting beyond `concurrency` before 503 pdf_renderer_busy */
  maxQueue?: number;
  /** per render, from page open to bytes */
  timeoutMs?: number;
  /** the browser is closed after this long without renders (it holds ~200 MB); the next export relaunches it */
  idleMs?: number;
}

/** The plenary export's settings (createApp's `plenary` option). */
export interface PlenaryOptions extends RendererOptions {
  /** the built web app the renderer serves to Chromium (default web/dist) */
  webDist?: string;
  /** PDF/PNG exports per minute per client IP for the public (default env PLENARY_PUBLIC_RATE_LIMIT or 3; 0 = off) */
  publicRateLimit?: number;
}

export interface RenderRequest {
  /** the page to open, as a path on the site (`/#plenaria?…`) */
  path: string;
  /** the caller's credentials, forwarded to the site only */
  authorization?: string;
  cookie?: string;
}

/** A4 landscape at 96 dpi, the print layout's page (the PNG uses a 16:9 screen). */
const PDF_VIEWPORT = { width: 1123, height: 794 };
const PNG_VIEWPORT = { width: 1600, height: 900 };

/** Every renderer made, so the server can close their browsers on shutdown. */
const live = new Set<PlenaryRenderer>();

export async function closePlenaryRenderers(): Promise<void> {
  await Promise.all([...live].map((r) => r.close()));
}

/** Cookie header → cookies for the page's origin (cookie jars, not headers, are what pages send). */
export function parseCookieHeader(
  header: string | undefined,
  origin: string,
): { name: string; value: string; url: string }[] {
  if (!header) return [];
  return header
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.includes('='))
    .map((part) => {
      const eq = part.indexOf('=');
      return { name: part.slice(0, eq).trim(), value: part.slice(eq + 1).trim(), url: origin };
    })
    .filter((c) => c.name.length > 0);
}

export class PlenaryRenderer {
  private browser: Promise<Browser> | null = null;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly maxQueue: number;
  private readonly timeoutMs: number;
  private readonly idleMs: number;
  private idleTimer: NodeJS.Timeout | undefined;

  private site: Promise<{ origin: string; close(): void }> | null = null;

  constructor(
    private readonly fetchSite: SiteFetch,
    private readonly options: RendererOptions = {},
  ) {
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.maxQueue = Math.max(0, options.maxQueue ?? 6);
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.idleMs = options.idleMs ?? 120_000;
    live.add(this);
  }

  /** The Chromium this renderer would use, or null (→ 503 pdf_renderer_unavailable). */
  executablePath(): string | null {
    const path = this.options.executablePath === undefined ? findChromium() : this.options.executablePath;
    return path && existsSync(path) ? path : null;
  }

  pdf(request: RenderRequest): Promise<Buffer> {
    return this.withPage(request, PDF_VIEWPORT, async (context) => {
      const page = context.pages()[0];
      return page.pdf({ landscape: true, printBackground: true, preferCSSPageSize: true, format: 'A4' });
    });
  }

  /** A screenshot of the page as opened (one slide, `bare=1`); the page's slide count comes back too. */
  png(request: RenderRequest): Promise<{ png: Buffer; total: number }> {
    return this.withPage(request, PNG_VIEWPORT, async (context) => {
      const page = context.pages()[0];
      const total = Number(await page.getAttribute('[data-testid="plenary"]', 'data-total'));
      return { png: await page.screenshot({ type: 'png' }), total };
    });
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    live.delete(this);
    await this.shutDownBrowser();
  }

  /** The private loopback listener, started at the first export; unref'd so it never holds the process. */
  private listen(): Promise<{ origin: string; close(): void }> {
    this.site ??= new Promise((resolve, reject) => {
      const server = serve({ fetch: this.fetchSite, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        server.unref();
        resolve({
          origin: `http://127.0.0.1:${info.port}`,
          close: () => {
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
            server.close();
          },
        });
      });
      server.once('error', (error) => {
        this.site = null;
        reject(error);
      });
    });
    return this.site;
  }

  private launch(): Promise<Browser> {
    const executablePath = this.executablePath();
    if (!executablePath) return Promise.reject(new AppError('pdf_renderer_unavailable', CHROMIUM_INSTALL_HINT));
    if (!this.browser) {
      const launching = import('playwright-core').then(({ chromium }) =>
        chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] }),
      );
      this.browser = launching.then(
        (browser) => {
          // a crashed browser is replaced at the next export
          browser.on('disconnected', () => {
            if (this.browser === launching) this.browser = null;
          });
          return browser;
        },
        (error: Error) => {
          this.browser = null;
          throw new AppError(
            'pdf_renderer_unavailable',
            `Chromium no arrancó (${error.message.split('\n')[0].slice(0, 200)}); reinstálelo con \`apt-get install chromium\` o defina CHROMIUM_PATH`,
          );
        },
      );
    }
    return this.browser;
  }

  private async acquire(): Promise<void> {
    clearTimeout(this.idleTimer);
    if (this.running < this.concurrency) {
      this.running++;
      return;
    }
    if (this.waiting.length >= this.maxQueue) throw new AppError('pdf_renderer_busy');
    // the slot is handed over by release(): running stays counted
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
    if (this.running === 0) {
      this.idleTimer = setTimeout(() => {
        if (this.running === 0) void this.shutDownBrowser();
      }, this.idleMs);
      this.idleTimer.unref();
    }
  }

  /** Closes the browser and the private listener but keeps the renderer usable (it relaunches on demand). */
  private async shutDownBrowser(): Promise<void> {
    const pending = this.browser;
    const site = this.site;
    this.browser = null;
    this.site = null;
    if (pending) await pending.then((b) => b.close()).catch(() => {});
    if (site) await site.then((s) => s.close()).catch(() => {});
  }

  private async withPage<T>(
    request: RenderRequest,
    viewport: { width: number; height: number },
    work: (context: BrowserContext) => Promise<T>,
  ): Promise<T> {
    // no browser: say so at once, without queueing
    if (!this.executablePath()) throw new AppError('pdf_renderer_unavailable', CHROMIUM_INSTALL_HINT);
    await this.acquire();
    let context: BrowserContext | undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      const [browser, site] = await Promise.all([this.launch(), this.listen()]);
      const origin = site.origin;
      context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
      const opened = context;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new AppError('pdf_render_timeout', `más de ${Math.round(this.timeoutMs / 1000)} s`)),
          this.timeoutMs,
        );
      });
      const render = async () => {
        await opened.addCookies(parseCookieHeader(request.cookie, origin));
        if (request.authorization) {
          const authorization = request.authorization;
          await opened.route(
            (url) => url.origin === origin,
            (route) => route.continue({ headers: { ...route.request().headers(), authorization } }),
          );
        }
        const page = await opened.newPage();
        await page.goto(`${origin}${request.path}`, { waitUntil: 'load' });
        await page.waitForFunction(
          () => (window as unknown as { __plenaryReady?: boolean }).__plenaryReady === true,
          undefined,
          {
            timeout: this.timeoutMs,
            polling: 200,
          },
        );
        return work(opened);
      };
      return await Promise.race([render(), timeout]);
    } catch (error) {
      if (error instanceof AppError) throw error;
      if ((error as Error).name === 'TimeoutError') throw new AppError('pdf_render_timeout');
      throw error;
    } finally {
      clearTimeout(timer);
      await context?.close().catch(() => {});
      this.release();
    }
  }
}
