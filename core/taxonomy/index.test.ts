import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { readBundled } from '../../reference/files/index.ts';
import { AppError } from '../errors/index.ts';
import {
  CATEGORIES,
  CATEGORY_IDS,
  GROUPS,
  SENSITIVE_CATEGORIES,
  classifyLabel,
  expandCategoryFilter,
  repairMojibake,
} from './index.ts';

const ssc = parse(readBundled('crime/ssc_crime_points_2013_2016.csv.gz'), { columns: true }) as Record<
  string,
  string
>[];
const fgj = parse(readBundled('crime/fgj_victimas_milpa_alta_2016_2022.csv.gz'), { columns: true }) as Record<
  string,
  string
>[];

describe('categories', () => {
  it('lists exactly the canonical ids, with Spanish labels', () => {
    expect([...CATEGORY_IDS].sort()).toEqual(
      [
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
      ].sort(),
    );
    expect(CATEGORIES.find((c) => c.id === 'robo_transeunte')?.label).toBe('Robo a transeúnte');
    expect(CATEGORIES.find((c) => c.id === 'violacion')?.label).toBe('Violación');
  });
  it('puts the four public-transport robberies in robo_transporte_publico and marks four sensitive ones', () => {
    expect(GROUPS.find((g) => g.id === 'robo_transporte_publico')?.categories).toEqual([
      'robo_metro',
      'robo_microbus',
      'robo_taxi',
      'robo_transporte_otro',
    ]);
    expect([...SENSITIVE_CATEGORIES].sort()).toEqual(['extorsion', 'feminicidio', 'secuestro', 'violacion']);
  });
  it('has group ids distinct from category ids', () => {
    for (const g of GROUPS) expect(CATEGORY_IDS).not.toContain(g.id);
  });
});

describe('expandCategoryFilter', () => {
  it('expands groups and ids, deduplicated, in taxonomy order', () => {
    expect(expandCategoryFilter('robo_transporte_publico,homicidio_doloso')).toEqual([
      'robo_metro',
      'robo_microbus',
      'robo_taxi',
      'robo_transporte_otro',
      'homicidio_doloso',
    ]);
    expect(expandCategoryFilter('robo_taxi, robo_transporte_publico')).toEqual([
      'robo_metro',
      'robo_microbus',
      'robo_taxi',
      'robo_transporte_otro',
    ]);
    expect(expandCategoryFilter('robo')).toHaveLength(12);
  });
  it('returns null for an absent filter and throws invalid_category for unknown or empty ids', () => {
    expect(expandCategoryFilter(undefined)).toBeNull();
    expect(expandCategoryFilter('')).toBeNull();
    for (const bad of ['robo_bicicleta', 'homicidio_doloso,,robo_taxi', 'HOMICIDIO_DOLOSO']) {
      expect(() => expandCategoryFilter(bad), bad).toThrow(AppError);
      try {
        expandCategoryFilter(bad);
      } catch (e) {
        expect((e as AppError).code).toBe('invalid_category');
      }
    }
  });
});

describe('repairMojibake', () => {
  it('repairs double-encoded UTF-8 and R <U+XXXX> escapes, and leaves correct text alone', () => {
    expect(repairMojibake('VIOLACI\u00C3\u0093N')).toBe('VIOLACIÓN');
    expect(repairMojibake('VIOLACIÃ<U+0093>N')).toBe('VIOLACIÓN');
    expect(repairMojibake('ROBO DE VEH\u00C3\u008DCULO')).toBe('ROBO DE VEHÍCULO');
    expect(repairMojibake('DA\u00C3\u0091O')).toBe('DAÑO');
    expect(repairMojibake('TR\u00C3\u0081NSITO')).toBe('TRÁNSITO');
    expect(repairMojibake('CONTAMINACIÓN O RESIDUOS')).toBe('CONTAMINACIÓN O RESIDUOS');
    expect(repairMojibake('ÁLVARO OBREGÓN, PEÑÓN')).toBe('ÁLVARO OBREGÓN, PEÑÓN');
  });
});

