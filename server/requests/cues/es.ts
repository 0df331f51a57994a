/** Spanish cues, with and without the accents that customers often leave out ("dirección", "direccion"). */
import { cue, fill, near } from './cue.js';
import type { Cues } from './types.js';

const DATA = '(?:datos|informaci[oó]n)(?:\\s+personal(?:es)?)?';
const FILL = fill('de|del|todo|toda|todos|todas|los|las|mis|mi|el|la|resto|su|sus');
const ME = 'm[ií]';
const FACT =
  '(?:a[ñn]o\\s+de\\s+nacimiento|nombre|apellidos?|fecha\\s+de\\s+nacimiento|direcci[oó]n|c[oó]digo\\s+postal|tel[eé]fono|' +
  'correo\\s+electr[oó]nico|datos|informaci[oó]n)';
const OBJECTS = '(?:paquete|etiqueta|pedido|factura|env[ií]o)';
const WRONG =
  '(?:mal\\s+escrit\\w*|incorrect\\w*|inexact\\w*|err[oó]ne\\w*|desactualizad\\w*|errata|está\\s+mal|' +
  `no\\s+es\\s+${ME}o|no\\s+es\\s+correct\\w*)`;

export const es: Cues = {
  access: [
    cue(`copia\\s+${FILL}${DATA}`),
    cue(`acceso\\s+a\\s+${FILL}${DATA}|derecho\\s+de\\s+acceso`),
    cue(`qu[eé]\\s+(?:datos|informaci[oó]n)[^.?!]{0,60}?(?:sobre|de)\\s+${ME}`),
    cue(`(?:descargar|exportar|portar|llevarme|env[ií]\\w*|m[aá]nd\\w*)\\s+${FILL}${DATA}`),
    cue(`(?:qué|¿\\s*que)\\s+(?:han|tienen|guardan|saben)\\b[^.?!]{0,30}?sobre\\s+${ME}`),
  ],
  erasure: [
    cue(`(?:borr\\w*|elimin\\w*|supr\\w*)\\s+${FILL}(?:${DATA}|cuenta|perfil|direcci[oó]n|historial)`),
    cue(`deshag\\w*(?:se)?\\s+${FILL}${DATA}`),
    cue(`supresi[oó]n\\s+${FILL}${DATA}|derecho\\s+al\\s+olvido|me\\s+olviden|los\\s+(?:borren|eliminen)`),
  ],
  rectification: [
    cue(`(?:corrij\\w*|correg\\w*|rectifi\\w*|cambiar|actualiz\\w*|modific\\w*)\\s+${FILL}${FACT}`),
    cue(`rectificaci[oó]n\\s+${FILL}${DATA}`),
    cue(`${FACT}${near(40, OBJECTS)}${WRONG}`),
  ],
  opt_out: [
    cue('retir\\w*\\s+(?:mi\\s+)?consentimiento|me\\s+opongo\\s+al\\s+tratamiento'),
    cue(
      '(?:dejen\\s+de\\s+enviarme|no\\s+(?:quiero\\s+)?m[aá]s)\\s+(?:\\w+\\s+)?' +
        '(?:newsletters?|publicidad|correos\\s+(?:promocionales|publicitarios|comerciales)|boletines)',
    ),
    cue('no\\s+(?:quiero\\s+que\\s+)?(?:usen|utilicen)\\s+mis\\s+datos|no\\s+(?:vendan|compartan)'),
    cue('no\\s+quiero\\s+que[^.!?]{0,60}?(?:anuncios|publicidad|personaliz\\w*|perfil\\w*)'),
    cue(
      '(?:qu[ií]t|saqu|s[aá]qu)\\w*me\\s+de\\s+(?:todas\\s+)?(?:su|sus|la|las|vuestra)\\s+listas?|darme\\s+de\\s+baja',
    ),
    cue('no\\s+quiero\\s+recibir\\s+m[aá]s|no\\s+doy\\s+mi\\s+consentimiento'),
  ],
};
