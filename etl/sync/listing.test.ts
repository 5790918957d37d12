/** Discovery on a listing page: hand-made pages in the two shapes the reader accepts. */
import { describe, expect, it } from 'vitest';
import { discoverListedFiles } from './listing.ts';

const page = (body: string, type: string): typeof fetch =>
  (async () => new Response(body, { headers: { 'content-type': type } })) as typeof fetch;

describe('discoverListedFiles', () => {
  it('reads the links of an HTML page, resolved against it, keeping the matching names in order', async () => {
    const html = `<ul>
      <li><a href="archivos/carpetas_2025_02.xlsx">Febrero</a></li>
      <li><a class="x" href='/otra/carpetas_2025_01.xlsx'>Enero</a></li>
      <li><a href="aviso.pdf">Aviso</a></li><li><a href="#arriba">↑</a></li>
      <li><a href="archivos/carpetas%202025_03.xlsx?v=2&amp;d=1">Marzo</a></li></ul>`;
    const files = await discoverListedFiles(
      'https://fgj.example/transparencia/mensual/',
      '\\.xlsx$',
      page(html, 'text/html'),
    );
    expect(files).toEqual([
      {
        name: 'carpetas 2025_03.xlsx',
        url: 'https://fgj.example/transparencia/mensual/archivos/carpetas%202025_03.xlsx?v=2&d=1',
        size: null,
        modified: null,
      },
      {
        name: 'carpetas_2025_01.xlsx',
        url: 'https://fgj.example/otra/carpetas_2025_01.xlsx',
        size: null,
        modified: null,
      },
      {
        name: 'carpetas_2025_02.xlsx',
        url: 'https://fgj.example/transparencia/mensual/archivos/carpetas_2025_02.xlsx',
        size: null,
        modified: null,
      },
    ]);
  });

  it('reads a JSON listing with names, sizes and dates', async () => {
    const json = JSON.stringify({
      files: [
        { name: 'carpetas_2025_01.xlsx', url: 'a/1.xlsx', size: '1234', last_modified: '2025-02-03' },
        { href: 'https://cdn.example/carpetas_2025_02.xlsx' },
        { name: 'leeme.txt', url: 'leeme.txt' },
      ],
    });
    const files = await discoverListedFiles(
      'https://fgj.example/api/lista',
      '^carpetas_',
      page(json, 'application/json'),
    );
    expect(files).toEqual([
      { name: 'carpetas_2025_01.xlsx', url: 'https://fgj.example/api/a/1.xlsx', size: 1234, modified: '2025-02-03' },
      { name: 'carpetas_2025_02.xlsx', url: 'https://cdn.example/carpetas_2025_02.xlsx', size: null, modified: null },
    ]);
  });

  it('an unreachable listing is fetch_failed', async () => {
    const down = (async () => new Response('no', { status: 503 })) as unknown as typeof fetch;
    await expect(discoverListedFiles('https://fgj.example/x', '.', down)).rejects.toMatchObject({
      code: 'fetch_failed',
    });
  });
});
