import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, getJson } from './http.ts';

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
