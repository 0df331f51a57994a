/** Dutch cues: separable verbs ("trek … in", "pas … aan") are matched with the words between their parts. */
import { cue, fill, near } from './cue.js';
import type { Cues } from './types.js';

const DATA = '(?:(?:persoonlijke|opgeslagen)\\s+)?(?:(?:persoons)?gegevens|informatie)';
const FILL = fill('van|alle|al|mijn|de|het|uw|jullie|alstublieft|aub|daarna|eerst|rest');
const FACT =
  '(?:geboortejaar|naam|achternaam|voornaam|geboortedatum|adres|postcode|telefoonnummer|e-?mailadres|(?:persoons)?gegevens)';
const OBJECTS = '(?:pakket\\w*|label|bestelling|factuur|levering)';
const WRONG = '(?:verkeerd\\s+gespeld|klopt\\s+niet|onjuist|verouderd|typfout|niet\\s+van\\s+mij|fout)';

export const nl: Cues = {
  access: [
    cue(`kopie\\s+${FILL}${DATA}`),
    cue(`inzage\\s+in\\s+${FILL}${DATA}|inzageverzoek`),
    cue('wat\\s+(?:jullie|u)\\b[^.?!]{0,30}?over\\s+mij'),
    cue('welke\\s+gegevens[^.?!]{0,60}?over\\s+mij'),
    cue('wat\\s+(?:bewaren|hebben|weten|verwerken)\\s+(?:jullie|u)[^.?!]{0,30}?over\\s+mij'),
    cue(`${FILL}${DATA}\\s+(?:te\\s+)?(?:downloaden|exporteren|meenemen)`),
    cue(`stuur\\s+(?:me|mij)\\s+${FILL}${DATA}`),
  ],
  erasure: [
    cue(`(?:verwijder\\w*|wis)\\s+${FILL}(?:${DATA}|account|klantaccount|profiel|adres|bestelgeschiedenis)`),
    cue(`gooi\\s+${FILL}${DATA}\\s+weg`),
    cue(`(?:${DATA}|account)\\s+(?:te\\s+)?verwijder(?:en|d)|ze\\s+verwijderd\\s+worden`),
    cue(`verwijdering\\s+${FILL}${DATA}|recht\\s+om\\s+vergeten\\s+te\\s+worden|(?:me|mij)\\s+vergeten`),
    cue(`haal\\s+${FILL}${DATA}\\s+(?:\\w+\\s+)?uit`),
  ],
  rectification: [
    cue(`(?:corrigeer|corrigeren|verbeter\\w*|wijzig\\w*|pas)\\s+${FILL}${FACT}`),
    cue(`${FACT}\\s+(?:\\w+\\s+)?(?:corrigeren|wijzigen|aanpassen|verbeteren)`),
    cue(`rectificatie\\s+${FILL}${DATA}`),
    cue(`${FACT}${near(40, OBJECTS)}${WRONG}`),
  ],
  opt_out: [
    cue('trek\\s+(?:hierbij\\s+)?mijn\\s+toestemming|toestemming\\s+in\\s+te\\s+trekken'),
    cue('bezwaar\\s+tegen\\s+(?:de\\s+)?(?:verwerking|gebruik|profilering|direct\\s+marketing)'),
    cue('geen\\s+(?:\\S+\\s+){0,3}?(?:nieuwsbrie\\w*|reclame\\w*|marketing\\w*|promotie\\w*)\\s+(?:\\w+\\s+)?meer'),
    cue('geen\\s+toestemming|haal\\s+(?:me|mij)\\s+van\\s+(?:al\\s+)?(?:jullie|uw)\\s+lijsten'),
    cue('gebruik\\s+mijn\\s+gegevens\\s+(?:\\w+\\s+)?niet\\s+meer'),
    cue('wil\\s+niet\\s+dat[^.!?]{0,60}?(?:advertenties|reclame|gepersonaliseerd\\w*|profilering)'),
    cue('(?:verkoop|deel)\\s+(?:en\\s+(?:verkoop|deel)\\s+)?mijn\\s+\\w*gegevens\\s+niet'),
    cue(
      'haal\\s+(?:me|mij)\\s+(?:\\w+\\s+)?(?:van|uit)\\s+(?:jullie|uw|de)\\s+(?:mailinglijst|nieuwsbrief|verzendlijst)',
    ),
  ],
};
