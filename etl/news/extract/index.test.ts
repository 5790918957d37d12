/**
 * Extraction over the real saved pages in ../shared/data/news-pages (never copied into the
 * repo). Every expected value below was read off the page by a person: the visible headline
 * and byline, the structured-data date (the visible date is quoted beside it), the first and
 * last sentences of the article as the page shows them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA_DIR } from '../../../reference/files/index.ts';
import { extractArticle } from './index.ts';
import { SHARED, sharedDataMissing } from '../../../tests/support/shared-data.ts';

/** the saved news pages are not in the repository */
const noPages = sharedDataMissing([SHARED.newsPages]);

const PAGES = join(SHARED_DATA_DIR, 'news-pages');
const readPage = (name: string) => readFileSync(join(PAGES, name), 'utf8');
/** The page's markup with whitespace collapsed, to show a boilerplate string really is on the page. */
const flat = (html: string) => html.replace(/[\s\u00a0]+/g, ' ').replace(/&nbsp;/g, ' ');

interface Expected {
  file: string;
  url: string;
  title: string;
  published_at: string;
  author: string;
  first: string;
  last: string;
  /** Strings on the page (menus, inserted related stories, captions, footers) that are not the article. */
  boilerplate: string[];
}

const CASES: Expected[] = [
  {
    file: 'eluniversalhidalgoindividual.html',
    url: 'https://www.eluniversalhidalgo.com.mx/entretenimiento/preparan-segunda-muestra-comercial-gastronomica-y-cultural-en-coincidencia-con-el-buen-fin/',
    title: 'Preparan segunda muestra comercial, gastronómica y cultural en coincidencia con el Buen Fin',
    // JSON-LD datePublished; the header shows "06/10/2025 13:52" (the last edit's dateline).
    published_at: '2025-10-06T13:59:47-06:00',
    author: 'Cinthya Carbajal',
    first:
      'En el marco del Buen Fin, el gobierno de Tulancingo prepara la segunda muestra comercial, la cual este año amplía su alcance con la incorporación de los sectores gastronómico y cultural, reforzando así la promoción del talento y la economía local.',
    last: 'El horario comercial será de 10:00 a 21:00 horas.',
    boilerplate: [
      'Te puede interesar',
      'Tulancingo celebrará la primera Feria de los Girasoles el 19 de octubre', // "Te puede interesar" insert
      'En Tulancingo existe un lugar llamado', // related link inside the body
      'Zimapán celebra su séptimo aniversario como Pueblo Mágico', // "Más Información" box
      'Foto: Ayuntamiento de Tulancingo', // photo caption
      'Foto: Wikimedia Commons',
      '06 / octubre / 2025 | 14:09 hrs.', // date in the top bar
      'Suscríbete',
      'Ver perfil',
      'Declaración de accesibilidad', // footer
      'Minuto por minuo', // sidebar heading (sic)
    ],
  },
  {
    file: 'lajornadahidalgoindividual.html',
    url: 'https://lajornadahidalgo.com/semarnath-cierra-seis-tiraderos-clandestinos-y-sanciona-a-cinco-municipios/',
    title: 'Semarnath cierra seis tiraderos clandestinos y sanciona a cinco municipios',
    // Header shows "Octubre 6, 2025"; JSON-LD gives 12:34:38 once as -06:00 (WebPage) and once as
    // -05:00 (NewsArticle). Mexico City has been UTC-6 all year since Oct 2022, so -06:00.
    published_at: '2025-10-06T12:34:38-06:00',
    author: 'Dulce Castillo',
    first:
      'La titular de la Secretaría de Medio Ambiente y Recursos Naturales de Hidalgo (Semarnath), Mónica Patricia Mixtega Trejo, informó que más de 30 municipios del estado han sido detectados con problemáticas relacionadas a la operación de tiraderos a cielo abierto.',
    last: '“El tema ambiental no se resuelve solo desde el gobierno. Requiere corresponsabilidad. Desde Semarnath seguiremos trabajando, pero también necesitamos voluntad de los municipios y de la ciudadanía”, concluyó.',
    boilerplate: [
      'Puedes leer',
      '“Vamos por el camino correcto”: Sheinbaum cierra gira', // "Puedes leer:" insert
      'Sigue nuestro CANAL', // WhatsApp channel prompt
      'está en WhatsApp',
      'Habrá Sistema Nacional de Salud con registro único', // latest-posts list
      'Política y Gobierno', // menu
      'presentó un balance ambiental del estado', // photo caption
    ],
  },
  {
    file: 'lasillarotahgoindividual.html',
    url: 'https://lasillarota.com/hidalgo/estado/2025/10/15/senadoras-carolina-viggiano-simey-olvera-se-confrontan-por-tragedia-hidalgo-562529.html',
    title: 'Senadoras Carolina Viggiano y Simey Olvera se confrontan por tragedia a Hidalgo',
    // Header: "Escrito en HIDALGO el 15/10/2025 · 10:20 hs".
    published_at: '2025-10-15T10:20:00-06:00',
    author: 'CRISTIAN ESTEFES',
    first:
      'PACHUCA.- Las senadoras por Hidalgo Carolina Viggiano y Simey Olvera sostuvieron un reciente enfrentamiento derivado de las severas afectaciones con las que quedó el estado, ante lo cual hubo acusaciones, señalamientos y respuestas de ambas, en el marco que se da la atención a los damnificados.',
    last: '“¿De verdad Carolina Viggiano cree que no se nota lo que está haciendo? Es ofensivo que utilice una situación de necesidad para lanzar un ataque político y luego presentarse como salvadora ‘sin colores’… La propongo estar en los lugares no importa si es con chaleco o chamarras de diseñador como acostumbras.”',
    boilerplate: [
      'Te podría interesar',
      'pobladores de Tenango hacen filas de hasta tres horas', // related box inside the body
      'Comparta este artículo', // share bar
      'Escrito en',
      'Última actualización',
      'Las senadoras se enfrascaron en una discusión', // photo caption
      'Créditos: Especiales',
      'Aviso de privacidad', // footer
      'Código de ética',
    ],
  },
  {
    file: 'quadratinhidalgoindividual.html',
    url: 'https://hidalgo.quadratin.com.mx/sucesos/reportan-50-desaparecidos-y-danos-en-29-municipios-de-hidalgo-por-lluvias/',
    title: 'Reportan 50 desaparecidos y daños en 29 municipios de Hidalgo por lluvias',
    // Header: "15 de octubre de 2025 , 10:33".
    published_at: '2025-10-15T10:33:43-06:00',
    // Visible byline "Fernanda Martínez/Quadratín Hidalgo"; the meta tags only say "Redacción Quadratín Hidalgo".
    author: 'Fernanda Martínez',
    first:
      'PACHUCA, Hgo., 15 de octubre de 2025.- La búsqueda de 50 personas desaparecidas mantiene en alerta a Hidalgo tras las intensas lluvias que afectaron el centro y oriente del país, según confirmó la presidenta de México, Claudia Sheinbaum en su conferencia mañanera.',
    last: 'La Conagua utiliza lanchas motorizadas en Chapulhuacán, Xochicoatlán, Molango, Calnali y Pacula para trasladar personas y víveres, mientras retroexcavadoras despejan rutas cubiertas de lodo y escombros.',
    boilerplate: [
      'Puedes leer',
      'Nuevo derrumbe bloquea carretera que conecta Nicolás Flores', // "Puedes leer" insert
      'Fernanda Martínez/Quadratín Hidalgo', // byline is metadata, not body
      'Gobierno de Hidalgo', // photo credit
      'Compartir', // share bar
      'Aviso de Privacidad', // footer
      'Quiénes Somos',
    ],
  },
];

