/**
 * Runs the geocode CLI as a child process, exactly as the acceptance checks call it
 * (`npm run --silent geocode -- --jsonl` / `-- --text`). Structured inputs are real FGJ rows from
 * ../shared/data/crime/fgj_victimas_milpa_alta_2016_2022.csv; texts are written here.
 */
import { spawnSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, readBundled } from '../../reference/files/index.ts';

const KEYS = [
  'id',
  'status',
  'lat',
  'lon',
  'h3',
  'precision',
  'alcaldia',
  'alcaldia_id',
  'colonia',
  'colonia_id',
  'confidence',
  'candidates',
  'mentions',
  'error',
];

function runCli(args: string[], input?: string) {
  const r = spawnSync('npm', ['run', '--silent', 'geocode', '--', ...args], {
    cwd: REPO_ROOT,
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const fgjRows = (
  parse(readBundled('crime/fgj_victimas_milpa_alta_2016_2022.csv.gz'), { columns: true }) as Record<string, string>[]
)
  .filter((r) => r.Colonia && r.latitud)
  .slice(0, 5);

describe('geocode CLI --jsonl', () => {
  const text = 'Asaltan a un hombre en la colonia Doctores, alcaldía Cuauhtémoc.';
  const lines = [
    JSON.stringify({ id: 1, text }),
    JSON.stringify({
      id: 'ecatepec',
      text: 'Ecatepec, Estado de México.- Un hombre fue asesinado en la colonia Granjas de Independencia.',
    }),
    '{"id": 77, "text": "sin cerrar',
    ...fgjRows.map((r, i) => JSON.stringify({ id: `fgj-${i}`, colonia: r.Colonia, alcaldia: r.Alcalia })),
    JSON.stringify({ id: 2.5, colonia: 'SAN MIGUEL (SAN PABLO OZTOTEPEC)', alcaldia: 'MILPA ALTA' }),
    JSON.stringify([1, 2]),
    JSON.stringify({ id: 'no-place', text: 'Un texto sin lugares.' }),
  ];
  const res = runCli(['--jsonl'], lines.join('\n') + '\n');
  const out = res.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

  it('answers every line, in order, with only JSON on stdout', () => {
    expect(res.code).toBe(0);
    expect(out).toHaveLength(lines.length);
    for (const o of out) expect(Object.keys(o)).toEqual(KEYS);
  });
  it('echoes ids with their JSON type', () => {
    expect(out[0]!.id).toBe(1);
    expect(out[1]!.id).toBe('ecatepec');
    expect(out[3 + fgjRows.length]!.id).toBe(2.5);
  });
  it('geocodes a text with mention spans in UTF-16 units', () => {
    expect(out[0]).toMatchObject({
      status: 'ok',
      precision: 'colonia',
      alcaldia: 'Cuauhtémoc',
      alcaldia_id: '09015',
      error: null,
    });
    expect(out[0]!.h3).toMatch(/^89[0-9a-f]{13}$/);
    const mentions = out[0]!.mentions as Array<{ text: string; start: number; end: number; type: string }>;
    const colonia = mentions.find((m) => m.type === 'colonia')!;
    expect(colonia).toMatchObject({
      text: 'Doctores',
      start: text.indexOf('Doctores'),
      end: text.indexOf('Doctores') + 8,
    });
  });
  it('reports outside_cdmx without a point', () => {
    expect(out[1]).toMatchObject({ status: 'outside_cdmx', lat: null, lon: null, h3: null });
  });
  it('turns a malformed line into an error and keeps going, salvaging the id', () => {
    expect(out[2]).toMatchObject({ id: 77, status: 'error', lat: null });
    expect(typeof out[2]!.error).toBe('string');
    expect(out[4 + fgjRows.length]).toMatchObject({ id: null, status: 'error' });
    expect(out[5 + fgjRows.length]).toMatchObject({ id: 'no-place', status: 'not_found', lat: null });
  });
  it('maps real FGJ records to a Milpa Alta colonia', () => {
    for (let i = 0; i < fgjRows.length; i++) {
      expect(out[3 + i]).toMatchObject({
        status: 'ok',
        alcaldia: 'Milpa Alta',
        alcaldia_id: '09009',
        precision: 'colonia',
      });
    }
    expect(out[3 + fgjRows.length]).toMatchObject({ colonia_id: '09-008', colonia: 'SAN PABLO OZTOTEPEC (PBLO)' });
  });
});

describe('geocode CLI --text', () => {
  it('prints one object for one text', () => {
    const res = runCli(['--text', 'Robo afuera del Metro Pantitlán']);
    expect(res.code).toBe(0);
    const o = JSON.parse(res.stdout) as Record<string, unknown>;
    expect(Object.keys(o)).toEqual(KEYS);
    expect(o).toMatchObject({ status: 'ok', precision: 'station', alcaldia_id: '09017' });
  });
});
