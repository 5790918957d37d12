/**
 * Boilerplate rules on a hand-written page that packs the inserts Mexican news sites use
 * (written for this test, not taken from any outlet).
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from './index.ts';
import { isCaption, isInsertParagraph } from './body.ts';

const PROSE = [
  'Elementos de la Secretaría de Seguridad Ciudadana detuvieron a dos hombres tras el robo a un cuentahabiente en la colonia Doctores, alcaldía Cuauhtémoc, la tarde del martes.',
  'De acuerdo con el reporte, la víctima había retirado efectivo de una sucursal bancaria sobre la avenida Cuauhtémoc cuando fue interceptada por dos sujetos en motocicleta.',
  'Los policías que patrullaban la zona fueron alertados por testigos y, tras una persecución de varias calles, lograron asegurar a los probables responsables y recuperar el dinero.',
  'Los detenidos fueron presentados ante el agente del Ministerio Público, quien determinará su situación jurídica en las próximas horas.',
];

const PAGE = `<!doctype html><html lang="es"><head>
<title>Detienen a dos por robo a cuentahabiente en la Doctores | Diario Ejemplo</title>
<meta property="og:site_name" content="Diario Ejemplo">
<meta name="author" content="Redacción">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Detienen a dos por robo a cuentahabiente en la Doctores","datePublished":"2021-06-15T19:05:00-05:00","author":[{"@type":"Person","name":"Ana Pérez"}]}</script>
</head><body>
<header><nav class="main-menu"><ul><li><a href="/cdmx/">CDMX</a></li><li><a href="/seguridad/">Seguridad</a></li></ul></nav></header>
<main><article>
<h1>Detienen a dos por robo a cuentahabiente en la Doctores</h1>
<div class="share-buttons"><a href="#">Compartir en Facebook</a><a href="#">Compartir en X</a></div>
<figure><img src="a.jpg" alt=""><figcaption>Patrulla en la colonia Doctores. Foto: Archivo</figcaption></figure>
<p>${PROSE[0]}</p>
<p><strong>Lee también:</strong> <a href="/otra-nota/">Asaltan a automovilista en Periférico</a></p>
<p>${PROSE[1]}</p>
<blockquote class="twitter-tweet"><p lang="es">Tuit del usuario sobre la persecución en la Doctores #CDMX</p>— Usuario (@usuario)</blockquote>
<div class="ad_slot_middle">PUBLICIDAD</div>
<p>${PROSE[2]}</p>
<div class="newsletter-box"><p>Recibe las noticias más importantes en tu correo: suscríbete a nuestro boletín diario gratuito.</p></div>
<p>Te recomendamos: <a href="/x/">Las colonias con más robos en 2021</a></p>
<p>${PROSE[3]}</p>
<p>JMR/ACR</p>
<aside class="related-news"><h3>Noticias relacionadas</h3><ul><li><a href="/y/">Roban joyería en el Centro Histórico</a></li></ul></aside>
</article></main>
<footer><p>© Diario Ejemplo. Todos los derechos reservados. Aviso de privacidad.</p></footer>
</body></html>`;

describe('body extraction rules', () => {
  const article = extractArticle(PAGE, { source: 'ejemplo.html' });

  it('keeps exactly the article paragraphs, in order', () => {
    expect(article.text).toBe(PROSE.join('\n\n'));
  });

  it('reads the person byline over the newsroom placeholder, and the 2021 daylight-time date as given', () => {
    expect(article.author).toBe('Ana Pérez');
    expect(article.title).toBe('Detienen a dos por robo a cuentahabiente en la Doctores');
    expect(article.published_at).toBe('2021-06-15T19:05:00-05:00');
  });

  it('does not take a reading time for an author', () => {
    const html = PAGE.replace(
      '<meta name="author" content="Redacción">',
      '<meta name="twitter:label1" content="Tiempo de lectura"><meta name="twitter:data1" content="5 minutos">',
    ).replace(',"author":[{"@type":"Person","name":"Ana Pérez"}]', '');
    expect(extractArticle(html, { source: 'x' }).author).toBeNull();
    const yoast = html.replace('Tiempo de lectura', 'Escrito por').replace('5 minutos', 'Luis Gómez');
    expect(extractArticle(yoast, { source: 'x' }).author).toBe('Luis Gómez');
  });

  it('recognises insert cues and captions', () => {
    for (const s of [
      'Lee también: Asaltan a…',
      'LEE TAMBIÉN | algo',
      '“Te puede interesar: x',
      'Sigue nuestro canal de WhatsApp',
      'Te recomendamos: x',
    ]) {
      expect(isInsertParagraph(s), s).toBe(true);
    }
    expect(isInsertParagraph('Tambien se informó que la víctima fue trasladada a un hospital.')).toBe(false);
    expect(isCaption('Vecinos de la zona | Foto: Especial')).toBe(true);
    expect(isCaption('La fotografía del detenido circuló en redes sociales durante la tarde del martes.')).toBe(false);
  });
});
