/**
 * The types a route sees: the Hono app with the request variables the shared middleware sets
 * (response cache, authentication), and the one shape of a feature's registration.
 */
import type { Hono } from 'hono';
import type { AuthEnv } from './auth/index.ts';
import type { CacheEnv } from './cache/index.ts';
import type { ClientEnv } from './http/client.ts';
import type { RequestLogEnv } from './http/request-log.ts';
import type { Services } from './services/types.ts';

export type ApiEnv = {
  Variables: CacheEnv['Variables'] & AuthEnv['Variables'] & ClientEnv['Variables'] & RequestLogEnv['Variables'];
};
export type ApiApp = Hono<ApiEnv>;

/** Every feature registers its routes this way. */
export type Register = (app: ApiApp, services: Services) => void;