describe.skipIf(noPages)('extractArticle on the saved article pages', () => {
  for (const c of noPages ? [] : CASES) {
    describe(c.file, () => {
      const html = readPage(c.file);
      const article = extractArticle(html, { source: join(PAGES, c.file) });
      const paragraphs = article.text.split('\n\n');

      it('reads the canonical URL, headline, date and author', () => {
        expect(article.url).toBe(c.url);
        expect(article.title).toBe(c.title);
        expect(article.published_at).toBe(c.published_at);
        expect(article.author).toBe(c.author);
      });

      it('starts and ends the body where the article does', () => {
        expect(paragraphs[0]!.startsWith(c.first)).toBe(true);
        expect(paragraphs[paragraphs.length - 1]!.endsWith(c.last)).toBe(true);
        expect(paragraphs.length).toBeGreaterThan(4);
        for (const p of paragraphs) expect(p).toBe(p.trim());
        expect(article.text).not.toMatch(/\n{3,}/);
      });

      it('leaves out menus, inserted stories, captions, share bars and footers', () => {
        for (const s of c.boilerplate) {
          expect(flat(html), `"${s}" should be on the page`).toContain(s);
          expect(article.text, `"${s}" should not be in the body`).not.toContain(s);
        }
        expect(article.text).not.toContain(c.title); // the headline is not repeated in the body
      });
    });
  }

  it('drops the editor initials that close a note ("cem", "acf")', () => {
    const silla = extractArticle(readPage('lasillarotahgoindividual.html'), { source: 'x' });
    const jornada = extractArticle(readPage('lajornadahidalgoindividual.html'), { source: 'x' });
    expect(flat(readPage('lasillarotahgoindividual.html'))).toContain('<p>cem</p>');
    expect(silla.text).not.toMatch(/\bcem$/);
    expect(flat(readPage('lajornadahidalgoindividual.html'))).toContain('<p>acf</p>');
    expect(jornada.text).not.toMatch(/\bacf$/);
  });

  it('does not choke on the listing pages (no article there, but a title and some text)', () => {
    for (const file of [
      'lasillarotahgo.html',
      'eluniversalhidalgo.html',
      'lajornadahidalgo.html',
      'quadratinhidalgo.html',
      'latinus.html',
    ]) {
      const out = extractArticle(readPage(file), { source: file });
      expect(out.title, file).toBeTruthy();
      expect(typeof out.text).toBe('string');
    }
  });

  it('survives an empty or non-HTML document', () => {
    const article = extractArticle('', { source: 'vacio.html' });
    expect(article).toEqual({ url: 'vacio.html', title: null, published_at: null, author: null, text: '' });
  });
});

