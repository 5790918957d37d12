/**
 * Where headless Chromium lives and how to start it in a container. Shared by the server's
 * plenary export (PDF/PNG) and the browser tests' harness (tests/harness/chromium.ts imports
 * this; the server never imports tests/). playwright-core drives it and ships no browser itself.
 */
import { parseConfig } from '../../core/config/index.ts';
import { existsSync } from 'node:fs';

/** Debian's and Ubuntu's package paths; `CHROMIUM_PATH` (env) goes first when set. */
export const CHROMIUM_CANDIDATES: readonly string[] = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** What to tell an operator whose server has no Chromium. */
export const CHROMIUM_INSTALL_HINT =
  'Chromium no está instalado: instálelo con `apt-get install chromium` (Debian/Ubuntu) o defina CHROMIUM_PATH con la ruta del navegador';

/**
 * Flags that make headless Chromium work in a container: no sandbox (we may run as root), software
 * WebGL (SwiftShader) instead of a GPU, and no network chatter of its own.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The first existing candidate (CHROMIUM_PATH first), or null. */
export function findChromium(
  candidates: readonly string[] = CHROMIUM_CANDIDATES,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  const configured = parseConfig(env).CHROMIUM_PATH;
  const all = configured ? [configured, ...candidates] : candidates;
  return all.find((p) => existsSync(p)) ?? null;
}
