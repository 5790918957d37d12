/**
 * Account commands of `npm run cli`:
 *
 *   user create --email E --role R [--name N] [--territory ID,…]   password on stdin (one line)
 *   token revoke ID|TOKEN                                           the token stops working at once
 *
 * The password never appears in argv (where `ps` and shell history would show it): the client
 * process reads it from stdin and replaces it by its scrypt hash (`--password-hash`) before the
 * command runs — here, or in the running server over the command channel (db/channel relays argv
 * only). The plain password never leaves the process that read it.
 */
import { parseArgs } from 'node:util';
import type { CommandIO } from '../../db/channel/index.ts';
import type { Store } from '../../db/connect.ts';
import { createUser, normaliseEmail, revokeToken, userByEmail } from '../../db/queries/accounts.ts';
import { resolveTerritory, territoryProblems } from '../../reference/boundaries/territory.ts';
import { hashPassword, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS } from '../../db/queries/password.ts';
import { isRole, ROLES } from '../../db/queries/tokens.ts';
import { AppError } from '../../core/errors/index.ts';
import { Printed, UsageError } from '../outcomes.ts';

interface Ctx {
  store: () => Promise<Store>;
  io: CommandIO;
}

const USER_OPTIONS = {
  email: { type: 'string' },
  role: { type: 'string' },
  name: { type: 'string' },
  territory: { type: 'string' },
  'password-hash': { type: 'string' },
} as const;

/** Reads the first line of `input` (stdin), without its line ending. */
export async function readFirstLine(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += chunk.toString();
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0];
}

/**
 * For `user create` without `--password-hash`: reads the password from `input` and returns argv
 * with its hash appended. Other commands pass through unchanged. Throws UsageError for a short password.
 */
export async function withPasswordFromStdin(
  argv: string[],
  input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
  io?: CommandIO,
): Promise<string[]> {
  if (
    argv[0] !== 'user' ||
    argv[1] !== 'create' ||
    argv.some((a) => a === '--password-hash' || a.startsWith('--password-hash='))
  )
    return argv;
  if (input.isTTY) io?.stderr('Contraseña (se lee de stdin; mínimo 10 caracteres): ');
  const password = await readFirstLine(input);
  if (password.length < MIN_PASSWORD_CHARS || password.length > MAX_PASSWORD_CHARS) {
    throw new UsageError(
      `user create: la contraseña (stdin) debe tener de ${MIN_PASSWORD_CHARS} a ${MAX_PASSWORD_CHARS} caracteres`,
    );
  }
  return [...argv, '--password-hash', await hashPassword(password)];
}

/** `user create …` (with `--password-hash`, as `withPasswordFromStdin` leaves it): prints the new user as JSON. */
export async function runUserCommand(args: string[], { store }: Ctx): Promise<unknown> {
  const { values, positionals } = parseArgs({ args, options: USER_OPTIONS, allowPositionals: true });
  if (positionals.length !== 1 || positionals[0] !== 'create') throw new UsageError('user: use "user create"');
  const email = normaliseEmail(values.email ?? '');
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254)
    throw new UsageError(`user: --email inválido "${values.email ?? ''}"`);
  if (!values.role || !isRole(values.role))
    throw new UsageError(`user: rol desconocido "${values.role ?? ''}" (use ${ROLES.join(', ')})`);
  const hash = values['password-hash'];
  if (!hash || !hash.startsWith('scrypt$')) throw new UsageError('user: la contraseña se lee de stdin');
  const resolved = resolveTerritory(
    (values.territory ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  const territory = resolved.territory;
  const scoped = values.role === 'mesa' || values.role === 'enlace';
  if (scoped !== resolved.territory.length + resolved.unknown.length + resolved.ambiguous.length > 0)
    throw new UsageError('user: mesa y enlace llevan --territory; los demás roles no');
  const problems = territoryProblems(resolved);
  if (problems) throw new AppError('unknown_territory', problems);
  const s = await store();
  if (await userByEmail(s, email)) throw new AppError('account_exists', email);
  // the hash was made from stdin by the client process: stored as given
  const user = await createUser(s, {
    email,
    role: values.role,
    name: values.name?.trim() || email,
    territory,
    passwordHash: hash,
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, territory: user.territory };
}

/**
 * `token revoke ID|TOKEN` (the id in table api_tokens, or the token itself — `token create` prints
 * only the token): exit 0 and `{"revoked":true}`; an unknown or already revoked one → 404 not_found (exit 2).
 */
export async function runTokenRevoke(args: string[], { store, io }: Ctx): Promise<unknown> {
  const arg = args.length === 1 ? args[0] : '';
  const which = /^\d{1,9}$/.test(arg)
    ? { id: Number(arg) }
    : /^mc_[A-Za-z0-9_-]{43}$/.test(arg)
      ? { token: arg }
      : undefined;
  if (!which) throw new UsageError('token revoke: indique el id numérico del token o el token mismo');
  if (!(await revokeToken(await store(), which)))
    throw new AppError('not_found', `token ${'id' in which ? which.id : '(valor dado)'}: no existe o ya fue revocado`);
  io.stdout(`${JSON.stringify({ ...('id' in which ? { id: which.id } : {}), revoked: true })}\n`);
  return new Printed(0);
}
