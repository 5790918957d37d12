import { Writable } from 'node:stream';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors/index.ts';
import { handleError } from '../errors/index.ts';
import { createLogger, requestIdFor, requestLog } from './request-log.ts';

/** A logger writing into an array of parsed JSON lines. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger('info', sink) };
}

function appWith(logger: ReturnType<typeof createLogger>) {
  const app = new Hono();
  app.onError(handleError);
  app.use('*', requestLog(logger));
  app.get('/ok', (c) => c.json({ ok: true }));
  app.get('/bad', () => {
    throw new AppError('invalid_parameter', 'mal');
  });
  app.get('/boom', () => {
    throw new Error('driver detail');
  });
  return app;
}

describe('request log', () => {
  it('sends an X-Request-Id and logs one JSON access line with the same id', async () => {
    const { lines, logger } = capture();
    const res = await appWith(logger).request('/ok?calle=secreta');
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const access = lines.filter((l) => l.msg === 'request');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ level: 30, reqId: id, method: 'GET', path: '/ok', status: 200 });
    // the query string never reaches the log
    expect(JSON.stringify(lines)).not.toContain('secreta');
  });

  it('keeps a proxy id that looks like one, replaces anything else', async () => {
    const { logger } = capture();
    const app = appWith(logger);
    const kept = await app.request('/ok', { headers: { 'X-Request-Id': 'a1b2c3d4e5f6' } });
    expect(kept.headers.get('x-request-id')).toBe('a1b2c3d4e5f6');
    const replaced = await app.request('/ok', { headers: { 'X-Request-Id': 'x\u00e9 "injected"' } });
    expect(replaced.headers.get('x-request-id')).not.toContain('injected');
    expect(requestIdFor('a'.repeat(129))).not.toBe('a'.repeat(129));
  });

  it('keeps the error body shape, with the id header, and logs a 500 at level error with the id', async () => {
    const { lines, logger } = capture();
    const app = appWith(logger);
    const bad = await app.request('/bad');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'invalid_parameter', message: 'Parámetro inválido: mal' } });
    expect(bad.headers.get('x-request-id')).toBeTruthy();
    const boom = await app.request('/boom');
    expect(boom.status).toBe(500);
    expect(await boom.json()).toEqual({ error: { code: 'internal_error', message: 'Error interno' } });
    const id = boom.headers.get('x-request-id');
    const error = lines.find((l) => l.level === 50);
    expect(error).toMatchObject({ reqId: id, path: '/boom' });
    expect(lines.find((l) => l.msg === 'request' && l.reqId === id)).toMatchObject({ status: 500 });
  });
});
