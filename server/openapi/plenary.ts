/** OpenAPI paths of the plenary export (PDF and PNG of an agenda). */
import { errors, get, type Json, ok, param } from './schema.ts';

const AGENDA = [param('areas'), param('categories'), param('month'), param('vintage')];
/** Both renderings answer the same bad inputs and the same renderer states. */
const RENDER_ERRORS = errors(
  'invalid_parameter',
  'invalid_kind',
  'invalid_category',
  'invalid_date',
  'invalid_vintage',
  'invalid_token',
  'pdf_renderer_unavailable',
  'pdf_renderer_busy',
  'pdf_render_timeout',
);
const binary = { type: 'string', format: 'binary' };

export function plenaryPaths(): Json {
  return {
    '/api/plenary/pdf': get(
      'Sesión plenaria en PDF: las diapositivas de la agenda (título, semáforo, mapa de cambio, tendencia, metas), una por página A4 horizontal, renderizadas por Chromium sin interfaz desde la misma página #plenaria de la aplicación web. Muestra lo que quien pide puede ver: sus credenciales (Authorization o la cookie de sesión) se usan para los datos.',
      AGENDA,
      {
        ...ok('PDF (Content-Disposition: attachment), Cache-Control private, no-store', binary, 'application/pdf'),
        ...RENDER_ERRORS,
      },
    ),
    '/api/plenary/png': get('Una diapositiva de la sesión plenaria en PNG (1600 × 900)', [param('slide'), ...AGENDA], {
      ...ok('PNG of slide `slide` (1-based); a slide beyond the last: 400 invalid_parameter', binary, 'image/png'),
      ...RENDER_ERRORS,
    }),
  };
}
