/**
 * Article links on the real saved listing pages. The URLs asserted present or absent were read
 * off the pages; the expected counts were taken independently with grep over the raw HTML:
 *   La Silla Rota:  45 distinct `href="/<section>/YYYY/M/D/<slug>.html"` links
 *   El Universal:   24 distinct `href="/<section>/<slug of ≥ 4 words>/"` links
 *   La Jornada:     47 distinct `href="/<slug of ≥ 4 words>/"` links, plus "/un-ano-despues/"
 *                   (an opinion column whose headline link reads "Un año después")
 *   Quadratín:      15 distinct `href="https://hidalgo.quadratin.com.mx/<section>/<slug ≥ 4 words>/"`
 *   Latinus:        15 distinct `href="/mexico/YYYY/…"` links
 * The asserted ranges allow a couple of links either way around those counts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA_DIR } from '../../../reference/files/index.ts';
import { classifyLink, findArticleLinks, slugify } from './index.ts';
import { SHARED, sharedDataMissing } from '../../../tests/support/shared-data.ts';

/** the saved news pages are not in the repository */
const noPages = sharedDataMissing([SHARED.newsPages]);

const PAGES = join(SHARED_DATA_DIR, 'news-pages');
const readPage = (name: string) => readFileSync(join(PAGES, name), 'utf8');

interface ListingCase {
  file: string;
  baseUrl: string;
  count: [number, number];
  present: string[];
  absent: string[];
}

const CASES: ListingCase[] = [
  {
    file: 'lasillarotahgo.html',
    baseUrl: 'https://lasillarota.com/hidalgo/',
    count: [43, 47],
    present: [
      'https://lasillarota.com/hidalgo/estado/2025/10/15/senadoras-carolina-viggiano-simey-olvera-se-confrontan-por-tragedia-hidalgo-562529.html',
      'https://lasillarota.com/hidalgo/local/2025/10/14/con-mas-de-balazos-asesinan-dos-hombres-en-la-rojo-gomez-de-pachuca-562279.html',
      'https://lasillarota.com/nacion/2025/10/15/otra-renuncia-en-el-ine-se-queda-sin-titular-de-comunicacion-562616.html',
      'https://lasillarota.com/hidalgo/el-centinela/2025/10/14/el-centinela-562478.html',
      // starts like "quienes-somos" but is a story
      'https://lasillarota.com/hidalgo/local/2025/10/15/quienes-estaran-en-el-teatro-del-pueblo-palenque-de-la-feria-de-pachuca-este-miercoles-562474.html',
    ],
    absent: [
      'https://lasillarota.com/hidalgo/estado/', // section menu
      'https://lasillarota.com/hidalgo/opinion/',
      'https://lasillarota.com/autor/cristian-estefes.html', // author
      'https://lasillarota.com/p/institucional/aviso-de-privacidad.html', // footer
      'https://lasillarota.com/contacto/',
      'https://www.facebook.com/LaSillaRotaHidalgo', // social
    ],
  },
  {
    file: 'eluniversalhidalgo.html',
    baseUrl: 'https://www.eluniversalhidalgo.com.mx/municipios/',
    count: [22, 26],
    present: [
      'https://www.eluniversalhidalgo.com.mx/municipios/padres-denuncian-presiones-para-distribuir-drogas-en-secundaria-de-tizayuca/',
      'https://www.eluniversalhidalgo.com.mx/seguridad/intento-de-robo-de-cajero-automatico-en-tula-vecinos-alertan-a-las-autoridades/',
      'https://www.eluniversalhidalgo.com.mx/municipios/la-noche-en-que-tulancingo-se-ahogo-en-memoria/',
    ],
    absent: [
      'https://www.eluniversalhidalgo.com.mx/seguridad/',
      'https://www.eluniversalhidalgo.com.mx/municipios',
      'https://www.eluniversalhidalgo.com.mx/minuto-x-minuto/',
      'https://www.eluniversalhidalgo.com.mx/aviso-de-privacidad/',
      'https://www.eluniversalhidalgo.com.mx/criterios-ante-violencia/',
      'https://www.eluniversalhidalgo.com.mx/buscar',
      'https://www.eluniversal.com.mx/descuentos', // sister site
    ],
  },
  {
    file: 'lajornadahidalgo.html',
    baseUrl: 'https://lajornadahidalgo.com/',
    count: [46, 50],
    present: [
      'https://lajornadahidalgo.com/semarnath-cierra-seis-tiraderos-clandestinos-y-sanciona-a-cinco-municipios/',
      'https://lajornadahidalgo.com/aseguran-vehiculos-robados-y-detienen-a-cuatro-personas-en-pachuca/',
      'https://lajornadahidalgo.com/condenados-desde-la-cuna/',
      'https://lajornadahidalgo.com/un-ano-despues/',
    ],
    absent: [
      'https://lajornadahidalgo.com/seguridad/',
      'https://lajornadahidalgo.com/politica-y-gobierno/',
      'https://lajornadahidalgo.com/author/dulce-castillo/',
      'https://lajornadahidalgo.com/feed/',
      'https://lajornadahidalgo.com/directorio/',
    ],
  },
  {
    file: 'quadratinhidalgo.html',
    baseUrl: 'https://hidalgo.quadratin.com.mx/municipios/',
    count: [14, 16],
    present: [
      'https://hidalgo.quadratin.com.mx/sucesos/hombre-muere-abatido-en-central-de-autobuses-de-tulancingo/',
      'https://hidalgo.quadratin.com.mx/municipios/asesinan-a-balazos-a-2-hombres-en-colonia-de-pachuca/',
      'https://hidalgo.quadratin.com.mx/justicia/otorgan-amparo-a-exalcaldesa-de-pachuca/',
    ],
    absent: [
      'https://hidalgo.quadratin.com.mx/sucesos/',
      'https://hidalgo.quadratin.com.mx/Salud-2/',
      'https://hidalgo.quadratin.com.mx/municipios/page/2/', // pagination
      'https://hidalgo.quadratin.com.mx/aviso-de-privacidad/',
      'https://hidalgo.quadratin.com.mx/quienes-somos/',
      'https://mexico.quadratin.com.mx/', // other edition
    ],
  },
  {
    file: 'latinus.html',
    baseUrl: 'https://latinus.us/mexico/',
    count: [14, 16],
    present: [
      'https://latinus.us/mexico/2025/10/13/hay-tres-muertos-cinco-lesionados-por-un-ataque-armado-durante-fiesta-patronal-en-tlahuac-154221.html',
      'https://latinus.us/mexico/2025/10/12/suman-38-personas-no-localizadas-tras-lluvias-inundaciones-en-veracruz-puebla-hidalgo-154212.html',
    ],
    absent: [
      'https://latinus.us/mexico/',
      'https://latinus.us/deportes/futbol-internacional/',
      'https://latinus.us/estilo-de-vida/',
      'https://latinus.us/p/institucional/terminos-condiciones.html',
    ],
  },
];

