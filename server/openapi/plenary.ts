/** OpenAPI paths of the plenary export (PDF and PNG of an agenda). */
import { errors, get, type Json, ok, param } from './schema.ts';

export function plenaryPaths(): Json {
  return {
    // plenary export (server/plenary)
    '/api/plenary/pdf': get(
      'Sesión plenaria en PDF: las diapositivas de la agenda (título, semáforo, mapa de cambio, tendencia, metas), una por página A4 horizontal, renderizadas por Chromium sin interfaz desde la misma página #plenaria de la aplicación web. Muestra lo que quien pide puede ver: sus credenciales (Authorization o la cookie de sesión) se usan para los datos.',
      [param('areas'), param('categories'), param('month'), param('vintage')],
      {
        ...ok(
          'PDF (Content-Disposition: attachment), Cache-Control private, no-store',
          { type: 'string', format: 'binary' },
          'application/pdf',
        ),
        ...errors(
          'invalid_parameter',
          'invalid_kind',
          'invalid_category',
          'invalid_date',
          'invalid_vintage',
          'invalid_token',
          'pdf_renderer_unavailable',
          'pdf_renderer_busy',
          'pdf_render_timeout',
        ),
      },
    ),
    '/api/plenary/png': get(
      'Una diapositiva de la sesión plenaria en PNG (1600 × 900)',
      [param('slide'), param('areas'), param('categories'), param('month'), param('vintage')],
      {
        ...ok(
          'PNG of slide `slide` (1-based); a slide beyond the last: 400 invalid_parameter',
          { type: 'string', format: 'binary' },
          'image/png',
        ),
        ...errors(
          'invalid_parameter',
          'invalid_kind',
          'invalid_category',
          'invalid_date',
          'invalid_vintage',
          'invalid_token',
          'pdf_renderer_unavailable',
          'pdf_renderer_busy',
          'pdf_render_timeout',
        ),
      },
    ),
  };
}
