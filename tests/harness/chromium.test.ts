/** Headless Chromium, found or installed by the global setup, runs pages with WebGL (for the map). */
import { expect, it } from 'vitest';
import { launchBrowser } from './chromium.ts';

it('launches headless Chromium with a throwaway profile, and WebGL 2 works', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.setContent('<!doctype html><title>prueba</title><canvas id="c"></canvas>');
    expect(await page.title()).toBe('prueba');
    const webgl = await page.evaluate(() => {
      const gl = (document.getElementById('c') as HTMLCanvasElement).getContext('webgl2');
      if (!gl) return null;
      // draw something and read it back: proves rendering works, not just context creation
      gl.clearColor(1, 0, 0, 1);
      gl.clear(gl.COLOR_BUFFER_BIT);
      const px = new Uint8Array(4);
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
      return { version: String(gl.getParameter(gl.VERSION)), pixel: [...px] };
    });
    expect(webgl?.version).toMatch(/^WebGL 2\.0/);
    expect(webgl?.pixel).toEqual([255, 0, 0, 255]);
  } finally {
    await browser.close();
  }
});