describe.skipIf(noPages)('findArticleLinks on the saved listing pages', () => {
  for (const c of CASES) {
    it(c.file, () => {
      const links = findArticleLinks(readPage(c.file), c.baseUrl);
      expect(links.length).toBeGreaterThanOrEqual(c.count[0]);
      expect(links.length).toBeLessThanOrEqual(c.count[1]);
      for (const url of c.present) expect(links).toContain(url);
      for (const url of c.absent) expect(links).not.toContain(url);
      expect(new Set(links).size).toBe(links.length);
      for (const url of links) {
        expect(url).not.toMatch(/#|wa\.me|facebook|twitter|javascript:/);
        expect(new URL(url).host.replace(/^www\./, '')).toBe(new URL(c.baseUrl).host.replace(/^www\./, ''));
      }
    });
  }
});

describe('classifyLink', () => {
  const base = new URL('https://example.mx/seguridad/');
  it('needs a headline-like slug, a date or an id', () => {
    expect(classifyLink('/seguridad/2025/10/15/robo-562529.html', '', false, base).isArticle).toBe(true);
    expect(classifyLink('/roban-camioneta-en-la-colonia-doctores/', '', false, base).isArticle).toBe(true);
    expect(classifyLink('/estado/', 'Estado', false, base).isArticle).toBe(false);
    expect(classifyLink('/tag/robo-a-transeunte-en-cdmx/', '', false, base).isArticle).toBe(false);
    expect(classifyLink('https://otro.mx/roban-camioneta-en-la-colonia-doctores/', '', false, base).isArticle).toBe(
      false,
    );
    expect(classifyLink('/archivo/edicion-impresa-2025.pdf', '', false, base).isArticle).toBe(false);
    expect(classifyLink('/aviso-de-privacidad-integral/', 'Aviso de privacidad integral', false, base).isArticle).toBe(
      false,
    );
  });
  it('takes a short slug only when it is its anchor text, outside menus', () => {
    expect(classifyLink('/un-ano-despues/', 'Un año después', false, base).isArticle).toBe(true);
    expect(classifyLink('/un-ano-despues/', 'Un año después', true, base).isArticle).toBe(false);
    expect(classifyLink('/un-ano-despues/', 'Opinión', false, base).isArticle).toBe(false);
  });
  it('slugifies Spanish text', () => {
    expect(slugify('¿Quién ganó en Tláhuac?')).toBe('quien-gano-en-tlahuac');
  });
});
