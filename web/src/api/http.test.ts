import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, getJson, prefetch } from './http.ts';

/** A 200 whose body stream ends in `error` (an abort mid-body, or a body that is not JSON). */
function okWithBrokenBody(error: Error) {
  return { ok: true, status: 200, json: () => Promise.reject(error) } as unknown as Response;
}

describe('getJson', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reports an abort while the body arrives as the AbortError it is, not as an invalid answer', async () => {
    const controller = new AbortController();
    vi.stubGlobal('fetch', async () => {
      controller.abort();
      return okWithBrokenBody(new DOMException('The user aborted a request.', 'AbortError'));
    });
    await expect(getJson('/api/x', {}, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('still calls a 200 with a body that is not JSON an invalid answer', async () => {
    vi.stubGlobal('fetch', async () => okWithBrokenBody(new SyntaxError('Unexpected token <')));
    const error = await getJson('/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'invalid_json', message: 'Respuesta no válida del servidor' });
  });
});

describe('prefetch', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** A fetch that counts calls per URL and answers `{ url }`. */
  function countingFetch() {
    const calls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      calls.push(url);
      return { ok: true, status: 200, json: async () => ({ url }) } as unknown as Response;
    });
    return calls;
  }

  it('hands a prefetched answer to the first identical request only', async () => {
    const calls = countingFetch();
    const early = prefetch(() => getJson('/api/hotspots', { res: '8', category: 'a,b' }));
    const first = await getJson('/api/hotspots', { res: '8', category: 'a,b' });
    expect(first).toEqual(await early);
    expect(calls).toEqual(['/api/hotspots?res=8&category=a,b']);
    await getJson('/api/hotspots', { res: '8', category: 'a,b' });
    expect(calls).toHaveLength(2);
  });

  it('asks again when the request differs', async () => {
    const calls = countingFetch();
    prefetch(() => getJson('/api/hotspots', { res: '8' }));
    await getJson('/api/hotspots', { res: '7' });
    expect(calls).toEqual(['/api/hotspots?res=8', '/api/hotspots?res=7']);
  });

  it('rejects with an AbortError when the taker aborts while the answer is on its way', async () => {
    let release: (r: Response) => void = () => {};
    vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => (release = resolve)));
    prefetch(() => getJson('/api/health'));
    const controller = new AbortController();
    const taken = getJson('/api/health', {}, controller.signal);
    controller.abort();
    await expect(taken).rejects.toMatchObject({ name: 'AbortError' });
    release({ ok: true, status: 200, json: async () => ({}) } as unknown as Response);
  });
});