describe('classifyLabel', () => {
  it('maps the 19 SSC labels (hand-written expectations)', () => {
    const expected: Record<string, [string, 'con' | 'sin' | null]> = {
      'ROBO DE VEHICULO AUTOMOTOR S.V.': ['robo_vehiculo', 'sin'],
      'ROBO DE VEHICULO AUTOMOTOR C.V.': ['robo_vehiculo', 'con'],
      'ROBO A TRANSEUNTE C.V.': ['robo_transeunte', 'con'],
      'ROBO A TRANSEUNTE S.V.': ['robo_transeunte', 'sin'],
      'ROBO A NEGOCIO C.V.': ['robo_negocio', 'con'],
      'ROBO A REPARTIDOR C.V.': ['robo_repartidor', 'con'],
      'ROBO A REPARTIDOR S.V.': ['robo_repartidor', 'sin'],
      'LESIONES POR ARMA DE FUEGO': ['lesiones_arma_fuego', null],
      'HOMICIDIO DOLOSO': ['homicidio_doloso', null],
      'ROBO A BORDO DE MICROBUS C.V.': ['robo_microbus', 'con'],
      'ROBO A BORDO DE MICROBUS S.V.': ['robo_microbus', 'sin'],
      VIOLACION: ['violacion', null],
      'ROBO A CASA HABITACION C.V.': ['robo_casa_habitacion', 'con'],
      'ROBO A CUENTAHABIENTE C.V.': ['robo_cuentahabiente', 'con'],
      'ROBO A BORDO DE METRO S.V.': ['robo_metro', 'sin'],
      'ROBO A BORDO DE METRO C.V.': ['robo_metro', 'con'],
      'ROBO A BORDO DE TAXI C.V.': ['robo_taxi', 'con'],
      'ROBO A TRANSPORTISTA C.V.': ['robo_transportista', 'con'],
      'ROBO A TRANSPORTISTA S.V.': ['robo_transportista', 'sin'],
    };
    const labels = [...new Set(ssc.map((r) => r.crime))].sort();
    expect(labels).toEqual(Object.keys(expected).sort());
    for (const label of labels) {
      const c = classifyLabel(label);
      expect([c.category, c.violence, c.attempt, c.nonCrime, c.mapped], label).toEqual([
        ...expected[label],
        false,
        false,
        true,
      ]);
    }
  });

  it('classifies every distinct FGJ (Delito, Categoria) pair without throwing, mapping every high-impact Categoria', () => {
    const pairs = new Set(fgj.map((r) => `${r.Delito}\u0000${r.Categoria}`));
    for (const pair of pairs) {
      const [delito, categoria] = pair.split('\u0000');
      const c = classifyLabel(delito, categoria);
      expect(c.category, pair).not.toBeNull();
      const bucket = classifyLabel(categoria);
      // Whenever the FGJ's own high-impact bucket maps, the specific label agrees with it — except feminicide,
      // which the FGJ files under "HOMICIDIO DOLOSO" and we keep apart.
      if (bucket.mapped && !c.nonCrime && c.category !== 'feminicidio') expect(c.category, pair).toBe(bucket.category);
    }
  });

  it('maps a reviewed list of important FGJ labels as expected', () => {
    const cases: [string, string, string | null, 'con' | 'sin' | null, boolean][] = [
      // [Delito, Categoria, category, violence, attempt]
      ['HOMICIDIO POR ARMA DE FUEGO', 'HOMICIDIO DOLOSO', 'homicidio_doloso', null, false],
      ['HOMICIDIOS INTENCIONALES (OTROS)', 'HOMICIDIO DOLOSO', 'homicidio_doloso', null, false],
      ['HOMICIDIO CULPOSO POR TRÁNSITO VEHICULAR (ATROPELLADO)', 'DELITO DE BAJO IMPACTO', 'otros', null, false],
      ['HOMICIDIO CULPOSO POR TRÃ\u0081NSITO VEHICULAR (COLISION)', 'DELITO DE BAJO IMPACTO', 'otros', null, false],
      ['TENTATIVA DE HOMICIDIO', 'DELITO DE BAJO IMPACTO', 'homicidio_doloso', null, true],
      [
        'LESIONES INTENCIONALES POR ARMA DE FUEGO',
        'LESIONES DOLOSAS POR DISPARO DE ARMA DE FUEGO',
        'lesiones_arma_fuego',
        null,
        false,
      ],
      ['LESIONES INTENCIONALES POR GOLPES', 'DELITO DE BAJO IMPACTO', 'lesiones', null, false],
      ['LESIONES CULPOSAS POR TRANSITO VEHICULAR EN COLISION', 'DELITO DE BAJO IMPACTO', 'otros', null, false],
      ['FEMINICIDIO POR DISPARO DE ARMA DE FUEGO', 'HOMICIDIO DOLOSO', 'feminicidio', null, false],
      ['TENTATIVA DE FEMINICIDIO', 'DELITO DE BAJO IMPACTO', 'feminicidio', null, true],
      ['EXTORSION', 'DELITO DE BAJO IMPACTO', 'extorsion', null, false],
      ['TENTATIVA DE EXTORSION', 'DELITO DE BAJO IMPACTO', 'extorsion', null, true],
      ['PLAGIO O SECUESTRO', 'SECUESTRO', 'secuestro', null, false],
      ['PRIVACION DE LA LIBERTAD PERSONAL', 'DELITO DE BAJO IMPACTO', 'otros', null, false],
      ['NARCOMENUDEO POSESION SIMPLE', 'DELITO DE BAJO IMPACTO', 'narcomenudeo', null, false],
      ['PORTACION DE ARMA DE FUEGO', 'DELITO DE BAJO IMPACTO', 'portacion_armas', null, false],
      ['VIOLACION EQUIPARADA', 'VIOLACIÃ<U+0093>N', 'violacion', null, false],
      ['VIOLACION DE LA INTIMIDAD', 'DELITO DE BAJO IMPACTO', 'otros', null, false],
      ['TENTATIVA DE VIOLACION', 'DELITO DE BAJO IMPACTO', 'violacion', null, true],
      ['ROBO A NEGOCIO SIN VIOLENCIA', 'DELITO DE BAJO IMPACTO', 'robo_negocio', 'sin', false],
      [
        'ROBO S/V DENTRO DE NEGOCIOS, AUTOSERVICIOS, CONVENIENCIA',
        'DELITO DE BAJO IMPACTO',
        'robo_negocio',
        'sin',
        false,
      ],
      [
        'ROBO A TRANSEUNTE EN VIA PUBLICA CON VIOLENCIA',
        'ROBO A TRANSEUNTE EN VÍA PÚBLICA CON Y SIN VIOLENCIA',
        'robo_transeunte',
        'con',
        false,
      ],
      [
        'ROBO A TRANSEUNTE SALIENDO DEL BANCO CON VIOLENCIA',
        'ROBO A CUENTAHABIENTE SALIENDO DEL CAJERO CON VIOLENCIA',
        'robo_cuentahabiente',
        'con',
        false,
      ],
      [
        'ROBO DE VEHICULO DE SERVICIO PARTICULAR SIN VIOLENCIA',
        'ROBO DE VEHÍCULO CON Y SIN VIOLENCIA',
        'robo_vehiculo',
        'sin',
        false,
      ],
      [
        'ROBO DE MOTOCICLETA CON VIOLENCIA',
        'ROBO DE VEHÃ\u008dCULO CON Y SIN VIOLENCIA',
        'robo_vehiculo',
        'con',
        false,
      ],
      ['ROBO DE VEHICULO DE PEDALES', 'DELITO DE BAJO IMPACTO', 'otros', null, false],
      ['ROBO DE OBJETOS DEL INTERIOR DE UN VEHICULO', 'DELITO DE BAJO IMPACTO', 'otros', null, false],
      ['ROBO DE ACCESORIOS DE AUTO', 'DELITO DE BAJO IMPACTO', 'robo_autopartes', null, false],
      ['ROBO A CASA HABITACION SIN VIOLENCIA', 'DELITO DE BAJO IMPACTO', 'robo_casa_habitacion', 'sin', false],
      [
        'ROBO A REPARTIDOR Y VEHICULO CON VIOLENCIA',
        'ROBO A REPARTIDOR CON Y SIN VIOLENCIA',
        'robo_repartidor',
        'con',
        false,
      ],
      ['ROBO DE CONTENEDORES DE TRAILERS S/V', 'DELITO DE BAJO IMPACTO', 'robo_transportista', 'sin', false],
      [
        'ROBO A PASAJERO A BORDO DE PESERO COLECTIVO CON VIOLENCIA',
        'ROBO A PASAJERO A BORDO DE MICROBUS CON Y SIN VIOLENCIA',
        'robo_microbus',
        'con',
        false,
      ],
      [
        'ROBO A TRANSEUNTE A BORDO DE TAXI PÚBLICO Y PRIVADO CON VIOLENCIA',
        'ROBO A PASAJERO A BORDO DE TAXI CON VIOLENCIA',
        'robo_taxi',
        'con',
        false,
      ],
      [
        'ROBO A PASAJERO A BORDO DE TRANSPORTE PÚBLICO SIN VIOLENCIA',
        'DELITO DE BAJO IMPACTO',
        'robo_transporte_otro',
        'sin',
        false,
      ],
      [
        'ROBO A PASAJERO A BORDO DE METRO CON VIOLENCIA',
        'ROBO A PASAJERO A BORDO DEL METRO CON Y SIN VIOLENCIA',
        'robo_metro',
        'con',
        false,
      ],
      [
        'ROBO A PASAJERO A BORDO DE METROBUS SIN VIOLENCIA',
        'DELITO DE BAJO IMPACTO',
        'robo_transporte_otro',
        'sin',
        false,
      ],
      // Delito unknown to the rules: the FGJ bucket decides, the violence comes from the Delito.
      ['ROBO DE MAQUINARIA CON VIOLENCIA', 'ROBO DE VEHÍCULO CON Y SIN VIOLENCIA', 'robo_vehiculo', 'con', false],
      ['VIOLENCIA FAMILIAR', 'DELITO DE BAJO IMPACTO', 'otros', null, false],
    ];
    for (const [delito, categoria, category, violence, attempt] of cases) {
      const c = classifyLabel(delito, categoria);
      expect([c.category, c.violence, c.attempt, c.nonCrime], delito).toEqual([category, violence, attempt, false]);
    }
  });

  it('flags HECHO NO DELICTIVO, keeps unknown labels as otros, and returns null only without any label', () => {
    expect(classifyLabel('PERDIDA DE LA VIDA POR SUICIDIO', 'HECHO NO DELICTIVO').nonCrime).toBe(true);
    expect(classifyLabel('HECHO NO DELICTIVO').nonCrime).toBe(true);
    const unknown = classifyLabel('ALGO COMPLETAMENTE NUEVO');
    expect([unknown.category, unknown.mapped, unknown.nonCrime]).toEqual(['otros', false, false]);
    expect(classifyLabel('', '').category).toBeNull();
    expect(classifyLabel('  ').category).toBeNull();
    expect(classifyLabel('VIOLACI\u00C3\u0093N').label).toBe('VIOLACIÓN');
  });

  it('counts FGJ non-crimes exactly as the rows whose Categoria is HECHO NO DELICTIVO', () => {
    const expected = fgj.filter((r) => r.Categoria === 'HECHO NO DELICTIVO').length;
    expect(expected).toBeGreaterThan(0);
    expect(fgj.filter((r) => classifyLabel(r.Delito, r.Categoria).nonCrime).length).toBe(expected);
  });
});
