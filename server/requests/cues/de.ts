/** German cues: imperative ("löschen Sie meine Daten") and verb-last ("mein Konto … löschen") word orders. */
import { cue, fill, near } from './cue.js';
import type { Cues } from './types.js';

const DATA = '(?:(?:personenbezogenen?|persönlichen?|gespeicherten?)\\s+)?(?:Daten|Kundendaten|Informationen|Angaben)';
const FILL = fill('alle|aller|meine|mein|meinen|meiner|meines|die|der|das|übrigen|dazugehörigen|von|samt');
const THEN = fill('Sie|bitte|danach|anschließend|zuerst', 3);
const FACT =
  '(?:Namen?|Geburtsjahr|Nachnamen?|Vornamen?|Geburtsdatum|Adresse|Anschrift|Postleitzahl|Telefonnummer|E-Mail-Adresse|' +
  'Daten|Angaben)';
const OBJECTS = '(?:Paket\\w*|Aufkleber|Etikett|Bestellung|Rechnung|Lieferung)';
const WRONG = '(?:falsch|nicht\\s+korrekt|nicht\\s+richtig|fehlerhaft|veraltet|Tippfehler|stimmt\\s+nicht)';

export const de: Cues = {
  access: [
    cue(`Kopie\\s+${FILL}${DATA}`),
    cue('Datenauskunft|Auskunftsersuchen|Auskunft\\s+über\\s+(?:meine|die)'),
    cue('welche\\s+(?:Daten|Informationen)[^.?!]{0,60}?(?:über\\s+mich|zu\\s+meiner\\s+Person|von\\s+mir)'),
    cue('was\\s+(?:speichern|haben|wissen)\\s+Sie[^.?!]{0,30}?über\\s+mich'),
    cue(
      'was\\s+Sie\\s+(?:\\w+\\s+){0,2}(?:zu|über|von)\\s+(?:mir|mich)\\s+(?:gespeichert|erfasst|gesammelt|verarbeitet)',
    ),
    cue(`${FILL}Daten\\s+(?:herunterladen|exportieren|mitnehmen)`),
    cue(`(?:schicken|senden|übermitteln|geben)\\s+Sie\\s+mir\\s+${THEN}${FILL}${DATA}`),
  ],
  erasure: [
    cue(`(?:lösch\\w*|entfern\\w*)\\s+${THEN}${FILL}(?:${DATA}|(?:Kunden)?[Kk]onto|Account|Adresse|Bestellhistorie)`),
    cue(
      `(?:${DATA}|Konto|Kundenkonto)\\s+(?:\\w+\\s+)?(?:löschen|entfernen)|(?:Daten|sie)\\s+(?:\\w+\\s+)?gelöscht\\s+werden`,
    ),
    cue('Löschung\\s+(?:meiner|meines|aller|der)\\s+(?:\\w+\\s+)?(?:Daten|Kundendaten|Kontos|Kundenkontos|Accounts)'),
    cue('Recht\\s+auf\\s+(?:Vergessenwerden|Löschung)|mich\\s+(?:\\w+\\s+)?vergessen'),
  ],
  rectification: [
    cue(`(?:korrigieren|berichtigen|ändern|aktualisieren)\\s+${THEN}${FILL}${FACT}`),
    cue(`${FACT}\\s+(?:\\w+\\s+)?(?:ändern|korrigieren|berichtigen|aktualisieren)`),
    cue('Berichtigung\\s+(?:meiner|der)\\s+(?:\\w+\\s+)?Daten'),
    cue(`${FACT}${near(40, OBJECTS)}${WRONG}`),
  ],
  opt_out: [
    cue('widerrufe\\w*\\s+(?:hiermit\\s+)?(?:meine\\s+)?Einwilligung|Einwilligung\\s+(?:\\w+\\s+){0,3}widerrufen'),
    cue('widersprech\\w*\\s+(?:der|dem)\\s+(?:\\w+\\s+){0,4}?(?:Verarbeitung|Nutzung|Werbung|Profilbildung)'),
    cue('keine\\s+(?:\\w+\\s+)?(?:Werbung|Newsletter|Werbe-?E-Mails|Werbemails|Werbepost)\\s+mehr'),
    cue('nicht\\s+(?:mehr\\s+)?(?:für|zu)\\s+(?:personalisierte\\w*|Werbe\\w*|Marketing\\w*|Profil\\w*)'),
    cue('möchte\\s+nicht[^.!?]{0,60}?(?:personalisiert\\w*|Werbung|Profil\\w*)'),
    cue('untersage\\w*[^.!?]{0,40}?(?:Werb\\w*|Marketing|Profil\\w*)|aufhören[^.!?]{0,30}?Werbung'),
    cue('hören\\s+Sie\\s+(?:bitte\\s+)?auf[^.!?]{0,30}?Werbung'),
    cue('nicht\\s+an\\s+Dritte|(?:verkaufen|weitergeben)\\s+Sie\\s+(?:sie|meine\\s+Daten)\\s+nicht'),
    cue(
      'mich\\s+aus\\s+(?:Ihrem|dem|eurem)\\s+\\w*(?:verteiler|liste|Newsletter)|Widerspruch\\s+gegen\\s+die\\s+Werbung',
    ),
  ],
};
