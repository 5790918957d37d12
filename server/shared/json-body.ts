/**
 * The one place API handlers read a JSON body. Text that no field can mean and PostgreSQL cannot
 * store — a NUL character (error 22021) or a lone UTF-16 surrogate, both writable in JSON as
 * `\u0000` and `\ud800` — is refused here with 400 `invalid_body`, as server/app.ts refuses control
 * characters in URLs, so every handler's schema sees well-formed text only.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../../core/errors/index.ts';

export interface JsonBodyOptions {
  /** also ask for `Content-Type: application/json` */
  requireJsonType?: boolean;
  /** leave NUL and lone surrogates to the caller: the citizen report form strips them (server/reports/validate.ts) rather than refuse a neighbour's report */
  keepUnstorableText?: boolean;
}

/** The body parsed as JSON. */
export async function readJsonBody(c: Context, opts: JsonBodyOptions = {}): Promise<unknown> {
  if (opts.requireJsonType && !(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    throw new AppError('invalid_body', 'use Content-Type: application/json');
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new AppError('invalid_body', 'JSON inválido');
  }
  const bad = opts.keepUnstorableText ? undefined : unstorableText(body);
  if (bad !== undefined)
    throw new AppError('invalid_body', `${bad}: caracteres no permitidos (NUL o sustituto UTF-16 suelto)`);
  return body;
}

/** `readJsonBody`, then `schema`; its first issues become the detail of `invalid_body`. */
export async function parseJsonBody<T>(c: Context, schema: z.ZodType<T>, opts: JsonBodyOptions = {}): Promise<T> {
  const r = schema.safeParse(await readJsonBody(c, opts));
  if (!r.success)
    throw new AppError(
      'invalid_body',
      r.error.issues
        .map((i) => `${i.path.join('.') || 'cuerpo'}: ${i.message}`)
        .join('; ')
        .slice(0, 300),
    );
  return r.data;
}

/**
 * The path (`a.b.0`) of the first key or string holding NUL or a lone surrogate, else undefined.
 * Walks with an explicit stack: a deeply nested body cannot overflow the call stack.
 */
export function unstorableText(value: unknown): string | undefined {
  const stack: { v: unknown; path: string }[] = [{ v: value, path: 'cuerpo' }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (!isStorable(v)) return path;
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (!isStorable(k)) return path;
        stack.push({ v: child, path: path === 'cuerpo' ? k : `${path}.${k}` });
      }
    }
  }
  return undefined;
}

/** NUL, or a high surrogate not followed by a low one, or a low one not preceded by a high one. */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isStorable(text: string): boolean {
  return !UNSTORABLE.test(text);
}
