/**
 * Opening the store for the server process (`npm start`): the embedded database or DATABASE_URL,
 * and the command channel through which CLI commands reach the store the server holds. Part of the
 * services construction, so the entry point needs no import of `db/` either.
 */
export { openStore, type Store } from '../../db/connect.ts';
export { serveCommandChannel } from '../../db/channel/index.ts';
export { resolveSecret, secretFromEnvValue, SECRET_ENV } from '../../db/secrets.ts';
