/**
 * The one error catalogue: every layer (ETL, store, API, CLI, web) reports problems with these
 * codes, and the API answers `{error: {code, message}}` with the status listed here.
 */
export const ERRORS = {
  // request validation (400)
  invalid_parameter: { status: 400, message: 'Parámetro inválido' },
  invalid_date: { status: 400, message: 'Fecha inválida: use AAAA-MM-DD' },
  invalid_range: { status: 400, message: 'Rango de fechas inválido: "from" debe ser anterior a "to"' },
  invalid_period: { status: 400, message: 'Periodo inválido: use AAAA-MM-DD..AAAA-MM-DD' },
  invalid_resolution: { status: 400, message: 'Resolución H3 inválida: use 6 a 11' },
  invalid_category: { status: 400, message: 'Categoría desconocida' },
  invalid_kind: { status: 400, message: 'Tipo de área inválido: use alcaldia, colonia, sector o cuadrante' },
  invalid_vintage: { status: 400, message: 'Vigencia inválida: use 2016 o 2023' },
  invalid_cell: {
    status: 400,
    message: 'Celda H3 inválida: use el índice hexadecimal de una celda (p. ej. 884995b847fffff)',
  },
  invalid_tile: { status: 400, message: 'Coordenadas de tesela inválidas' },
  invalid_query: { status: 400, message: 'Búsqueda inválida' },
  invalid_body: { status: 400, message: 'Cuerpo de la solicitud inválido' },
  // a territory names alcaldías or sectores of ONE numbering: the same sector name covers other streets in 2016 and 2023
  unknown_territory: {
    status: 400,
    message:
      'Territorio desconocido: use la cvegeo de una alcaldía o un sector con su vigencia (2016:NOMBRE o 2023:NOMBRE)',
  },
  // bounded cost: every request names a plausible, bounded range and list (core/time/calendar.ts PLAUSIBLE_*)
  range_too_long: {
    status: 400,
    message:
      'Fechas fuera de lo permitido: desde 2000-01-01, hasta 12 meses después del mes actual y a lo más 120 meses',
  },
  too_many_ids: { status: 400, message: 'Demasiados identificadores: a lo más 2000 por solicitud' },
  duplicate_parameter: { status: 400, message: 'Parámetro repetido: cada parámetro va una sola vez' },
  // lookups (404)
  not_found: { status: 404, message: 'Recurso no encontrado' },
  range_not_satisfiable: { status: 416, message: 'Rango de bytes fuera del archivo' },
  unknown_area: { status: 404, message: 'Área desconocida' },
  // server side
  payload_too_large: { status: 413, message: 'Solicitud demasiado grande' },
  // the same Idempotency-Key with another body: payment APIs' semantics (never a silent drop)
  idempotency_key_reused: { status: 422, message: 'La clave Idempotency-Key ya se usó con otro contenido' },
  rate_limited: { status: 429, message: 'Demasiadas solicitudes' },
  internal_error: { status: 500, message: 'Error interno' },
  db_unavailable: { status: 503, message: 'Base de datos no disponible' },
  // a statement ran past DATABASE_STATEMENT_TIMEOUT_MS (PostgreSQL 57014): refused, never a hang
  query_timeout: {
    status: 503,
    message: 'La consulta tardó demasiado: intente con un periodo o un conjunto de áreas menor',
  },
  // server/audit: a signed-in answer is sent only once its audit entry is committed
  audit_unavailable: {
    status: 503,
    message: 'No se pudo registrar la consulta en la bitácora: intente de nuevo en un momento',
  },
  service_starting: { status: 503, message: 'El servicio está arrancando: intente de nuevo en unos segundos' },
  // import (quarantine reasons)
  missing_date: { status: 422, message: 'Fila sin fecha utilizable' },
  missing_category: { status: 422, message: 'Fila sin categoría' },
  malformed_row: { status: 422, message: 'Fila mal formada' },
  // open-data sync (etl/sync)
  header_changed: { status: 422, message: 'El encabezado del archivo publicado cambió: no se importó nada' },
  download_incomplete: { status: 502, message: 'La descarga quedó incompleta: no se importó nada' },
  resource_not_found: { status: 502, message: 'El portal no lista un recurso que corresponda a la fuente' },
  // news fetching (etl/news/fetch)
  robots_disallowed: { status: 403, message: 'robots.txt no permite descargar esta página' },
  fetch_failed: { status: 502, message: 'No se pudo descargar la página' },
  fetch_timeout: { status: 504, message: 'La descarga tardó demasiado' },
  fetch_dns_failed: { status: 502, message: 'No se encontró el servidor (falla de DNS)' },
  fetch_connection_refused: { status: 502, message: 'El servidor rechazó la conexión' },
  robots_unavailable: {
    status: 503,
    message: 'No se pudo leer robots.txt del sitio: por ahora no se descarga nada de él',
  },
  // access and privacy (server/auth, server/policy)
  invalid_token: { status: 401, message: 'Token de acceso inválido' },
  forbidden: { status: 403, message: 'Acceso no permitido' },
  forbidden_resolution: {
    status: 403,
    message: 'Resolución no permitida sin acceso: el público ve hexágonos de resolución 8 o menor',
  },
  sensitive_category: { status: 403, message: 'Categoría sensible: el público solo la ve por alcaldía y mes' },
  month_aligned_required: {
    status: 400,
    message: 'Las fechas públicas deben ser meses completos: use el primer día de un mes (AAAA-MM-01)',
  },
  // citizen reports and moderation (server/reports, server/moderation)
  outside_cdmx: { status: 400, message: 'El lugar está fuera de la Ciudad de México' },
  future_date: { status: 400, message: 'La fecha no puede ser futura' },
  consent_required: { status: 400, message: 'Se requiere su consentimiento para tratar los datos del reporte' },
  unplaced_location: {
    status: 400,
    message: 'No pudimos ubicar ese lugar: elija un punto en el mapa o escriba una colonia, calle o estación',
  },
  forbidden_origin: { status: 403, message: 'Origen de la solicitud no permitido' },
  authentication_required: { status: 401, message: 'Se requiere un token de acceso' },
  report_already_decided: { status: 409, message: 'El reporte ya fue moderado' },
  // chat-export upload (server/moderation/chat-imports.ts)
  empty_file: { status: 400, message: 'El archivo está vacío' },
  not_a_chat_export: {
    status: 422,
    message: 'El archivo no es una exportación de chat de WhatsApp (.txt) o Telegram (.json)',
  },
  unsupported_archive: {
    status: 415,
    message: 'El .zip debe contener una sola exportación de chat (.txt de WhatsApp o .json de Telegram)',
  },
  // moderation: approving a report that has no place (server/moderation/placement.ts)
  origin_article: {
    status: 409,
    message: 'La primera nota de un incidente no se separa: corrija o rechace el incidente',
  },
  report_unplaced: {
    status: 409,
    message: 'El reporte no tiene ubicación: indique un punto (lat, lon) o un área (colonia o alcaldía) al aprobarlo',
  },
  // accounts: login, sessions, invitations (server/accounts, server/auth)
  invalid_credentials: { status: 401, message: 'Correo o contraseña incorrectos' },
  too_many_attempts: { status: 429, message: 'Demasiados intentos fallidos: espere antes de volver a intentar' },
  csrf_failed: { status: 403, message: 'Falta o no corresponde el token CSRF de la sesión' },
  account_disabled: { status: 403, message: 'La cuenta está desactivada' },
  invitation_invalid: { status: 410, message: 'La invitación no es válida, ya se usó o venció' },
  account_exists: { status: 409, message: 'Ya existe una cuenta con ese correo' },
  last_admin: { status: 409, message: 'No se puede desactivar ni cambiar de rol al último administrador activo' },
  // plenary export (server/plenary): PDF/PNG rendered by headless Chromium
  pdf_renderer_unavailable: { status: 503, message: 'No se puede exportar a PDF o PNG en este servidor' },
  pdf_renderer_busy: { status: 503, message: 'El exportador está ocupado: intente de nuevo en un momento' },
  pdf_render_timeout: { status: 504, message: 'La exportación tardó demasiado' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** An error carrying a catalogue code; `detail` refines the catalogue's message. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  constructor(code: ErrorCode, detail?: string) {
    super(detail ? `${ERRORS[code].message}: ${detail}` : ERRORS[code].message);
    this.code = code;
    this.status = ERRORS[code].status;
  }
  toJSON() {
    return { error: { code: this.code, message: this.message } };
  }
}
