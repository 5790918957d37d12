/**
 * `npm run etl -- <command> …`: a thin command router over the ETL.
 *
 *   import FILE --format ssc_points|fgj_victimas|fgj_victimas_cdmx|fgj_carpetas   one official export
 *   import-bundled                                              the areas and the bundled crime files
 *   sync [--config FILE] [--from-dir DIR]                       the open-data portal's newest files (etl/sync)
 *
 * The store comes from the environment (`DATABASE_URL`, else PGlite in `DATA_DIR`, default ./var).
 * When a running server holds that PGlite folder, the command is sent to it over the command channel
 * (`db/channel`) and runs there. Prints the result (the import report) as JSON on stdout, progress on
 * stderr. Exit codes: 0 ok, 1 failure, 2 usage error (message on stderr).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../core/errors/index.ts';
import { ConfigError, describeConfig, parseConfig } from '../core/config/index.ts';
import { openStore, type Store } from '../db/connect.ts';
import { rebuildAggregates } from '../db/incidents/writer.ts';
import { sendCommand, type CommandIO } from '../db/channel/index.ts';
import { importBundledData, stderrBundledProgress } from '../etl/bundled.ts';
import { FORMAT_IDS, importOfficialFile, isFormatId, terminalProgress } from '../etl/official/index.ts';
import { runExtractCommand } from '../etl/news/extract/command.ts';
import { runNewsOnce, runSucceeded } from '../etl/news/pipeline/index.ts';
import { loadSourcesFile, runSync, syncSucceeded } from '../etl/sync/index.ts';
import { CARPETAS_SOURCE, retractSupersededVictimas, VICTIMAS_SOURCES } from '../etl/sync/reconcile.ts';
import { loadNewsConfig } from '../etl/news/sources/index.ts';
import { createToken, isRole, ROLES } from '../db/queries/tokens.ts';
import { resolveTerritory, territoryProblems } from '../reference/boundaries/territory.ts';
import { importChat } from '../etl/chat/index.ts';
import { runTokenRevoke, runUserCommand, withPasswordFromStdin } from './accounts/index.ts';
import { Printed, UsageError } from './outcomes.ts';
import { useTransitFrom } from '../reference/transit/index.ts';

const USAGE = `uso:
  npm run etl -- import ARCHIVO --format ${FORMAT_IDS.join('|')}
  npm run etl -- import-bundled
  npm run etl -- extract ARCHIVO_O_URL
  npm run etl -- news --once [--feed URL] [--config ARCHIVO]
  npm run etl -- sync [--config ARCHIVO] [--from-dir DIRECTORIO]
  npm run etl -- import-chat ARCHIVO   (exportación de WhatsApp .txt o Telegram .json)
  npm run cli -- token create --role ${ROLES.join('|')} --name NOMBRE [--territory ID,…]   (alcaldías por cvegeo, sectores como 2016:NOMBRE o 2023:NOMBRE)
  npm run --silent cli -- user create --email CORREO --role ${ROLES.join('|')} [--name NOMBRE] [--territory ID,…]   (contraseña por stdin)
  npm run --silent cli -- token revoke ID|TOKEN
  npm run --silent cli -- config   (la configuración resuelta del entorno, formato .env)
  npm run cli -- aggregates rebuild   (recalcula los agregados mensuales desde los incidentes)
`;

export { Printed, UsageError } from './outcomes.ts';

export interface CommandContext {
  store: () => Promise<Store>;
  io: CommandIO;
}
type Command = (args: string[], ctx: CommandContext) => Promise<unknown>;

const sink = (io: CommandIO, isTTY: boolean) => ({ write: (s: string) => io.stderr(s), isTTY });

/** Commands by name; other helpers may add theirs (the result is printed as JSON). */
export const COMMANDS: Record<string, Command> = {
  /** `user create …` (cli/accounts; the password comes from stdin, hashed by `main` before dispatch) */
  user: (args, ctx) => runUserCommand(args, ctx),
  async import(args, { store, io }) {
    const { values, positionals } = parseArgs({
      args,
      options: { format: { type: 'string', short: 'f' } },
      allowPositionals: true,
    });
    if (positionals.length !== 1) throw new UsageError('import: indique un archivo');
    const format = values.format;
    if (!format || !isFormatId(format)) throw new UsageError(`import: --format debe ser ${FORMAT_IDS.join(', ')}`);
    const file = resolve(positionals[0]);
    if (!existsSync(file)) throw new UsageError(`import: no existe el archivo ${file}`);
    const target = await store();
    const report = await importOfficialFile(target, file, { format, progress: terminalProgress(sink(io, ttyOf(io))) });
    if (format !== CARPETAS_SOURCE && !VICTIMAS_SOURCES.includes(format)) return report;
    // a hand import of either FGJ file: each month still counts one FGJ source (etl/sync/reconcile.ts)
    return { ...report, superseded: await retractSupersededVictimas(target) };
  },
  async 'import-bundled'(args, { store, io }) {
    if (args.length) throw new UsageError('import-bundled: no lleva argumentos');
    return importBundledData(await store(), { progress: stderrBundledProgress(sink(io, ttyOf(io))) });
  },
  async extract(args, { io }) {
    if (args.length > 1) throw new UsageError('extract: indique un solo archivo o URL');
    return new Printed(await runExtractCommand(args[0], io));
  },
  async news(args, { store, io }) {
    const { values, positionals } = parseArgs({
      args,
      options: { once: { type: 'boolean' }, feed: { type: 'string' }, config: { type: 'string' } },
      allowPositionals: false,
    });
    if (positionals.length) throw new UsageError('news: argumentos de más');
    if (!values.once) throw new UsageError('news: use --once (la ejecución periódica la hace npm start)');
    if (values.feed !== undefined && !/^https?:\/\/[^/\s]+/i.test(values.feed))
      throw new UsageError(`news: --feed debe ser una URL http(s): ${values.feed}`);
    const config = values.config ? loadNewsConfig(resolve(values.config)) : undefined;
    const summary = await runNewsOnce(await store(), {
      dataDir: parseConfig(process.env).DATA_DIR,
      feedUrl: values.feed,
      config,
      log: (line) => io.stderr(line),
    });
    io.stdout(`${JSON.stringify(summary)}\n`);
    // A scheduled job must tell a failed run from a good one: any failed source is exit 1.
    return new Printed(runSucceeded(summary) ? 0 : 1);
  },
  /** The open-data sync (etl/sync): JSON summary on stdout, exit 1 when a source failed. */
  async sync(args, { store, io }) {
    const { values, positionals } = parseArgs({
      args,
      options: { config: { type: 'string' }, 'from-dir': { type: 'string' } },
      allowPositionals: false,
    });
    if (positionals.length) throw new UsageError('sync: argumentos de más');
    const fromDir = values['from-dir'] ? resolve(values['from-dir']) : undefined;
    if (fromDir && !existsSync(fromDir)) throw new UsageError(`sync: no existe el directorio ${fromDir}`);
    const summary = await runSync(await store(), {
      dataDir: parseConfig(process.env).DATA_DIR,
      config: values.config ? loadSourcesFile(resolve(values.config)) : undefined,
      fromDir,
      log: (line) => io.stderr(line),
    });
    io.stdout(`${JSON.stringify(summary)}\n`);
    return new Printed(syncSucceeded(summary) ? 0 : 1);
  },
  /** A WhatsApp/Telegram export → incident messages queued for moderation (etl/chat); prints the JSON report. */
  async 'import-chat'(args, { store }) {
    if (args.length !== 1) throw new UsageError('import-chat: indique un archivo');
    const file = resolve(args[0]!);
    if (!existsSync(file)) throw new UsageError(`import-chat: no existe el archivo ${file}`);
    return importChat(await store(), file, { dataDir: parseConfig(process.env).DATA_DIR });
  },
  /** `token create`: prints ONE line holding only the new token; the store keeps only its SHA-256. */
  async token(args, { store, io }) {
    if (args[0] === 'revoke') return runTokenRevoke(args.slice(1), { store, io });
    const { values, positionals } = parseArgs({
      args,
      options: { role: { type: 'string' }, name: { type: 'string' }, territory: { type: 'string' } },
      allowPositionals: true,
    });
    if (positionals.length !== 1 || positionals[0] !== 'create') throw new UsageError('token: use "token create"');
    if (!values.role || !isRole(values.role))
      throw new UsageError(`token: rol desconocido "${values.role ?? ''}" (use ${ROLES.join(', ')})`);
    const name = values.name?.trim();
    if (!name) throw new UsageError('token: falta --name');
    const resolved = resolveTerritory(
      (values.territory ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );
    const problems = territoryProblems(resolved);
    if (problems) throw new AppError('unknown_territory', problems);
    const territory = resolved.territory;
    const s = await store();
    const token = await createToken(s, { role: values.role, name, territory });
    io.stdout(`${token}\n`);
    return new Printed(0);
  },
  /** `aggregates rebuild`: the monthly aggregates recomputed from the incidents (db/incidents/aggregates.ts). */
  async aggregates(args, { store }) {
    if (args.length !== 1 || args[0] !== 'rebuild') throw new UsageError('aggregates: use "aggregates rebuild"');
    return rebuildAggregates(await store());
  },
  /** `config`: every setting as this process resolves it from the environment, `.env` style, secrets masked. */
  async config(args, { io }) {
    if (args.length) throw new UsageError('config: no lleva argumentos');
    for (const [name, value] of describeConfig(parseConfig(process.env))) io.stdout(`${name}=${value}\n`);
    return new Printed(0);
  },
};

/** Commands that never touch the store: they run in this process, not in a server holding DATA_DIR. */
const LOCAL_COMMANDS: ReadonlySet<string> = new Set(['config', 'extract']);

const processIO: CommandIO = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };
const ttyOf = (io: CommandIO) => io === processIO && Boolean(process.stderr.isTTY);

