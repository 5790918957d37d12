/**
 * Types of the API's answers, read from the generated contract (`contract.gen.ts`, made from the
 * server's OpenAPI document by `npm run contract`): a screen names the endpoint and gets the shape
 * the server promises, with no interface copied by hand.
 */
import type { paths } from './contract.gen.ts';

type Method = 'get' | 'post';

/** The JSON body of a 200 (or 201) answer of `method path`. */
export type ApiAnswer<P extends keyof paths, M extends Method = 'get'> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: { content: { 'application/json': infer T } } }
    ? T
    : R extends { 201: { content: { 'application/json': infer T } } }
      ? T
      : never
  : never;
