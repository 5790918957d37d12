/** OpenAPI paths of accounts, sessions, invitations, users, API tokens and the audit log. */
import {
  AUTH_ERRORS,
  created,
  errors,
  get,
  int,
  type Json,
  nullable,
  numericId,
  obj,
  ok,
  post,
  STAFF_SECURITY,
  staffDelete,
  str,
} from './schema.ts';

export function accountPaths(): Json {
  return {
    // accounts (server/accounts): sessions by cookie mc_session; CSRF header on cookie-authenticated POST/PUT/PATCH/DELETE
    '/api/session': {
      ...get(
        'Sesión actual: {user: null} sin sesión; {user, csrf_token} con la cookie mc_session; {user: null, token} con un token',
        [],
        {
          ...ok(
            'Sesión',
            obj(
              {
                user: nullable(
                  obj({
                    id: int,
                    email: str,
                    name: str,
                    role: { enum: ['mesa', 'enlace', 'moderador', 'admin'] },
                    territory: { type: 'array', items: str },
                  }),
                ),
                csrf_token: str,
                token: { type: 'object' },
              },
              ['user'],
            ),
          ),
          ...errors('invalid_token'),
        },
      ),
      ...post(
        'Entrar con correo y contraseña: fija la cookie mc_session (HttpOnly; SameSite=Lax; Secure tras HTTPS) y da el csrf_token que deben llevar (cabecera X-CSRF-Token) las solicitudes POST/PUT/PATCH/DELETE de la sesión. Tras varios intentos fallidos por correo o por IP: 429 con Retry-After.',
        [],
        obj({
          email: { type: 'string', maxLength: 254 },
          password: { type: 'string', minLength: 1, maxLength: 200 },
        }),
        {
          ...created(
            'Sesión abierta',
            obj({
              user: obj({
                id: int,
                email: str,
                name: str,
                role: { enum: ['mesa', 'enlace', 'moderador', 'admin'] },
                territory: { type: 'array', items: str },
              }),
              csrf_token: str,
            }),
          ),
          ...errors(
            'invalid_body',
            'invalid_credentials',
            'account_disabled',
            'too_many_attempts',
            'forbidden_origin',
            'payload_too_large',
          ),
        },
      ),
      delete: {
        summary: 'Salir: termina la sesión y borra la cookie (requiere X-CSRF-Token)',
        parameters: [],
        responses: { ...created('Sesión cerrada', obj({ user: { type: 'null' } })), ...errors('csrf_failed') },
      },
    },
    '/api/invitations': post(
      'Invitar (admin): liga de un solo uso, válida 7 días, para crear una cuenta con ese correo, rol y territorio (mesa y enlace: alcaldías por cvegeo o sectores de una vigencia, 2016:NOMBRE o 2023:NOMBRE; un nombre de sector que existe en ambas vigencias sin ella, o un área desconocida: 400 unknown_territory)',
      [],
      obj(
        {
          email: str,
          role: { enum: ['mesa', 'enlace', 'moderador', 'admin'] },
          territory: { type: 'array', items: str },
        },
        ['email', 'role'],
      ),
      {
        ...created(
          'Invitación',
          obj({
            url: str,
            token: str,
            expires_at: str,
            email: str,
            role: str,
            territory: { type: 'array', items: str },
          }),
          '201',
        ),
        ...errors('invalid_body', 'unknown_territory', 'csrf_failed', ...AUTH_ERRORS),
      },
    ),
    '/api/invitations/accept': post(
      'Aceptar una invitación: crea la cuenta (contraseña de 10 caracteres o más) y abre la sesión',
      [],
      obj({ token: str, name: str, password: { type: 'string', minLength: 10, maxLength: 200 } }),
      {
        ...created(
          'Cuenta creada y sesión abierta',
          obj({
            user: obj({
              id: int,
              email: str,
              name: str,
              role: { enum: ['mesa', 'enlace', 'moderador', 'admin'] },
              territory: { type: 'array', items: str },
            }),
            csrf_token: str,
          }),
          '201',
        ),
        ...errors('invalid_body', 'invitation_invalid', 'account_exists', 'forbidden_origin'),
      },
    ),
    '/api/users': get(
      'Cuentas (admin), sin contraseñas. DELETE /api/users/{id} desactiva una y termina sus sesiones.',
      [],
      {
        ...ok('Cuentas', obj({ items: { type: 'array', items: { type: 'object' } } })),
        ...errors(...AUTH_ERRORS),
      },
    ),
    '/api/users/{id}': {
      patch: {
        summary:
          'Cambia el rol o el territorio de una cuenta (admin); la última cuenta admin activa no puede perder su rol',
        parameters: [numericId('account id')],
        security: STAFF_SECURITY,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: obj(
                {
                  role: { enum: ['mesa', 'enlace', 'moderador', 'admin'] },
                  territory: { type: 'array', items: str },
                },
                ['role'],
              ),
            },
          },
        },
        responses: {
          ...created('Cuenta actualizada', obj({ id: int, role: str, territory: { type: 'array', items: str } })),
          ...errors('invalid_body', 'unknown_territory', 'not_found', 'last_admin', 'csrf_failed', ...AUTH_ERRORS),
        },
      },
      ...staffDelete(
        'Desactiva una cuenta (admin) y termina sus sesiones; nunca la última cuenta admin activa',
        [numericId('account id')],
        obj({ id: int, disabled: { const: true } }),
        ['not_found', 'last_admin'],
      ),
    },
    '/api/tokens': {
      ...get(
        'Tokens de API (admin): qué concede cada uno, nunca el token. DELETE /api/tokens/{id} revoca uno de inmediato.',
        [],
        {
          ...ok(
            'Tokens, del más reciente al más antiguo',
            obj({
              items: {
                type: 'array',
                items: obj({
                  id: int,
                  role: str,
                  name: str,
                  territory: { type: 'array', items: str },
                  created_at: str,
                  revoked_at: nullable(str),
                }),
              },
            }),
          ),
          ...errors(...AUTH_ERRORS),
        },
      ),
      ...post(
        'Crea un token (admin); se muestra una sola vez',
        [],
        obj(
          {
            role: { enum: ['mesa', 'enlace', 'moderador', 'admin'] },
            name: str,
            territory: { type: 'array', items: str },
          },
          ['role', 'name'],
        ),
        {
          ...created(
            'Token creado',
            obj({ id: int, token: str, role: str, name: str, territory: { type: 'array', items: str } }),
            '201',
          ),
          ...errors('invalid_body', 'unknown_territory', ...AUTH_ERRORS),
        },
      ),
    },
    '/api/tokens/{id}': staffDelete(
      'Revoca un token de API (admin) de inmediato',
      [numericId('token id')],
      obj({ id: int, revoked: { const: true } }),
      ['not_found'],
    ),
    // audit (server/audit)
    '/api/audit': get(
      'Registro de auditoría (admin): quién vio o exportó qué con detalle (cada solicitud a /api de un token o una sesión, salvo sesión y salud), del más reciente al más antiguo',
      [
        {
          name: 'from',
          in: 'query',
          schema: str,
          description: 'desde (incluido): AAAA-MM-DD (medianoche UTC) o fecha-hora ISO 8601 con zona (invalid_date)',
        },
        { name: 'to', in: 'query', schema: str, description: 'hasta (excluido), mismo formato' },
        {
          name: 'subject',
          in: 'query',
          schema: { type: 'string', maxLength: 200 },
          description: 'token:<id> o user:<id>',
        },
        { name: 'limit', in: 'query', schema: { ...int, minimum: 1, maximum: 1000, default: 100 } },
        {
          name: 'cursor',
          in: 'query',
          schema: { type: 'string', pattern: '^\\d{1,18}$' },
          description: 'next_cursor de la página anterior',
        },
      ],
      {
        ...ok(
          'Entradas y cursor de la página siguiente (null en la última)',
          obj({
            items: {
              type: 'array',
              items: obj({
                id: str,
                at: str,
                subject: str,
                role: str,
                name: str,
                kind: { enum: ['view', 'export'] },
                method: str,
                path: str,
                query: str,
                status: int,
                area_ids: { type: 'array', items: str },
              }),
            },
            next_cursor: nullable(str),
          }),
        ),
        ...errors('invalid_parameter', 'invalid_date', 'invalid_range', ...AUTH_ERRORS),
      },
    ),
  };
}