/**
 * Runs one command against a store (the server calls this for commands sent over the channel).
 * Returns the exit code; output goes through `io`.
 */
export async function runCommand(
  argv: string[],
  opts: { store: Store | (() => Promise<Store>); io?: CommandIO },
): Promise<number> {
  const io = opts.io ?? processIO;
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  const store = typeof opts.store === 'function' ? opts.store : async () => opts.store as Store;
  try {
    if (!command) throw new UsageError(name ? `orden desconocida: ${name}` : 'falta la orden');
    const result = await command(args, { store, io });
    if (result instanceof Printed) return result.exitCode;
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string })?.code?.startsWith?.('ERR_PARSE_ARGS')) {
      io.stderr(`${(err as Error).message}\n${USAGE}`);
      return 2;
    }
    if (err instanceof ConfigError) {
      io.stderr(`${err.message}\n`);
      return 2;
    }
    if (err instanceof AppError) {
      io.stderr(`${JSON.stringify(err.toJSON())}\n`);
      return err.status < 500 ? 2 : 1;
    }
    io.stderr(`error: ${(err as Error)?.message ?? err}\n`);
    return 1;
  }
}

/** Relative file arguments become absolute, so that a server with another working directory finds them. */
function absoluteArgs(argv: string[]): string[] {
  return argv.map((a, i) =>
    i > 0 && !a.startsWith('-') && argv[i - 1] !== '--format' && argv[i - 1] !== '-f' && existsSync(a) ? resolve(a) : a,
  );
}

export async function main(argv: string[]): Promise<number> {
  try {
    // before any dispatch: a password on stdin becomes its hash, so it never travels (cli/accounts)
    argv = await withPasswordFromStdin(argv, process.stdin, processIO);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    processIO.stderr(`${err.message}\n${USAGE}`);
    return 2;
  }
  let config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    processIO.stderr(`${err.message}\n`);
    return 2;
  }
  const { DATABASE_URL: databaseUrl, DATA_DIR: dataDir } = config;
  // commands that geocode read the newest synced transit network, as the server does
  useTransitFrom(dataDir);
  if (!databaseUrl && !LOCAL_COMMANDS.has(argv[0] ?? '')) {
    const viaServer = await sendCommand(dataDir, absoluteArgs(argv), processIO);
    if (viaServer !== null) return viaServer;
  }
  let opened: Store | undefined;
  try {
    return await runCommand(argv, {
      store: async () => (opened ??= await openStore(databaseUrl ? { databaseUrl } : { dataDir })),
      io: processIO,
    });
  } finally {
    await opened?.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = await main(process.argv.slice(2));
}
