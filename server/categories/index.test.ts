import { expect, it } from 'vitest';
import { describeApi, getJson } from '../../tests/support/index.ts';

// the canonical ids, the public-transport group and the sensitive four
const IDS = [
  'robo_transeunte',
  'robo_vehiculo',
  'robo_autopartes',
  'robo_negocio',
  'robo_casa_habitacion',
  'robo_repartidor',
  'robo_transportista',
  'robo_cuentahabiente',
  'robo_metro',
  'robo_microbus',
  'robo_taxi',
  'robo_transporte_otro',
  'homicidio_doloso',
  'lesiones_arma_fuego',
  'lesiones',
  'violacion',
  'secuestro',
  'extorsion',
  'feminicidio',
  'narcomenudeo',
  'portacion_armas',
  'otros',
];

describeApi(
  'GET /api/categories',
  (ctx) => {
    it('lists every category with a Spanish label, its group and the sensitive flag', async () => {
      const { status, body, headers } = await getJson(ctx().app, '/api/categories');
      expect(status).toBe(200);
      expect(body.categories.map((c: { id: string }) => c.id).sort()).toEqual([...IDS].sort());
      expect(
        body.categories
          .filter((c: { sensitive: boolean }) => c.sensitive)
          .map((c: { id: string }) => c.id)
          .sort(),
      ).toEqual(['extorsion', 'feminicidio', 'secuestro', 'violacion']);
      for (const c of body.categories) expect(c.label).toMatch(/^[A-ZÁÉÍÓÚÑ][\p{L} ]+$/u);
      const transport = body.groups.find((g: { id: string }) => g.id === 'robo_transporte_publico');
      expect([...transport.categories].sort()).toEqual([
        'robo_metro',
        'robo_microbus',
        'robo_taxi',
        'robo_transporte_otro',
      ]);
      expect(headers.get('etag')).toBeTruthy();
      expect(headers.get('cache-control')).toMatch(/max-age=/);
    });
  },
  { seed: false },
);
