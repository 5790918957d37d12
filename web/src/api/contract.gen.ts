/**
 * Generated from the API's OpenAPI document (server/openapi) by `npm run contract`. Do not edit:
 * change the endpoint's description in server/openapi and regenerate.
 */
/* eslint-disable */
export interface paths {
    "/api/areas/{kind}/{id}/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Serie mensual densa de un área o de una celda H3 (kind = h3, id = la celda) */
        get: operations["getAreasKindIdSeries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Registro de auditoría (admin): quién vio o exportó qué con detalle (cada solicitud a /api de un token o una sesión, salvo sesión y salud), del más reciente al más antiguo */
        get: operations["getAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/basemap": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mapa base de calles autohospedado (BASEMAP_PMTILES): dónde está el archivo PMTiles v3 que el mapa lee por rangos de bytes, o null si no hay uno (el mapa dibuja solo los límites). El archivo se sirve en /basemap/cdmx.pmtiles, fuera de /api/, con Range/206 (416 range_not_satisfiable fuera del archivo) */
        get: operations["getBasemap"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/boundaries/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Límites simplificados para mostrar (GeoJSON) */
        get: operations["getBoundariesKind"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Catálogo de categorías y grupos */
        get: operations["getCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Comparación periodo contra periodo (p1 referencia, p2 periodo de interés), por área o por celda H3 */
        get: operations["getCompare"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export/{export}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Exportar una tabla o un mapa como CSV o GeoJSON, con la misma consulta que su endpoint JSON. Se calcula llamando a ese endpoint con las credenciales de quien pide (Authorization, Cookie): la validación y la política de privacidad son las mismas, sus errores se devuelven tal cual y un archivo público lleva las mismas cifras reservadas (null / celda vacía) que el JSON público. CSV: UTF-8 con BOM, una fila por elemento de la lista de la respuesta, columnas en el orden de sus campos, null = celda vacía. GeoJSON: hexágonos H3 como polígonos ([lng, lat], anillos cerrados) o áreas unidas por id a /api/boundaries (geometry null sin polígono); propiedades = campos de la fila. Archivos: compare.csv / compare.geojson: Comparación de periodos por área; consulta de /api/compare (kind (an area kind or h3), ids, res, p1, p2, category, source, vintage). rank.csv / rank.geojson: Ranking de áreas; consulta de /api/rank (kind, from, to, category, vintage, by, limit). semaforo.csv / semaforo.geojson: Semáforo delictivo por área; consulta de /api/semaforo (kind (an area kind or h3), ids, res, month, category, vintage). hotspots.csv / hotspots.geojson: Incidentes por hexágono H3; consulta de /api/hotspots (res, from, to, category, source). gistar.csv / gistar.geojson: Puntos calientes y fríos (Gi*) por hexágono H3; consulta de /api/hotspots/gistar (res (6–10), from, to, category, source). series.csv: Serie mensual de un área (kind e id como en /api/trend); consulta de /api/areas/{kind}/{id}/series (kind, id, vintage, from, to, category, source). patrol.csv / patrol.geojson: Hoja de patrullaje: CSV = tabla día × hora (168 filas); GeoJSON = celdas principales; consulta de /api/patrol (cuadrante, vintage, res (8–10), from, to, category, source). emerging.csv / emerging.geojson: Puntos calientes emergentes por hexágono H3 (celdas con patrón); consulta de /api/hotspots/emerging (res (6–10), from, to (whole months), category, source). pai.csv: Prueba retrospectiva PAI: una fila por mes de prueba (celdas separadas por espacios); consulta de /api/hotspots/pai (res (6–10), month, training, top, months, rank_by, category, source). target-progress.csv: Avance mensual de una meta (parámetro target = id de la meta); consulta de /api/targets/{target_id}/progress (target (the target id)). */
        get: operations["getExportExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Estado del servicio */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hotspots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incidentes por celda H3 */
        get: operations["getHotspots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hotspots/emerging": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Puntos calientes emergentes (Esri): categorías por celda H3 a partir de Gi* mensual y la tendencia Mann-Kendall */
        get: operations["getHotspotsEmerging"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hotspots/gistar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Puntos calientes y fríos Getis-Ord Gi* sobre celdas H3 */
        get: operations["getHotspotsGistar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hotspots/pai": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Índice de precisión predictiva (PAI): prueba retrospectiva de los puntos calientes */
        get: operations["getHotspotsPai"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invitar (admin): liga de un solo uso, válida 7 días, para crear una cuenta con ese correo, rol y territorio (mesa y enlace: alcaldías por cvegeo o sectores de una vigencia, 2016:NOMBRE o 2023:NOMBRE; un nombre de sector que existe en ambas vigencias sin ella, o un área desconocida: 400 unknown_territory) */
        post: operations["postInvitations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Aceptar una invitación: crea la cuenta (contraseña de 10 caracteres o más) y abre la sesión */
        post: operations["postInvitationsAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/moderation/chat-imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Importar una exportación de chat vecinal (WhatsApp .txt, Telegram .json, o un .zip con una de ellas) como cuerpo de la solicitud: sus mensajes de incidentes van a la cola de moderación. Con dry_run=1 solo cuenta lo que se importaría y no guarda nada. Importar el mismo archivo otra vez no duplica mensajes y devuelve el id de la primera importación. */
        post: operations["postModerationChatImports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/moderation/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cola de moderación (token moderador o admin): reportes con su texto original y el redactado */
        get: operations["getModerationReports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/moderation/reports/{folio}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Aprobar: crea el incidente (fuente citizen, o chat) y cuenta en el mapa. Cuerpo opcional {"lat","lon"} o {"area":{"kind":"colonia"|"alcaldia","id"}}: obligatorio si el reporte no tiene ubicación (409 report_unplaced) */
        post: operations["postModerationReportsFolioApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/moderation/reports/{folio}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unir a un incidente existente (no se cuenta de nuevo) */
        post: operations["postModerationReportsFolioMerge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/moderation/reports/{folio}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rechazar con un motivo */
        post: operations["postModerationReportsFolioReject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/news/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incidentes de notas de prensa de un área (sin kind ni id: de toda la ciudad, solo moderador y admin; area = null) con sus fuentes (medio, titular, URL, fecha de publicación, relación: origin = la primera nota, same_story = copia sindicada, same_event = otra nota del mismo hecho; precisión y confianza del geocodificador y la oración que nombró el lugar), los más recientes primero (limit 1–200, por omisión 50; total = todos). Detalle: admin y moderador, o mesa/enlace cuyo territorio contiene el área; cualquier otro, el público incluido: 403 forbidden (el público ve las notas solo como conteos publicados). */
        get: operations["getNewsIncidents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/news/incidents/{id}/correct": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Corregir categoría y/o punto (lat y lon juntos, dentro de la Ciudad de México) de un incidente de prensa; conserva su id. Moderador o admin; cada decisión queda registrada y una nueva corrida del proceso de notas no la deshace. */
        post: operations["postNewsIncidentsIdCorrect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/news/incidents/{id}/detach": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Separar una nota mal unida: queda como incidente propio si está ubicada, si no como nota sin incidente (409 origin_article para la primera nota). Moderador o admin; cada decisión queda registrada y una nueva corrida del proceso de notas no la deshace. */
        post: operations["postNewsIncidentsIdDetach"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/news/incidents/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unir este incidente a otro (into): sus notas pasan a ser fuentes del otro y este sale del mapa. Moderador o admin; cada decisión queda registrada y una nueva corrida del proceso de notas no la deshace. */
        post: operations["postNewsIncidentsIdMerge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/news/incidents/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rechazar un incidente de prensa (sale del mapa; sus notas quedan registradas). Moderador o admin; cada decisión queda registrada y una nueva corrida del proceso de notas no la deshace. */
        post: operations["postNewsIncidentsIdReject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/news/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Fuentes de noticias configuradas (admin) con su última ejecución programada (inicio, fin, proceso, ok o failed con el motivo: DNS, conexión rechazada, tiempo agotado, estado HTTP, robots.txt), los conteos de esa pasada, el último éxito y la próxima ejecución (null si el calendario no corre o la fuente está desactivada). Las fuentes que ya no están en la configuración pero tienen ejecuciones aparecen con configured = false. */
        get: operations["getNewsSources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Este documento */
        get: operations["getOpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patrol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hoja de patrullaje de un cuadrante: incidentes por día de la semana (fila 0 = lunes … 6 = domingo) × hora local (0–23), sin hora (unknown_hour), sin punto (unlocated), las 10 celdas H3 con más incidentes dentro del cuadrante (solo los incidentes del cuadrante) y las categorías. Detalle: admin y moderador, o mesa/enlace cuyo territorio contiene el cuadrante (su alcaldía, su sector o él mismo); cualquier otro, el público incluido: 403 forbidden. Sin from/to: todos los datos. */
        get: operations["getPatrol"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plenary/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sesión plenaria en PDF: las diapositivas de la agenda (título, semáforo, mapa de cambio, tendencia, metas), una por página A4 horizontal, renderizadas por Chromium sin interfaz desde la misma página #plenaria de la aplicación web. Muestra lo que quien pide puede ver: sus credenciales (Authorization o la cookie de sesión) se usan para los datos. */
        get: operations["getPlenaryPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plenary/png": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Una diapositiva de la sesión plenaria en PNG (1600 × 900) */
        get: operations["getPlenaryPng"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rank": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Áreas ordenadas por incidentes, tasa o cambio */
        get: operations["getRank"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Listo para recibir tráfico (sonda de disponibilidad): 503 mientras arranca (migraciones, primera importación) */
        get: operations["getReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reporte ciudadano (anónimo). JSON ≤ 8 KiB; límite por IP (429); una solicitud con Origin de otro sitio: 403. Sin cabecera Origin se acepta (clientes que no son navegadores). El campo website es una trampa para bots: si trae texto, la respuesta es 202 y el reporte se descarta. */
        post: operations["postReports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{folio}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Estado de un reporte por su folio (solo el estado: nunca el texto ni el lugar) */
        get: operations["getReportsFolio"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/geocode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lo que el servidor entiende de un lugar escrito (para confirmarlo antes de enviar un reporte) */
        get: operations["getReportsGeocode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Búsqueda de colonias, alcaldías, cuadrantes, sectores y estaciones */
        get: operations["getSearch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/semaforo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Semáforo Delictivo por área o por celda H3: el mes contra la media mensual de los 36 meses anteriores */
        get: operations["getSemaforo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sesión actual: {user: null} sin sesión; {user, csrf_token} con la cookie mc_session; {user: null, token} con un token */
        get: operations["getSession"];
        put?: never;
        /** Entrar con correo y contraseña: fija la cookie mc_session (HttpOnly; SameSite=Lax; Secure tras HTTPS) y da el csrf_token que deben llevar (cabecera X-CSRF-Token) las solicitudes POST/PUT/PATCH/DELETE de la sesión. Tras varios intentos fallidos por correo o por IP: 429 con Retry-After. */
        post: operations["postSession"];
        /** Salir: termina la sesión y borra la cookie (requiere X-CSRF-Token) */
        delete: operations["deleteSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Fuentes de incidentes: meses que cubre cada una, incidentes, última importación y sincronización */
        get: operations["getSources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Metas de las Mesas (todas, las más recientes primero; kind/ids/vintage las filtran) */
        get: operations["getTargets"];
        put?: never;
        /** Definir una meta: admin, o una mesa cuyo territorio contiene el área (si no, 403 forbidden). Regla de avance (geo/stats targetProgress; práctica de metas de la Mesa de Seguridad y Justicia de Ciudad Juárez, que fijó y revisó en cada plenaria metas sucesivas de homicidio): baseline_monthly_mean = suma de los meses de la línea base [baseline_from, baseline_to) / número de meses; goal_monthly = baseline_monthly_mean × (1 − reduction_pct/100). Cada mes desde baseline_to hasta min(due_month, último mes de las fuentes que tienen incidentes en el área): met = count ≤ goal. status: "en_curso" mientras los datos no llegan a due_month; al llegar, "cumplida" si la media de los últimos 3 meses hasta due_month (solo meses ≥ baseline_to) es ≤ goal_monthly, si no "no_cumplida"; null si la línea base no está completa dentro de los datos (goal null) o si un mes de esa ventana está reservado. Comparaciones exactas (un conteo igual a la meta la cumple). Público: valores mensuales publicados (1 … k−1 → null con partial: true; en la línea base un mes reservado cuenta 0 y baseline_withheld dice cuántos), access "public" y min_count. */
        post: operations["postTargets"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/targets/{target_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Una meta */
        get: operations["getTargetsTargetId"];
        put?: never;
        post?: never;
        /** Borrar una meta (admin, o la mesa de ese territorio) */
        delete: operations["deleteTargetsTargetId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/targets/{target_id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Avance mensual de una meta. Regla de avance (geo/stats targetProgress; práctica de metas de la Mesa de Seguridad y Justicia de Ciudad Juárez, que fijó y revisó en cada plenaria metas sucesivas de homicidio): baseline_monthly_mean = suma de los meses de la línea base [baseline_from, baseline_to) / número de meses; goal_monthly = baseline_monthly_mean × (1 − reduction_pct/100). Cada mes desde baseline_to hasta min(due_month, último mes de las fuentes que tienen incidentes en el área): met = count ≤ goal. status: "en_curso" mientras los datos no llegan a due_month; al llegar, "cumplida" si la media de los últimos 3 meses hasta due_month (solo meses ≥ baseline_to) es ≤ goal_monthly, si no "no_cumplida"; null si la línea base no está completa dentro de los datos (goal null) o si un mes de esa ventana está reservado. Comparaciones exactas (un conteo igual a la meta la cumple). Público: valores mensuales publicados (1 … k−1 → null con partial: true; en la línea base un mes reservado cuenta 0 y baseline_withheld dice cuántos), access "public" y min_count. */
        get: operations["getTargetsTargetIdProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tiles/hotspots/{z}/{x}/{y}.pbf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tesela vectorial de hexágonos (capa "hotspots", propiedades h3 y count; resolución H3 según el zoom) */
        get: operations["getTilesHotspotsZXYPbf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tokens de API (admin): qué concede cada uno, nunca el token. DELETE /api/tokens/{id} revoca uno de inmediato. */
        get: operations["getTokens"];
        put?: never;
        /** Crea un token (admin); se muestra una sola vez */
        post: operations["postTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoca un token de API (admin) de inmediato */
        delete: operations["deleteTokensId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Líneas y estaciones de Metro, Metrobús, Cablebús, Trolebús y Tren Ligero (GeoJSON, SEMOVI GTFS) */
        get: operations["getTransit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tendencia Mann-Kendall de la serie mensual de un área o de una celda H3 */
        get: operations["getTrend"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cuentas (admin), sin contraseñas. DELETE /api/users/{id} desactiva una y termina sus sesiones. */
        get: operations["getUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Desactiva una cuenta (admin) y termina sus sesiones; nunca la última cuenta admin activa */
        delete: operations["deleteUsersId"];
        options?: never;
        head?: never;
        /** Cambia el rol o el territorio de una cuenta (admin); la última cuenta admin activa no puede perder su rol */
        patch: operations["patchUsersId"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Basemap: {
            /** @description atribución de los datos del mapa base (OpenStreetMap) */
            attribution?: string;
            pmtiles: string | null;
        };
        Error: {
            error: components["schemas"]["ErrorDetail"];
        };
        ErrorDetail: {
            /** @enum {unknown} */
            code: "invalid_parameter" | "invalid_date" | "invalid_range" | "invalid_period" | "invalid_resolution" | "invalid_category" | "invalid_kind" | "invalid_vintage" | "invalid_cell" | "invalid_tile" | "invalid_query" | "invalid_body" | "unknown_territory" | "range_too_long" | "too_many_ids" | "duplicate_parameter" | "not_found" | "range_not_satisfiable" | "unknown_area" | "payload_too_large" | "idempotency_key_reused" | "rate_limited" | "internal_error" | "db_unavailable" | "query_timeout" | "audit_unavailable" | "service_starting" | "missing_date" | "missing_category" | "malformed_row" | "header_changed" | "download_incomplete" | "resource_not_found" | "robots_disallowed" | "fetch_failed" | "fetch_timeout" | "fetch_dns_failed" | "fetch_connection_refused" | "robots_unavailable" | "invalid_token" | "forbidden" | "forbidden_resolution" | "sensitive_category" | "month_aligned_required" | "outside_cdmx" | "future_date" | "consent_required" | "unplaced_location" | "forbidden_origin" | "authentication_required" | "report_already_decided" | "empty_file" | "not_a_chat_export" | "unsupported_archive" | "origin_article" | "report_unplaced" | "invalid_credentials" | "too_many_attempts" | "csrf_failed" | "account_disabled" | "invitation_invalid" | "account_exists" | "last_admin" | "pdf_renderer_unavailable" | "pdf_renderer_busy" | "pdf_render_timeout";
            message: string;
        };
        Period: {
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
        };
        SourceSpan: {
            first_month: string;
            /** @enum {unknown} */
            kind: "official" | "news" | "citizen" | "chat";
            last_month: string;
            source: string;
        };
        SourceStatus: {
            /** @description solo con detalle (admin, moderador) */
            first_day: string | null;
            /** @description null sin incidentes, o sin detalle cuando la fuente tiene PUBLIC_MIN_COUNT incidentes o menos */
            first_month: string | null;
            /** @description incidents.source: ssc_points, fgj_victimas, fgj_victimas_cdmx, fgj_carpetas, fgj_mensual, news, citizen, chat … */
            id: string;
            /** @description null sin detalle (admin, moderador) cuando la fuente tiene menos de PUBLIC_MIN_COUNT incidentes */
            incidents: number | null;
            /** @enum {unknown} */
            kind: "official" | "news" | "citizen" | "chat";
            /** @description short name for a line of text ("FGJ") */
            label: string;
            /** @description solo con detalle (admin, moderador) */
            last_day: string | null;
            /** @description last official import finished */
            last_import: string | null;
            last_month: string | null;
            /** @description where the source applies when not the whole city */
            scope: string | null;
            sync: {
                /** @description the source key in the sync sources file */
                key: string;
                last_ok: string | null;
                last_run: string | null;
                last_status: ("ok" | "failed") | null;
                next_run: string | null;
                /** @description SYNC_SCHEDULE=monthly in this deployment */
                scheduled: boolean;
            } | null;
            title: string;
        };
    };
    responses: never;
    parameters: {
        /** @description plenary agenda: comma-separated kind:id (id URL-encoded), e.g. sector:ABASTO-REFORMA,cuadrante:P-1.3.8; at most 12 (invalid_parameter, invalid_kind). An unknown id is reported on its slides. */
        areas: string;
        by: "count" | "rate" | "change";
        /** @description plenary agenda: comma-separated category or group ids, at most 6 (invalid_category) */
        categories: string;
        /** @description comma-separated category or group ids (invalid_category). Categories: robo_transeunte, robo_vehiculo, robo_autopartes, robo_negocio, robo_casa_habitacion, robo_repartidor, robo_transportista, robo_cuentahabiente, robo_metro, robo_microbus, robo_taxi, robo_transporte_otro, homicidio_doloso, lesiones_arma_fuego, lesiones, violacion, secuestro, extorsion, feminicidio, narcomenudeo, portacion_armas, otros. Groups: robo, robo_transporte_publico, violencia, otros_delitos. Absent: all. */
        category: string;
        /** @description cuadrante id of `vintage` (unknown: 404 unknown_area; missing: invalid_parameter) */
        cuadrante: string;
        /** @description first day included, local date (invalid_date; invalid_range unless from < to) */
        from: string;
        /** @description H3 resolution 6–10 (invalid_resolution). 11 is refused: about 600 000 cells in the city, too many to compute per request. */
        gistar_res: number;
        /** @description one area id of `kind`, or one H3 cell with kind=h3 (unknown: 404 unknown_area; missing: invalid_parameter; not a cell: invalid_cell) */
        id: string;
        /** @description comma-separated area ids, or H3 cells with kind=h3 (invalid_cell); absent: every area of the kind (unknown id: 404 unknown_area) */
        ids: string;
        interval: "month";
        kind: "alcaldia" | "colonia" | "sector" | "cuadrante";
        limit: number;
        /** @description the month judged, AAAA-MM (invalid_date) */
        month: string;
        /** @description how many test months, ending at `month` (invalid_parameter) */
        months: number;
        /** @description reference period FROM..TO, half-open (invalid_period, invalid_range) */
        p1: string;
        /** @description period of interest FROM..TO */
        p2: string;
        /** @description <name>.<csv|geojson> (otro: 404 not_found) */
        path_export: "compare.csv" | "compare.geojson" | "rank.csv" | "rank.geojson" | "semaforo.csv" | "semaforo.geojson" | "hotspots.csv" | "hotspots.geojson" | "gistar.csv" | "gistar.geojson" | "series.csv" | "patrol.csv" | "patrol.geojson" | "emerging.csv" | "emerging.geojson" | "pai.csv" | "target-progress.csv";
        /** @description folio of a citizen report (unknown: 404 not_found) */
        path_folio: string;
        /** @description alcaldía cvegeo ("09002"), colonia cve_col ("02-001"), cuadrante ("P-1.3.8"), sector name (URL-encoded), H3 cell ("884995b847fffff") */
        path_id: string;
        /** @description an area kind; h3 only for /api/areas/{kind}/{id}/series */
        path_kind: "alcaldia" | "colonia" | "sector" | "cuadrante" | "h3";
        /** @description id of a target (unknown: 404 not_found) */
        path_target_id: number;
        path_x: number;
        path_y: number;
        path_z: number;
        /** @description H3 resolution of the top cells (invalid_resolution) */
        patrol_res: number;
        /** @description an area kind, or h3 for H3 cells (invalid_kind) */
        place_kind: "alcaldia" | "colonia" | "sector" | "cuadrante" | "h3";
        /** @description kind=h3: the cells' resolution; required without ids, else it must match the cells (invalid_resolution, invalid_parameter) */
        place_res: number;
        /** @description accent- and case-insensitive (invalid_query) */
        q: string;
        rank_by: "gistar" | "count";
        /** @description H3 resolution (invalid_resolution) */
        res: number;
        /** @description slide number, 1-based (invalid_parameter) */
        slide: number;
        /** @description comma-separated source kinds: official, news, citizen, chat (invalid_parameter). Absent: every source. */
        source: string;
        /** @description id of a target (unknown: 404 not_found) */
        target: number;
        /** @description first day excluded */
        to: string;
        /** @description how many hot spot cells (at most the city's cells at res; invalid_parameter) */
        top: number;
        /** @description months before each test month whose counts rank the hot spots (invalid_parameter) */
        training: number;
        /** @description boundary vintage (invalid_vintage); alcaldías and colonias have one */
        vintage: 2016 | 2023;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getAreasKindIdSeries: {
        parameters: {
            query?: {
                /** @description comma-separated category or group ids (invalid_category). Categories: robo_transeunte, robo_vehiculo, robo_autopartes, robo_negocio, robo_casa_habitacion, robo_repartidor, robo_transportista, robo_cuentahabiente, robo_metro, robo_microbus, robo_taxi, robo_transporte_otro, homicidio_doloso, lesiones_arma_fuego, lesiones, violacion, secuestro, extorsion, feminicidio, narcomenudeo, portacion_armas, otros. Groups: robo, robo_transporte_publico, violencia, otros_delitos. Absent: all. */
                category?: components["parameters"]["category"];
                /** @description first day included, local date (invalid_date; invalid_range unless from < to) */
                from?: components["parameters"]["from"];
                interval?: components["parameters"]["interval"];
                /** @description comma-separated source kinds: official, news, citizen, chat (invalid_parameter). Absent: every source. */
                source?: components["parameters"]["source"];
                /** @description first day excluded */
                to?: components["parameters"]["to"];
                /** @description boundary vintage (invalid_vintage); alcaldías and colonias have one */
                vintage?: components["parameters"]["vintage"];
            };
            header?: never;
            path: {
                /** @description alcaldía cvegeo ("09002"), colonia cve_col ("02-001"), cuadrante ("P-1.3.8"), sector name (URL-encoded), H3 cell ("884995b847fffff") */
                id: components["parameters"]["path_id"];
                /** @description an area kind; h3 only for /api/areas/{kind}/{id}/series */
                kind: components["parameters"]["path_kind"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Monthly series; without from/to it spans the data. H3 cells (kind=h3): ids are cells (hex, e.g. 884995b847fffff) of one resolution 6–11 (res may state it, and must without ids); without ids, every cell of `res` with incidents. A cell is named after the colonia and alcaldía holding its centre; its population is estimated from the IECM colonia populations by areal weighting (Goodchild & Lam 1980), for rates. The public sees cells of resolution ≤ 8 (403 forbidden_resolution) with per-cell monthly suppression, as /api/hotspots; mesa and enlace get the public cells too (cells do not follow territories). */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        category: string | null;
                        from: string | null;
                        id: string;
                        /** @constant */
                        interval: "month";
                        /** @enum {unknown} */
                        kind: "alcaldia" | "colonia" | "sector" | "cuadrante" | "h3";
                        name: string;
                        /** @description kind=h3 only */
                        res?: number;
                        series: {
                            /** @description null: withheld (fewer than k, public answers only) */
                            count?: number | null;
                            /**
                             * @description absent: every requested source covers the month; partial: only some do; none: none does (no count: no data, not zero)
                             * @enum {unknown}
                             */
                            coverage?: "partial" | "none";
                            period: string;
                        }[];
                        sources: components["schemas"]["SourceSpan"][];
                        to: string | null;
                        /** @description areas only */
                        vintage?: number;
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: invalid_kind, invalid_vintage, invalid_parameter, invalid_date, invalid_range, invalid_category, invalid_cell, invalid_resolution, month_aligned_required */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden_resolution, sensitive_category */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: unknown_area */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAudit: {
        parameters: {
            query?: {
                /** @description next_cursor de la página anterior */
                cursor?: string;
                /** @description desde (incluido): AAAA-MM-DD (medianoche UTC) o fecha-hora ISO 8601 con zona (invalid_date) */
                from?: string;
                limit?: number;
                /** @description token:<id> o user:<id> */
                subject?: string;
                /** @description hasta (excluido), mismo formato */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Entradas y cursor de la página siguiente (null en la última) */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            area_ids: string[];
                            at: string;
                            id: string;
                            /** @enum {unknown} */
                            kind: "view" | "export";
                            method: string;
                            name: string;
                            path: string;
                            query: string;
                            role: string;
                            status: number;
                            subject: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: invalid_parameter, invalid_date, invalid_range */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getBasemap: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Mapa base configurado, o pmtiles: null */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Basemap"];
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getBoundariesKind: {
        parameters: {
            query?: {
                /** @description boundary vintage (invalid_vintage); alcaldías and colonias have one */
                vintage?: components["parameters"]["vintage"];
            };
            header?: never;
            path: {
                /** @description an area kind; h3 only for /api/areas/{kind}/{id}/series */
                kind: components["parameters"]["path_kind"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description FeatureCollection; properties id, name, kind, vintage, alcaldia_id, population (sector_id for cuadrantes) */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/geo+json": Record<string, never>;
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: invalid_kind, invalid_vintage */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Taxonomy */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        categories: {
                            group: string;
                            groups: string[];
                            id: string;
                            label: string;
                            sensitive: boolean;
                        }[];
                        groups: {
                            categories: string[];
                            id: string;
                            label: string;
                        }[];
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getCompare: {
        parameters: {
            query: {
                /** @description comma-separated category or group ids (invalid_category). Categories: robo_transeunte, robo_vehiculo, robo_autopartes, robo_negocio, robo_casa_habitacion, robo_repartidor, robo_transportista, robo_cuentahabiente, robo_metro, robo_microbus, robo_taxi, robo_transporte_otro, homicidio_doloso, lesiones_arma_fuego, lesiones, violacion, secuestro, extorsion, feminicidio, narcomenudeo, portacion_armas, otros. Groups: robo, robo_transporte_publico, violencia, otros_delitos. Absent: all. */
                category?: components["parameters"]["category"];
                /** @description comma-separated area ids, or H3 cells with kind=h3 (invalid_cell); absent: every area of the kind (unknown id: 404 unknown_area) */
                ids?: components["parameters"]["ids"];
                /** @description an area kind, or h3 for H3 cells (invalid_kind) */
                kind: components["parameters"]["place_kind"];
                /** @description reference period FROM..TO, half-open (invalid_period, invalid_range) */
                p1: components["parameters"]["p1"];
                /** @description period of interest FROM..TO */
                p2: components["parameters"]["p2"];
                /** @description kind=h3: the cells' resolution; required without ids, else it must match the cells (invalid_resolution, invalid_parameter) */
                res?: components["parameters"]["place_res"];
                /** @description comma-separated source kinds: official, news, citizen, chat (invalid_parameter). Absent: every source. */
                source?: components["parameters"]["source"];
                /** @description boundary vintage (invalid_vintage); alcaldías and colonias have one */
                vintage?: components["parameters"]["vintage"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description diff = p2 − p1; pct = 100·diff/p1 (null when p1 = 0); rate = count / population × 100 000 for the period, not annualised (null without population). H3 cells (kind=h3): ids are cells (hex, e.g. 884995b847fffff) of one resolution 6–11 (res may state it, and must without ids); without ids, every cell of `res` with incidents. A cell is named after the colonia and alcaldía holding its centre; its population is estimated from the IECM colonia populations by areal weighting (Goodchild & Lam 1980), for rates. The public sees cells of resolution ≤ 8 (403 forbidden_resolution) with per-cell monthly suppression, as /api/hotspots; mesa and enlace get the public cells too (cells do not follow territories). */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description public answers only
                         * @enum {unknown}
                         */
                        access?: "public";
                        category: string | null;
                        items: {
                            diff: number | null;
                            id: string;
                            name: string;
                            p1: number | null;
                            p2: number | null;
                            /** @description public answers only: some month of p1 is withheld */
                            partial_p1?: boolean;
                            /** @description public answers only: some month of p2 is withheld */
                            partial_p2?: boolean;
                            pct: number | null;
                            population: number | null;
                            rate_p1: number | null;
                            rate_p2: number | null;
                        }[];
                        /** @enum {unknown} */
                        kind: "alcaldia" | "colonia" | "sector" | "cuadrante" | "h3";
                        /** @description public answers only: k, the smallest published count besides 0 */
                        min_count?: number;
                        p1: components["schemas"]["Period"];
                        p2: components["schemas"]["Period"];
                        /** @description kind=h3 only */
                        res?: number;
                        /** @description areas only */
                        vintage?: number;
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: invalid_kind, invalid_vintage, invalid_parameter, invalid_period, invalid_range, invalid_category, invalid_cell, invalid_resolution, month_aligned_required */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden_resolution, sensitive_category */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: unknown_area */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExportExport: {
        parameters: {
            query?: {
                /** @description como en el endpoint JSON de la exportación */
                by?: "count" | "rate" | "change";
                /** @description como en el endpoint JSON de la exportación */
                category?: string;
                /** @description como en el endpoint JSON de la exportación */
                cuadrante?: string;
                /** @description como en el endpoint JSON de la exportación */
                from?: string;
                /** @description como en el endpoint JSON de la exportación */
                id?: string;
                /** @description como en el endpoint JSON de la exportación */
                ids?: string;
                /** @description como en el endpoint JSON de la exportación */
                interval?: "month";
                /** @description como en el endpoint JSON de la exportación */
                kind?: "alcaldia" | "colonia" | "sector" | "cuadrante" | "h3";
                /** @description como en el endpoint JSON de la exportación */
                limit?: number;
                /** @description como en el endpoint JSON de la exportación */
                month?: string;
                /** @description como en el endpoint JSON de la exportación */
                months?: number;
                /** @description como en el endpoint JSON de la exportación */
                p1?: string;
                /** @description como en el endpoint JSON de la exportación */
                p2?: string;
                /** @description como en el endpoint JSON de la exportación */
                rank_by?: "gistar" | "count";
                /** @description como en el endpoint JSON de la exportación */
                res?: number;
                /** @description como en el endpoint JSON de la exportación */
                source?: string;
                /** @description como en el endpoint JSON de la exportación */
                target?: number;
                /** @description como en el endpoint JSON de la exportación */
                to?: string;
                /** @description como en el endpoint JSON de la exportación */
                top?: number;
                /** @description como en el endpoint JSON de la exportación */
                training?: number;
                /** @description como en el endpoint JSON de la exportación */
                vintage?: 2016 | 2023;
            };
            header?: never;
            path: {
                /** @description <name>.<csv|geojson> (otro: 404 not_found) */
                export: components["parameters"]["path_export"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description El archivo, con Content-Disposition: attachment y un nombre en español */
            200: {
                headers: {
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/geo+json": Record<string, never>;
                    "text/csv": string;
                };
            };
            /** @description Error: invalid_parameter, invalid_kind, invalid_vintage, invalid_resolution, invalid_period, month_aligned_required, invalid_date, invalid_range, invalid_category */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden, forbidden_resolution, sensitive_category */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: unknown_area, not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Service status */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description último día de los datos: solo con detalle (admin, moderador); null sin él */
                        data_until: string | null;
                        /** @description último mes de los datos, entre las fuentes cuyos meses se publican */
                        data_until_month: string | null;
                        /** @enum {unknown} */
                        db: "pglite" | "postgres";
                        /** @description con detalle (admin, moderador), el total exacto; sin él, la suma de los conteos publicados por fuente */
                        incidents: number;
                        ok: boolean;
                        /** @description por fuente, de la más grande a la más pequeña: sus incidentes, su primer y último mes y, con detalle, su primer y último día. Sin detalle, una fuente con menos de PUBLIC_MIN_COUNT incidentes no publica su conteo (null) y una con PUBLIC_MIN_COUNT o menos no publica fechas (withheld) */
                        sources: {
                            first_month: string | null;
                            from: string | null;
                            incidents: number | null;
                            last_month: string | null;
                            /** @description su último día es el último de su mes (un periodo por omisión puede terminar en ese mes); null si sus fechas se reservan y, para el público, en fuentes que no son archivos oficiales (diría si un reporte cayó ese día) */
                            last_month_complete: boolean | null;
                            source: string;
                            source_kind: string;
                            until: string | null;
                            /** @description sus fechas se reservan para quien consulta */
                            withheld: boolean;
                        }[];
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description db_unavailable: ok false */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        db?: string;
                        error: components["schemas"]["ErrorDetail"];
                        /** @constant */
                        ok: false;
                    };
                };
            };
        };
    };
    getHotspots: {
        parameters: {
            query: {
                /** @description comma-separated category or group ids (invalid_category). Categories: robo_transeunte, robo_vehiculo, robo_autopartes, robo_negocio, robo_casa_habitacion, robo_repartidor, robo_transportista, robo_cuentahabiente, robo_metro, robo_microbus, robo_taxi, robo_transporte_otro, homicidio_doloso, lesiones_arma_fuego, lesiones, violacion, secuestro, extorsion, feminicidio, narcomenudeo, portacion_armas, otros. Groups: robo, robo_transporte_publico, violencia, otros_delitos. Absent: all. */
                category?: components["parameters"]["category"];
                /** @description first day included, local date (invalid_date; invalid_range unless from < to) */
                from?: components["parameters"]["from"];
                /** @description H3 resolution (invalid_resolution) */
                res: components["parameters"]["res"];
                /** @description comma-separated source kinds: official, news, citizen, chat (invalid_parameter). Absent: every source. */
                source?: components["parameters"]["source"];
                /** @description first day excluded */
                to?: components["parameters"]["to"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counts per H3 cell (located incidents only) */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description public answers only
                         * @enum {unknown}
                         */
                        access?: "public";
                        category: string | null;
                        cells: {
                            count: number | null;
                            h3: string;
                            /** @description public answers only */
                            partial: boolean;
                        }[];
                        from: string | null;
                        /** @description public answers only: k, the smallest published count besides 0 */
                        min_count?: number;
                        res: number;
                        to: string | null;
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: invalid_resolution, invalid_date, invalid_range, invalid_category, month_aligned_required */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden_resolution, sensitive_category */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getHotspotsEmerging: {
        parameters: {
            query: {
                /** @description comma-separated category or group ids (invalid_category). Categories: robo_transeunte, robo_vehiculo, robo_autopartes, robo_negocio, robo_casa_habitacion, robo_repartidor, robo_transportista, robo_cuentahabiente, robo_metro, robo_microbus, robo_taxi, robo_transporte_otro, homicidio_doloso, lesiones_arma_fuego, lesiones, violacion, secuestro, extorsion, feminicidio, narcomenudeo, portacion_armas, otros. Groups: robo, robo_transporte_publico, violencia, otros_delitos. Absent: all. */
                category?: components["parameters"]["category"];
                /** @description first day included, local date (invalid_date; invalid_range unless from < to) */
                from?: components["parameters"]["from"];
                /** @description H3 resolution 6–10 (invalid_resolution). 11 is refused: about 600 000 cells in the city, too many to compute per request. */
                res: components["parameters"]["gistar_res"];
                /** @description comma-separated source kinds: official, news, citizen, chat (invalid_parameter). Absent: every source. */
                source?: components["parameters"]["source"];
                /** @description first day excluded */
                to?: components["parameters"]["to"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Emerging hot spot analysis over every cell of resolution `res` whose centre lies in Mexico City (the study area of /api/hotspots/gistar), one time step per month of [from, to) — from and to are required and must be first days of a month (400 month_aligned_required; 2 to 120 months, else invalid_range; Esri advises 10 or more). Each month: Gi* with binary k = 1 weights and Benjamini–Hochberg at q = 0.05 (as /api/hotspots/gistar); then Mann-Kendall on each cell's monthly z-scores; categories after Esri's "How Emerging Hot Spot Analysis works": new, consecutive, intensifying, persistent, diminishing, sporadic, oscillating, historical (hot and cold; ≥ 90 % of months, trend significant at p < 0.05). cells lists only the cells with a pattern; summary counts every category, no_pattern included. Public: resolution ≤ 8, published monthly values (a withheld cell-month counts 0). */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        category: string | null;
                        cells: {
                            /** @enum {unknown} */
                            category: "new_hot_spot" | "consecutive_hot_spot" | "intensifying_hot_spot" | "persistent_hot_spot" | "diminishing_hot_spot" | "sporadic_hot_spot" | "oscillating_hot_spot" | "historical_hot_spot" | "new_cold_spot" | "consecutive_cold_spot" | "intensifying_cold_spot" | "persistent_cold_spot" | "diminishing_cold_spot" | "sporadic_cold_spot" | "oscillating_cold_spot" | "historical_cold_spot" | "no_pattern";
                            cold_months: number;
                            count: number;
                            h3: string;
                            hot_months: number;
                            label: string;
                            trend: {
                                /** @enum {unknown} */
                                direction: "up" | "down" | "none";
                                p: number;
                                s: number;
                                tau: number;
                                z: number;
                            };
                        }[];
                        /** Format: date */
                        from: string;
                        months: number;
                        outside: number;
                        res: number;
                        study_cells: number;
                        summary: {
                            consecutive_cold_spot: number;
                            consecutive_hot_spot: number;
                            diminishing_cold_spot: number;
                            diminishing_hot_spot: number;
                            historical_cold_spot: number;
                            historical_hot_spot: number;
                            intensifying_cold_spot: number;
                            intensifying_hot_spot: number;
                            new_cold_spot: number;
                            new_hot_spot: number;
                            no_pattern: number;
                            oscillating_cold_spot: number;
                            oscillating_hot_spot: number;
                            persistent_cold_spot: number;
                            persistent_hot_spot: number;
                            sporadic_cold_spot: number;
                            sporadic_hot_spot: number;
                        };
                        /** Format: date */
                        to: string;
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: invalid_resolution, month_aligned_required, invalid_parameter, invalid_date, invalid_range, invalid_category */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden_resolution, sensitive_category */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getHotspotsGistar: {
        parameters: {
            query: {
                /** @description comma-separated category or group ids (invalid_category). Categories: robo_transeunte, robo_vehiculo, robo_autopartes, robo_negocio, robo_casa_habitacion, robo_repartidor, robo_transportista, robo_cuentahabiente, robo_metro, robo_microbus, robo_taxi, robo_transporte_otro, homicidio_doloso, lesiones_arma_fuego, lesiones, violacion, secuestro, extorsion, feminicidio, narcomenudeo, portacion_armas, otros. Groups: robo, robo_transporte_publico, violencia, otros_delitos. Absent: all. */
                category?: components["parameters"]["category"];
                /** @description first day included, local date (invalid_date; invalid_range unless from < to) */
                from?: components["parameters"]["from"];
                /** @description H3 resolution 6–10 (invalid_resolution). 11 is refused: about 600 000 cells in the city, too many to compute per request. */
                res: components["parameters"]["gistar_res"];
                /** @description comma-separated source kinds: official, news, citizen, chat (invalid_parameter). Absent: every source. */
                source?: components["parameters"]["source"];
                /** @description first day excluded */
                to?: components["parameters"]["to"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Gi* over every cell of resolution `res` whose centre lies in Mexico City (the 16 alcaldías), zero cells included; binary weights over the k = 1 ring including the cell itself, restricted to those cells; z = Gi* (Ord & Getis 1995), p two-sided; hot: true = significant with z > 0, false = significant with z < 0, null = not significant, by Benjamini–Hochberg at q = 0.05 over all cells. When every count is equal, z = 0 and p = 1. outside = incidents in cells whose centre lies outside the city (left out of the statistic). Cells in H3 index order. */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        category: string | null;
                        cells: {
                            count: number;
                            h3: string;
                            hot: boolean | null;
                            p: number;
                            z: number;
                        }[];
                        from: string | null;
                        outside: number;
                        res: number;
                        to: string | null;
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: invalid_resolution, invalid_date, invalid_range, invalid_category */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getHotspotsPai: {
        parameters: {
            query: {
                /** @description comma-separated category or group ids (invalid_category). Categories: robo_transeunte, robo_vehiculo, robo_autopartes, robo_negocio, robo_casa_habitacion, robo_repartidor, robo_transportista, robo_cuentahabiente, robo_metro, robo_microbus, robo_taxi, robo_transporte_otro, homicidio_doloso, lesiones_arma_fuego, lesiones, violacion, secuestro, extorsion, feminicidio, narcomenudeo, portacion_armas, otros. Groups: robo, robo_transporte_publico, violencia, otros_delitos. Absent: all. */
                category?: components["parameters"]["category"];
                /** @description the month judged, AAAA-MM (invalid_date) */
                month: components["parameters"]["month"];
                /** @description how many test months, ending at `month` (invalid_parameter) */
                months?: components["parameters"]["months"];
                rank_by?: components["parameters"]["rank_by"];
                /** @description H3 resolution 6–10 (invalid_resolution). 11 is refused: about 600 000 cells in the city, too many to compute per request. */
                res: components["parameters"]["gistar_res"];
                /** @description comma-separated source kinds: official, news, citizen, chat (invalid_parameter). Absent: every source. */
                source?: components["parameters"]["source"];
                /** @description how many hot spot cells (at most the city's cells at res; invalid_parameter) */
                top?: components["parameters"]["top"];
                /** @description months before each test month whose counts rank the hot spots (invalid_parameter) */
                training?: components["parameters"]["training"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Predictive Accuracy Index back-test (Chainey, Tompson & Uhlig 2008): for each test month t — the `months` months ending at `month` — the hot spots are the `top` cells of the city at `res` (the study area of /api/hotspots/gistar) ranked over months t−training … t−1 by the Gi* z-score of their summed counts (rank_by=gistar) or by the summed count (rank_by=count); ties by count, then cell id. PAI = (hits/total) / (hotspot_area_km2/study_area_km2): hits = incidents of month t in those cells, total = incidents of month t in the city; null when total = 0. mean_pai = mean of the non-null PAI. Public: resolution ≤ 8, published monthly values. */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        category: string | null;
                        items: {
                            area_share: number;
                            cells: string[];
                            hit_rate: number | null;
                            hits: number;
                            hotspot_area_km2: number;
                            month: string;
                            pai: number | null;
                            study_area_km2: number;
                            total: number;
                        }[];
                        mean_pai: number | null;
                        month: string;
                        months: number;
                        /** @enum {unknown} */
                        rank_by: "gistar" | "count";
                        res: number;
                        top: number;
                        training: number;
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: invalid_resolution, invalid_parameter, invalid_date, invalid_category */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden_resolution, sensitive_category */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    /** @enum {unknown} */
                    role: "mesa" | "enlace" | "moderador" | "admin";
                    territory?: string[];
                };
            };
        };
        responses: {
            /** @description Invitación */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        email: string;
                        expires_at: string;
                        role: string;
                        territory: string[];
                        token: string;
                        url: string;
                    };
                };
            };
            /** @description Error: invalid_body, unknown_territory */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: csrf_failed, forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postInvitationsAccept: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    password: string;
                    token: string;
                };
            };
        };
        responses: {
            /** @description Cuenta creada y sesión abierta */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        csrf_token: string;
                        user: {
                            email: string;
                            id: number;
                            name: string;
                            /** @enum {unknown} */
                            role: "mesa" | "enlace" | "moderador" | "admin";
                            territory: string[];
                        };
                    };
                };
            };
            /** @description Error: invalid_body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden_origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: account_exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: invitation_invalid */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postModerationChatImports: {
        parameters: {
            query?: {
                /** @description 1: vista previa, no guarda nada */
                dry_run?: "0" | "1" | "true" | "false";
                /** @description nombre del archivo subido (se registra con la importación) */
                file_name?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": string;
                "application/octet-stream": string;
                "application/zip": string;
                "text/plain": string;
            };
        };
        responses: {
            /** @description Lo importado (o lo que se importaría, con dry_run=1) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        already_queued: number;
                        dry_run: boolean;
                        file: string;
                        first_date: string | null;
                        /** @enum {unknown} */
                        format: "whatsapp-android" | "whatsapp-ios" | "telegram";
                        import_id: number | null;
                        incidents: number;
                        last_date: string | null;
                        malformed: number;
                        media: number;
                        messages: number;
                        placed: number;
                        queued: number;
                        retention_days: number;
                        sample: {
                            alcaldia: string | null;
                            category: string;
                            colonia: string | null;
                            /** Format: date */
                            date: string;
                            excerpt: string;
                            precision: string | null;
                        }[];
                        system: number;
                        text_messages: number;
                        unplaced: number;
                    };
                };
            };
            /** @description Error: invalid_parameter, empty_file */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: csrf_failed, forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: unsupported_archive */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: not_a_chat_export */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getModerationReports: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                status?: "pending" | "approved" | "merged" | "rejected";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reportes y conteos por estado */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        counts: Record<string, never>;
                        reports: Record<string, never>[];
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: invalid_parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postModerationReportsFolioApprove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description folio of a citizen report (unknown: 404 not_found) */
                folio: components["parameters"]["path_folio"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Aprobado */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        folio: string;
                        incident_id: string;
                        /** @constant */
                        status: "approved";
                    };
                };
            };
            /** @description Error: invalid_body, outside_cdmx */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: not_found, unknown_area */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: report_already_decided, report_unplaced */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postModerationReportsFolioMerge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description folio of a citizen report (unknown: 404 not_found) */
                folio: components["parameters"]["path_folio"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    incident_id: string;
                };
            };
        };
        responses: {
            /** @description Unido */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        folio: string;
                        incident_id: string;
                        /** @constant */
                        status: "merged";
                    };
                };
            };
            /** @description Error: invalid_body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: report_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postModerationReportsFolioReject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description folio of a citizen report (unknown: 404 not_found) */
                folio: components["parameters"]["path_folio"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Rechazado */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        folio: string;
                        reason: string;
                        /** @constant */
                        status: "rejected";
                    };
                };
            };
            /** @description Error: invalid_body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: report_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getNewsIncidents: {
        parameters: {
            query?: {
                /** @description comma-separated category or group ids (invalid_category). Categories: robo_transeunte, robo_vehiculo, robo_autopartes, robo_negocio, robo_casa_habitacion, robo_repartidor, robo_transportista, robo_cuentahabiente, robo_metro, robo_microbus, robo_taxi, robo_transporte_otro, homicidio_doloso, lesiones_arma_fuego, lesiones, violacion, secuestro, extorsion, feminicidio, narcomenudeo, portacion_armas, otros. Groups: robo, robo_transporte_publico, violencia, otros_delitos. Absent: all. */
                category?: components["parameters"]["category"];
                /** @description first day included, local date (invalid_date; invalid_range unless from < to) */
                from?: components["parameters"]["from"];
                id?: string;
                kind?: "alcaldia" | "colonia" | "sector" | "cuadrante";
                limit?: number;
                /** @description first day excluded */
                to?: components["parameters"]["to"];
                /** @description boundary vintage (invalid_vintage); alcaldías and colonias have one */
                vintage?: components["parameters"]["vintage"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Incidentes de prensa con sus fuentes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        area: {
                            id: string;
                            /** @enum {unknown} */
                            kind: "alcaldia" | "colonia" | "sector" | "cuadrante";
                            name: string;
                            vintage: number;
                        } | null;
                        from: string | null;
                        incidents: {
                            alcaldia_id: string | null;
                            category: string;
                            colonia_id: string | null;
                            id: string;
                            lat: number | null;
                            location_precision: string;
                            lon: number | null;
                            /** Format: date */
                            occurred_on: string;
                            sources: {
                                article_id: string;
                                confidence: number | null;
                                outlet: string;
                                placing_sentence: string | null;
                                precision: string | null;
                                published_at: string | null;
                                /** @enum {unknown} */
                                relation: "origin" | "same_story" | "same_event";
                                title: string | null;
                                url: string;
                            }[];
                        }[];
                        to: string | null;
                        total: number;
                    };
                };
            };
            /** @description Error: invalid_kind, invalid_parameter, invalid_vintage, invalid_date, invalid_range, invalid_category */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: unknown_area */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postNewsIncidentsIdCorrect: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description alcaldía cvegeo ("09002"), colonia cve_col ("02-001"), cuadrante ("P-1.3.8"), sector name (URL-encoded), H3 cell ("884995b847fffff") */
                id: components["parameters"]["path_id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    category?: string;
                    lat?: number;
                    lon?: number;
                };
            };
        };
        responses: {
            /** @description Decisión aplicada */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        decision: "correct";
                        incident_id: string;
                    };
                };
            };
            /** @description Error: invalid_body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postNewsIncidentsIdDetach: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description alcaldía cvegeo ("09002"), colonia cve_col ("02-001"), cuadrante ("P-1.3.8"), sector name (URL-encoded), H3 cell ("884995b847fffff") */
                id: components["parameters"]["path_id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    article_id: string;
                };
            };
        };
        responses: {
            /** @description Decisión aplicada */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        decision: "detach";
                        incident_id: string;
                    };
                };
            };
            /** @description Error: invalid_body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: origin_article */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postNewsIncidentsIdMerge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description alcaldía cvegeo ("09002"), colonia cve_col ("02-001"), cuadrante ("P-1.3.8"), sector name (URL-encoded), H3 cell ("884995b847fffff") */
                id: components["parameters"]["path_id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    into: string;
                };
            };
        };
        responses: {
            /** @description Decisión aplicada */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        decision: "merge";
                        incident_id: string;
                    };
                };
            };
            /** @description Error: invalid_body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postNewsIncidentsIdReject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description alcaldía cvegeo ("09002"), colonia cve_col ("02-001"), cuadrante ("P-1.3.8"), sector name (URL-encoded), H3 cell ("884995b847fffff") */
                id: components["parameters"]["path_id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Decisión aplicada */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        decision: "reject";
                        incident_id: string;
                    };
                };
            };
            /** @description Error: invalid_body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getNewsSources: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Estado de las fuentes de noticias */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schedule: {
                            active: boolean;
                            config_error: string | null;
                            interval_minutes: number | null;
                        };
                        sources: {
                            configured: boolean;
                            enabled: boolean;
                            id: string;
                            interval_minutes: number | null;
                            kind: string | null;
                            last_ok_at: string | null;
                            last_run: {
                                /** Format: date-time */
                                finished_at: string;
                                instance: string;
                                pass_counts: {
                                    [key: string]: number;
                                } | null;
                                reason: string | null;
                                /** Format: date-time */
                                started_at: string;
                                /** @enum {unknown} */
                                status: "ok" | "failed";
                            } | null;
                            next_run_at: string | null;
                            outlet: string | null;
                            url: string | null;
                        }[];
                    };
                };
            };
            /** @description Error: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOpenapiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3.1 */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getPatrol: {
        parameters: {
            query: {
                /** @description comma-separated category or group ids (invalid_category). Categories: robo_transeunte, robo_vehiculo, robo_autopartes, robo_negocio, robo_casa_habitacion, robo_repartidor, robo_transportista, robo_cuentahabiente, robo_metro, robo_microbus, robo_taxi, robo_transporte_otro, homicidio_doloso, lesiones_arma_fuego, lesiones, violacion, secuestro, extorsion, feminicidio, narcomenudeo, portacion_armas, otros. Groups: robo, robo_transporte_publico, violencia, otros_delitos. Absent: all. */
                category?: components["parameters"]["category"];
                /** @description cuadrante id of `vintage` (unknown: 404 unknown_area; missing: invalid_parameter) */
                cuadrante: components["parameters"]["cuadrante"];
                /** @description first day included, local date (invalid_date; invalid_range unless from < to) */
                from?: components["parameters"]["from"];
                /** @description H3 resolution of the top cells (invalid_resolution) */
                res?: components["parameters"]["patrol_res"];
                /** @description comma-separated source kinds: official, news, citizen, chat (invalid_parameter). Absent: every source. */
                source?: components["parameters"]["source"];
                /** @description first day excluded */
                to?: components["parameters"]["to"];
                /** @description boundary vintage (invalid_vintage); alcaldías and colonias have one */
                vintage?: components["parameters"]["vintage"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Hoja de patrullaje */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        by_category: {
                            category: string;
                            count: number;
                        }[];
                        category: string | null;
                        cuadrante: {
                            alcaldia: string | null;
                            alcaldia_id: string | null;
                            id: string;
                            name: string;
                            sector: string | null;
                        };
                        from: string | null;
                        heat: {
                            /** @constant */
                            cols: 24;
                            counts: number[][];
                            row_labels: ("lunes" | "martes" | "miércoles" | "jueves" | "viernes" | "sábado" | "domingo")[];
                            /** @constant */
                            rows: 7;
                        };
                        res: number;
                        to: string | null;
                        top_cells: {
                            count: number;
                            h3: string;
                            place: {
                                distance_m: number;
                                /** @enum {unknown} */
                                kind: "station" | "corner";
                                label: string;
                                name: string;
                            } | null;
                            res: number;
                        }[];
                        total: number;
                        unknown_hour: number;
                        unlocated: number;
                        vintage: number;
                    };
                };
            };
            /** @description Error: invalid_parameter, invalid_vintage, invalid_resolution, invalid_date, invalid_range, invalid_category */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: unknown_area */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPlenaryPdf: {
        parameters: {
            query: {
                /** @description plenary agenda: comma-separated kind:id (id URL-encoded), e.g. sector:ABASTO-REFORMA,cuadrante:P-1.3.8; at most 12 (invalid_parameter, invalid_kind). An unknown id is reported on its slides. */
                areas: components["parameters"]["areas"];
                /** @description plenary agenda: comma-separated category or group ids, at most 6 (invalid_category) */
                categories: components["parameters"]["categories"];
                /** @description the month judged, AAAA-MM (invalid_date) */
                month: components["parameters"]["month"];
                /** @description boundary vintage (invalid_vintage); alcaldías and colonias have one */
                vintage?: components["parameters"]["vintage"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PDF (Content-Disposition: attachment), Cache-Control private, no-store */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: invalid_parameter, invalid_kind, invalid_category, invalid_date, invalid_vintage */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: pdf_renderer_unavailable, pdf_renderer_busy */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: pdf_render_timeout */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPlenaryPng: {
        parameters: {
            query: {
                /** @description plenary agenda: comma-separated kind:id (id URL-encoded), e.g. sector:ABASTO-REFORMA,cuadrante:P-1.3.8; at most 12 (invalid_parameter, invalid_kind). An unknown id is reported on its slides. */
                areas: components["parameters"]["areas"];
                /** @description plenary agenda: comma-separated category or group ids, at most 6 (invalid_category) */
                categories: components["parameters"]["categories"];
                /** @description the month judged, AAAA-MM (invalid_date) */
                month: components["parameters"]["month"];
                /** @description slide number, 1-based (invalid_parameter) */
                slide?: components["parameters"]["slide"];
                /** @description boundary vintage (invalid_vintage); alcaldías and colonias have one */
                vintage?: components["parameters"]["vintage"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PNG of slide `slide` (1-based); a slide beyond the last: 400 invalid_parameter */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: invalid_parameter, invalid_kind, invalid_category, invalid_date, invalid_vintage */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: pdf_renderer_unavailable, pdf_renderer_busy */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: pdf_render_timeout */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRank: {
        parameters: {
            query: {
                by?: components["parameters"]["by"];
                /** @description comma-separated category or group ids (invalid_category). Categories: robo_transeunte, robo_vehiculo, robo_autopartes, robo_negocio, robo_casa_habitacion, robo_repartidor, robo_transportista, robo_cuentahabiente, robo_metro, robo_microbus, robo_taxi, robo_transporte_otro, homicidio_doloso, lesiones_arma_fuego, lesiones, violacion, secuestro, extorsion, feminicidio, narcomenudeo, portacion_armas, otros. Groups: robo, robo_transporte_publico, violencia, otros_delitos. Absent: all. */
                category?: components["parameters"]["category"];
                /** @description first day included, local date (invalid_date; invalid_range unless from < to) */
                from?: components["parameters"]["from"];
                kind: components["parameters"]["kind"];
                limit?: components["parameters"]["limit"];
                /** @description first day excluded */
                to?: components["parameters"]["to"];
                /** @description boundary vintage (invalid_vintage); alcaldías and colonias have one */
                vintage?: components["parameters"]["vintage"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Items sorted descending by `by` (count: incidents in [from, to); rate: per 100 000 residents, areas without population last; change: diff against `previous`, the period of equal length just before). Ties by id. */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        by: "count" | "rate" | "change";
                        category: string | null;
                        /** @description public answer for a sensitive category: months (YYYY-MM) from this one on are withheld (null) until SENSITIVE_DELAY_DAYS after their end */
                        embargo_from?: string;
                        /** Format: date */
                        from: string;
                        items: {
                            count: number | null;
                            diff: number | null;
                            id: string;
                            name: string;
                            pct: number | null;
                            population: number | null;
                            previous: number | null;
                            rank: number;
                            rate: number | null;
                        }[];
                        kind: string;
                        limit: number;
                        previous: components["schemas"]["Period"];
                        sensitive_delay_days?: number;
                        /** Format: date */
                        to: string;
                        total: number;
                        vintage: number;
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: invalid_kind, invalid_vintage, invalid_parameter, invalid_date, invalid_range, invalid_category */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ready: true;
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description service_starting (arrancando) o db_unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: components["schemas"]["ErrorDetail"];
                        phase?: string;
                        /** @constant */
                        ready: false;
                    };
                };
            };
        };
    };
    postReports: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {unknown} */
                    category: "robo_transeunte" | "robo_vehiculo" | "robo_autopartes" | "robo_negocio" | "robo_casa_habitacion" | "robo_repartidor" | "robo_transportista" | "robo_cuentahabiente" | "robo_metro" | "robo_microbus" | "robo_taxi" | "robo_transporte_otro" | "homicidio_doloso" | "lesiones_arma_fuego" | "lesiones" | "violacion" | "secuestro" | "extorsion" | "feminicidio" | "narcomenudeo" | "portacion_armas" | "otros";
                    /** @constant */
                    consent: true;
                    /** Format: date */
                    date: string;
                    description?: string | null;
                    hour?: number | null;
                    website?: string;
                    where: {
                        lat: number;
                        lon: number;
                    } | {
                        text: string;
                    };
                };
            };
        };
        responses: {
            /** @description Recibido: folio para consultar el estado, y lo que se entendió (lugar, fecha, categoría) para confirmarlo */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        folio: string;
                        /** @constant */
                        status: "pending";
                        understood: Record<string, never>;
                    };
                };
            };
            /** @description Error: consent_required, invalid_category, invalid_date, future_date, outside_cdmx, unplaced_location, invalid_body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden_origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReportsFolio: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description folio of a citizen report (unknown: 404 not_found) */
                folio: components["parameters"]["path_folio"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Estado */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created_at: string;
                        decided_at: string | null;
                        folio: string;
                        /** @enum {unknown} */
                        status: "pending" | "approved" | "merged" | "rejected";
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReportsGeocode: {
        parameters: {
            query: {
                /** @description accent- and case-insensitive (invalid_query) */
                q: components["parameters"]["q"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Lugar entendido */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        place: {
                            alcaldia: string | null;
                            alcaldia_id: string | null;
                            colonia: string | null;
                            colonia_id: string | null;
                            lat: number;
                            lon: number;
                            precision: string;
                            text: string | null;
                        };
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: invalid_query, outside_cdmx, unplaced_location */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSearch: {
        parameters: {
            query: {
                limit?: number;
                /** @description accent- and case-insensitive (invalid_query) */
                q: components["parameters"]["q"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Results, best first */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        q: string;
                        results: ({
                            alcaldia_id: string | null;
                            id: string;
                            name: string;
                            /** @enum {unknown} */
                            type: "alcaldia" | "colonia" | "sector" | "cuadrante";
                            vintage: number;
                        } | {
                            id: string;
                            lat: number;
                            lines: string[];
                            lon: number;
                            name: string;
                            /** @enum {unknown} */
                            system: "metro" | "metrobus";
                            /** @constant */
                            type: "station";
                        })[];
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: invalid_query, invalid_parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSemaforo: {
        parameters: {
            query: {
                /** @description comma-separated category or group ids (invalid_category). Categories: robo_transeunte, robo_vehiculo, robo_autopartes, robo_negocio, robo_casa_habitacion, robo_repartidor, robo_transportista, robo_cuentahabiente, robo_metro, robo_microbus, robo_taxi, robo_transporte_otro, homicidio_doloso, lesiones_arma_fuego, lesiones, violacion, secuestro, extorsion, feminicidio, narcomenudeo, portacion_armas, otros. Groups: robo, robo_transporte_publico, violencia, otros_delitos. Absent: all. */
                category?: components["parameters"]["category"];
                /** @description comma-separated area ids, or H3 cells with kind=h3 (invalid_cell); absent: every area of the kind (unknown id: 404 unknown_area) */
                ids?: components["parameters"]["ids"];
                /** @description an area kind, or h3 for H3 cells (invalid_kind) */
                kind: components["parameters"]["place_kind"];
                /** @description the month judged, AAAA-MM (invalid_date) */
                month: components["parameters"]["month"];
                /** @description kind=h3: the cells' resolution; required without ids, else it must match the cells (invalid_resolution, invalid_parameter) */
                res?: components["parameters"]["place_res"];
                /** @description boundary vintage (invalid_vintage); alcaldías and colonias have one */
                vintage?: components["parameters"]["vintage"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description count = incidents in `month`; baseline_mean = mean monthly count over the 36 months before `month` (zero months count 0); pct_change = 100·(count − baseline_mean)/baseline_mean, rounded to 6 decimals. color: "verde" when pct_change ≤ −25 %, "amarillo" when −25 % < pct_change ≤ 0, "rojo" when pct_change > 0 (decided in exact arithmetic). Zero baseline (no incident in the 36 months): pct_change is null and color is "rojo" if count > 0, "verde" if count = 0. Data coverage: each source placing incidents at this level (areas of this kind and vintage, or cells of this resolution) covers the months from its first to its last incident month; the union of those ranges is the data. baseline_months = how many of the 36 months lie in it; with fewer than 36, or when `month` itself lies outside it, color is null (baseline_mean and pct_change are then over the covered months only, null when none is). Without ids: every area of the kind; with kind=h3 and no ids, every cell of `res` with incidents in the 37 months. H3 cells (kind=h3): ids are cells (hex, e.g. 884995b847fffff) of one resolution 6–11 (res may state it, and must without ids); without ids, every cell of `res` with incidents. A cell is named after the colonia and alcaldía holding its centre; its population is estimated from the IECM colonia populations by areal weighting (Goodchild & Lam 1980), for rates. The public sees cells of resolution ≤ 8 (403 forbidden_resolution) with per-cell monthly suppression, as /api/hotspots; mesa and enlace get the public cells too (cells do not follow territories). */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description public answers only
                         * @enum {unknown}
                         */
                        access?: "public";
                        category: string | null;
                        items: {
                            baseline_mean: number | null;
                            baseline_months: number;
                            /** @enum {unknown} */
                            color: "verde" | "amarillo" | "rojo" | null;
                            /** @description null: withheld (public answers only) */
                            count: number | null;
                            id: string;
                            name: string;
                            /** @description public answers only: a month of the baseline is withheld */
                            partial?: boolean;
                            pct_change: number | null;
                        }[];
                        /** @enum {unknown} */
                        kind: "alcaldia" | "colonia" | "sector" | "cuadrante" | "h3";
                        /** @description public answers only: k, the smallest published count besides 0 */
                        min_count?: number;
                        month: string;
                        /** @description kind=h3 only */
                        res?: number;
                        /** @description areas only */
                        vintage?: number;
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: invalid_kind, invalid_vintage, invalid_parameter, invalid_date, invalid_category, invalid_cell, invalid_resolution, month_aligned_required */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden_resolution, sensitive_category */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: unknown_area */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sesión */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        csrf_token?: string;
                        token?: Record<string, never>;
                        user: {
                            email: string;
                            id: number;
                            name: string;
                            /** @enum {unknown} */
                            role: "mesa" | "enlace" | "moderador" | "admin";
                            territory: string[];
                        } | null;
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Sesión abierta */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        csrf_token: string;
                        user: {
                            email: string;
                            id: number;
                            name: string;
                            /** @enum {unknown} */
                            role: "mesa" | "enlace" | "moderador" | "admin";
                            territory: string[];
                        };
                    };
                };
            };
            /** @description Error: invalid_body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: account_disabled, forbidden_origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: too_many_attempts */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sesión cerrada */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: null;
                    };
                };
            };
            /** @description Error: csrf_failed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSources: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every source with its first and last month; sources the open-data sync keeps current carry its last and next run */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sources: components["schemas"]["SourceStatus"][];
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getTargets: {
        parameters: {
            query?: {
                /** @description comma-separated area ids, or H3 cells with kind=h3 (invalid_cell); absent: every area of the kind (unknown id: 404 unknown_area) */
                ids?: components["parameters"]["ids"];
                kind?: "alcaldia" | "colonia" | "sector" | "cuadrante";
                /** @description boundary vintage (invalid_vintage); alcaldías and colonias have one */
                vintage?: components["parameters"]["vintage"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Metas */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            area_id: string;
                            area_name: string | null;
                            /** Format: date */
                            baseline_from: string;
                            /** Format: date */
                            baseline_to: string;
                            category: string | null;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string;
                            due_month: string;
                            id: number;
                            /** @enum {unknown} */
                            kind: "alcaldia" | "colonia" | "sector" | "cuadrante";
                            name: string;
                            reduction_pct: number;
                            /** @enum {unknown} */
                            vintage: 2016 | 2023;
                        }[];
                    };
                };
            };
            /** @description Error: invalid_kind, invalid_parameter, invalid_vintage */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTargets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    area_id: string;
                    /** @description first baseline month (AAAA-MM or AAAA-MM-01) */
                    baseline_from: string;
                    /** @description first month after the baseline (excluded); at most 120 months after baseline_from */
                    baseline_to: string;
                    category?: string | null;
                    /** @description month the target is due, ≥ baseline_to, at most 120 months after it */
                    due_month: string;
                    /** @enum {unknown} */
                    kind: "alcaldia" | "colonia" | "sector" | "cuadrante";
                    name: string;
                    /** @description 25 = −25 % (two decimals at most) */
                    reduction_pct: number;
                    /**
                     * @default 2023
                     * @enum {unknown}
                     */
                    vintage?: 2016 | 2023;
                };
            };
        };
        responses: {
            /** @description Meta creada */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        area_id: string;
                        area_name: string | null;
                        /** Format: date */
                        baseline_from: string;
                        /** Format: date */
                        baseline_to: string;
                        category: string | null;
                        /** Format: date-time */
                        created_at: string;
                        created_by: string;
                        due_month: string;
                        id: number;
                        /** @enum {unknown} */
                        kind: "alcaldia" | "colonia" | "sector" | "cuadrante";
                        name: string;
                        reduction_pct: number;
                        /** @enum {unknown} */
                        vintage: 2016 | 2023;
                    };
                };
            };
            /** @description Error: invalid_body, invalid_category */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: unknown_area */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTargetsTargetId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id of a target (unknown: 404 not_found) */
                target_id: components["parameters"]["path_target_id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Meta */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        area_id: string;
                        area_name: string | null;
                        /** Format: date */
                        baseline_from: string;
                        /** Format: date */
                        baseline_to: string;
                        category: string | null;
                        /** Format: date-time */
                        created_at: string;
                        created_by: string;
                        due_month: string;
                        id: number;
                        /** @enum {unknown} */
                        kind: "alcaldia" | "colonia" | "sector" | "cuadrante";
                        name: string;
                        reduction_pct: number;
                        /** @enum {unknown} */
                        vintage: 2016 | 2023;
                    };
                };
            };
            /** @description Error: invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteTargetsTargetId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id of a target (unknown: 404 not_found) */
                target_id: components["parameters"]["path_target_id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Borrada */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        deleted: true;
                        id: number;
                    };
                };
            };
            /** @description Error: invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTargetsTargetIdProgress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description id of a target (unknown: 404 not_found) */
                target_id: components["parameters"]["path_target_id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Avance */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        access?: "public";
                        baseline_monthly_mean: number | null;
                        baseline_months: number;
                        baseline_withheld?: number;
                        goal_monthly: number | null;
                        items: {
                            count: number | null;
                            goal: number | null;
                            met: boolean | null;
                            month: string;
                            /** @description public answers: the month is withheld */
                            partial?: boolean;
                        }[];
                        min_count?: number;
                        /** @enum {unknown} */
                        status: "cumplida" | "en_curso" | "no_cumplida" | null;
                        target: {
                            area_id: string;
                            area_name: string | null;
                            /** Format: date */
                            baseline_from: string;
                            /** Format: date */
                            baseline_to: string;
                            category: string | null;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string;
                            due_month: string;
                            id: number;
                            /** @enum {unknown} */
                            kind: "alcaldia" | "colonia" | "sector" | "cuadrante";
                            name: string;
                            reduction_pct: number;
                            /** @enum {unknown} */
                            vintage: 2016 | 2023;
                        };
                    };
                };
            };
            /** @description Error: invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: sensitive_category */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: not_found, unknown_area */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTilesHotspotsZXYPbf: {
        parameters: {
            query?: {
                /** @description comma-separated category or group ids (invalid_category). Categories: robo_transeunte, robo_vehiculo, robo_autopartes, robo_negocio, robo_casa_habitacion, robo_repartidor, robo_transportista, robo_cuentahabiente, robo_metro, robo_microbus, robo_taxi, robo_transporte_otro, homicidio_doloso, lesiones_arma_fuego, lesiones, violacion, secuestro, extorsion, feminicidio, narcomenudeo, portacion_armas, otros. Groups: robo, robo_transporte_publico, violencia, otros_delitos. Absent: all. */
                category?: components["parameters"]["category"];
                /** @description first day included, local date (invalid_date; invalid_range unless from < to) */
                from?: components["parameters"]["from"];
                /** @description comma-separated source kinds: official, news, citizen, chat (invalid_parameter). Absent: every source. */
                source?: components["parameters"]["source"];
                /** @description first day excluded */
                to?: components["parameters"]["to"];
            };
            header?: never;
            path: {
                x: components["parameters"]["path_x"];
                y: components["parameters"]["path_y"];
                z: components["parameters"]["path_z"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Mapbox Vector Tile */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.mapbox-vector-tile": string;
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: invalid_tile, invalid_date, invalid_range, invalid_category */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tokens, del más reciente al más antiguo */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            created_at: string;
                            id: number;
                            name: string;
                            revoked_at: string | null;
                            role: string;
                            territory: string[];
                        }[];
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @enum {unknown} */
                    role: "mesa" | "enlace" | "moderador" | "admin";
                    territory?: string[];
                };
            };
        };
        responses: {
            /** @description Token creado */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        role: string;
                        territory: string[];
                        token: string;
                    };
                };
            };
            /** @description Error: invalid_body, unknown_territory */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteTokensId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description token id (unknown: 404 not_found) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoca un token de API (admin) de inmediato */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /** @constant */
                        revoked: true;
                    };
                };
            };
            /** @description Error: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: csrf_failed, forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTransit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description FeatureCollection: LineString por línea (properties kind "line", system, line, name, color: color GTFS; trazo por sus estaciones en orden de viaje) y Point por estación (kind "station", id, system, name, lines, color) */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/geo+json": Record<string, never>;
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getTrend: {
        parameters: {
            query: {
                /** @description comma-separated category or group ids (invalid_category). Categories: robo_transeunte, robo_vehiculo, robo_autopartes, robo_negocio, robo_casa_habitacion, robo_repartidor, robo_transportista, robo_cuentahabiente, robo_metro, robo_microbus, robo_taxi, robo_transporte_otro, homicidio_doloso, lesiones_arma_fuego, lesiones, violacion, secuestro, extorsion, feminicidio, narcomenudeo, portacion_armas, otros. Groups: robo, robo_transporte_publico, violencia, otros_delitos. Absent: all. */
                category?: components["parameters"]["category"];
                /** @description first day included, local date (invalid_date; invalid_range unless from < to) */
                from?: components["parameters"]["from"];
                /** @description one area id of `kind`, or one H3 cell with kind=h3 (unknown: 404 unknown_area; missing: invalid_parameter; not a cell: invalid_cell) */
                id: components["parameters"]["id"];
                /** @description an area kind, or h3 for H3 cells (invalid_kind) */
                kind: components["parameters"]["place_kind"];
                /** @description comma-separated source kinds: official, news, citizen, chat (invalid_parameter). Absent: every source. */
                source?: components["parameters"]["source"];
                /** @description first day excluded */
                to?: components["parameters"]["to"];
                /** @description boundary vintage (invalid_vintage); alcaldías and colonias have one */
                vintage?: components["parameters"]["vintage"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Mann-Kendall test on the dense monthly counts of [from, to) (the series of /api/areas/{kind}/{id}/series; n counts the zero months): S = Σ_{i<j} sign(x_j − x_i); var_s corrected for ties; z with continuity correction ±1 (0 when S = 0); p two-sided (normal approximation); tau = S / (n(n−1)/2); direction "up"/"down" when p < 0.05, else "none". n < 2 or an all-tied series: s = 0, z = 0, p = 1, direction "none". Without from/to the range spans the data. Public answers run the test on the published months only (withheld_months says how many were left out). H3 cells (kind=h3): ids are cells (hex, e.g. 884995b847fffff) of one resolution 6–11 (res may state it, and must without ids); without ids, every cell of `res` with incidents. A cell is named after the colonia and alcaldía holding its centre; its population is estimated from the IECM colonia populations by areal weighting (Goodchild & Lam 1980), for rates. The public sees cells of resolution ≤ 8 (403 forbidden_resolution) with per-cell monthly suppression, as /api/hotspots; mesa and enlace get the public cells too (cells do not follow territories). */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description public answers only
                         * @enum {unknown}
                         */
                        access?: "public";
                        category: string | null;
                        /** @enum {unknown} */
                        direction: "up" | "down" | "none";
                        from: string | null;
                        id: string;
                        /** @enum {unknown} */
                        kind: "alcaldia" | "colonia" | "sector" | "cuadrante" | "h3";
                        /** @description public answers only: k, the smallest published count besides 0 */
                        min_count?: number;
                        n: number;
                        name: string;
                        p: number;
                        /** @description kind=h3 only */
                        res?: number;
                        s: number;
                        tau: number;
                        to: string | null;
                        var_s: number;
                        /** @description areas only */
                        vintage?: number;
                        /** @description public answers only: months left out of the test (withheld) */
                        withheld_months?: number;
                        z: number;
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: invalid_kind, invalid_vintage, invalid_parameter, invalid_date, invalid_range, invalid_category, invalid_cell, invalid_resolution, month_aligned_required */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden_resolution, sensitive_category */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: unknown_area */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cuentas */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: Record<string, never>[];
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteUsersId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description account id (unknown: 404 not_found) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Desactiva una cuenta (admin) y termina sus sesiones; nunca la última cuenta admin activa */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        disabled: true;
                        id: number;
                    };
                };
            };
            /** @description Error: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: csrf_failed, forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: last_admin */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchUsersId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description account id (unknown: 404 not_found) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {unknown} */
                    role: "mesa" | "enlace" | "moderador" | "admin";
                    territory?: string[];
                };
            };
        };
        responses: {
            /** @description Cuenta actualizada */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        role: string;
                        territory: string[];
                    };
                };
            };
            /** @description Error: invalid_body, unknown_territory */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: csrf_failed, forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: last_admin */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: internal_error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