describe('extractArticle on hand-written pages', () => {
  it('falls back to the given source when a page has no canonical link, and to null fields', () => {
    const html =
      '<html><head><title>Choque en Tlalpan</title></head><body><article><p>' +
      'Un choque entre dos automóviles dejó tres personas lesionadas en la colonia Centro de Tlalpan, informaron las autoridades. '.repeat(
        4,
      ) +
      '</p></article></body></html>';
    const article = extractArticle(html, { source: 'pagina.html' });
    expect(article.url).toBe('pagina.html');
    expect(article.title).toBe('Choque en Tlalpan');
    expect(article.published_at).toBeNull();
    expect(article.author).toBeNull();
    expect(article.text).toContain('dejó tres personas lesionadas');
  });

  it('reads a Spanish date from the page when there is no structured date', () => {
    const html =
      '<html><body><h1>Asalto en Iztapalapa</h1><span class="fecha">lunes 20 de octubre de 2025, 10:35</span>' +
      '<article><p>' +
      'Un hombre fue asaltado a bordo de un microbús en la alcaldía Iztapalapa, según vecinos. '.repeat(5) +
      '</p></article></body></html>';
    expect(extractArticle(html, { source: 's' }).published_at).toBe('2025-10-20T10:35:00-06:00');
  });
});
