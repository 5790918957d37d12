/**
 * Headless Debian Chromium for browser tests, driven by playwright-core (which ships no browser).
 * Global setup calls `ensureChromium()` (installing the Debian package with apt-get when missing)
 * and hands the result to test files, which call `launchBrowser()`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { ChromiumInfo } from './context.ts';
// one list of Chromium paths and flags, shared with the server's plenary export (PDF/PNG)
import { CHROMIUM_ARGS, CHROMIUM_CANDIDATES as CANDIDATES, findChromium } from '../../server/plenary/chromium.ts';

export { CHROMIUM_ARGS, findChromium };

/** The Chromium binary, installed with apt-get (as root) when missing. Throws when impossible. */
export function ensureChromium(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): string {
  const found = findChromium();
  if (found) return found;
  if (process.getuid?.() !== 0) {
    throw new Error(
      'Chromium is not installed and the tests are not running as root, so it cannot be installed here: ' +
        'run `sudo apt-get install -y chromium` (Debian) and try again.',
    );
  }
  log('[harness] Chromium is missing: installing the Debian package with apt-get (this takes a minute)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    const r = spawnSync('apt-get', args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.error || r.status !== 0) {
      const why = r.error?.message ?? r.stderr.trim().split('\n').slice(-5).join('\n');
      throw new Error(`Could not install Chromium (apt-get ${args.join(' ')} failed): ${why}`);
    }
  }
  const installed = findChromium();
  if (!installed) throw new Error(`apt-get installed chromium but none of ${CANDIDATES.join(', ')} exists`);
  return installed;
}

/** ensureChromium() that reports failure as data, for the global setup to pass on. */
export function chromiumInfo(): ChromiumInfo {
  try {
    return { executablePath: ensureChromium(), error: null };
  } catch (err) {
    return { executablePath: null, error: (err as Error).message };
  }
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /**
   * A new tab of `width` × `height` whose uncaught page errors (with their stack, to find the line)
   * are pushed to `errors`: every browser test ends by expecting that list empty.
   */
  newPage(size: { width: number; height: number }, errors: string[]): Promise<Page>;
  /** closes the browser and removes its throwaway profile. */
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with a throwaway profile. playwright-core takes the profile folder
 * through `launchPersistentContext` (it rejects `--user-data-dir` in args).
 * `executablePath` defaults to what global setup found (via inject) or a system Chromium.
 */
export async function launchBrowser(executablePath?: string): Promise<LaunchedBrowser> {
  const path = executablePath ?? (await injectedChromium()) ?? findChromium();
  if (!path) throw new Error(`No Chromium for the browser tests: ${(await injectedError()) ?? 'not installed'}`);
  const profile = mkdtempSync(join(tmpdir(), 'mapa-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: path,
      headless: true,
      args: [...CHROMIUM_ARGS],
    });
    return {
      context,
      async newPage(size, errors) {
        const page = await context.newPage();
        await page.setViewportSize(size);
        page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
        return page;
      },
      async close() {
        try {
          await context.close();
        } finally {
          rmSync(profile, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    rmSync(profile, { recursive: true, force: true });
    throw err;
  }
}

async function injected(): Promise<ChromiumInfo | undefined> {
  try {
    const { inject } = await import('vitest');
    return inject('harness:chromium');
  } catch {
    return undefined; // not inside a vitest worker
  }
}

async function injectedChromium() {
  return (await injected())?.executablePath ?? undefined;
}

async function injectedError() {
  return (await injected())?.error ?? undefined;
}

/**
 * Signs in through the app's own login page (`#entrar`) as a person would, and waits for the reload
 * that follows a successful login.
 */
export async function loginThroughPage(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/#entrar`);
  await page.locator('[data-testid="login-page"]').waitFor({ timeout: 60_000 });
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.click('button[type="submit"]')]);
}
