/** French cues: elided articles ("d'effacer", "l'ensemble") are written with either apostrophe. */
import { APOS, cue, near } from './cue.js';
import type { Cues } from './types.js';

const DATA = '(?:données|informations|infos)(?:\\s+personnelles)?';
const FILL = `(?:(?:de|des|du|toutes|tous|les|mes|ma|mon|la|le|reste|votre|vos|entièrement|toutes)\\s+|[dl]${APOS}(?:ensemble\\s+)?){0,5}`;
const FACT =
  '(?:année\\s+de\\s+naissance|nom(?:\\s+de\\s+famille)?|prénom|date\\s+de\\s+naissance|adresse(?:\\s+e-?mail)?|code\\s+postal|' +
  'numéro\\s+de\\s+téléphone|données|informations|coordonnées)';
const OBJECTS = '(?:colis|étiquette|commande|facture|livraison)';
const WRONG =
  `(?:erroné\\w*|inexact\\w*|incorrect\\w*|faux|fausse|mal\\s+orthographié\\w*|obsolètes?|pas\\s+exact\\w*|` +
  `faute\\s+de\\s+frappe|n${APOS}est\\s+pas\\s+(?:le\\s+mien|la\\s+mienne))`;

export const fr: Cues = {
  access: [
    cue(`copie\\s+${FILL}${DATA}`),
    cue(`accès\\s+(?:à|a)\\s+${FILL}${DATA}|droit\\s+d${APOS}accès`),
    cue('quelles\\s+(?:données|informations)[^.?!]{0,60}?(?:sur\\s+moi|à\\s+mon\\s+sujet|me\\s+concernant)'),
    cue('(?:conservez|détenez|gardez|stockez|avez)\\b[^.?!]{0,40}?données\\s+sur\\s+moi'),
    cue(`(?:télécharger|exporter|récupérer|transférer|envoyer)\\s+${FILL}${DATA}`),
    cue(`(?:transmettez|envoyez|communiquez)-moi\\s+${FILL}${DATA}`),
    cue('ce\\s+que\\s+vous\\s+[^.?!]{0,30}?sur\\s+moi'),
  ],
  erasure: [
    cue(`(?:supprim\\w*|effac\\w*|retir\\w*)\\s+${FILL}(?:${DATA}|compte|profil|adresse|historique)`),
    cue(`débarrass\\w*(?:-vous)?\\s+${FILL}${DATA}`),
    cue(`(?:effacement|suppression)\\s+${FILL}${DATA}|soient\\s+(?:supprimées|effacées)`),
    cue(`droit\\s+à\\s+l${APOS}oubli|m${APOS}oubli\\w*`),
  ],
  rectification: [
    cue(`(?:corrig\\w*|rectifi\\w*|modifi\\w*|mettre\\s+à\\s+jour)\\s+${FILL}${FACT}`),
    cue(`rectification\\s+${FILL}${DATA}`),
    cue(`${FACT}${near(40, OBJECTS)}${WRONG}`),
  ],
  opt_out: [
    cue('retir\\w*\\s+(?:mon\\s+)?consentement|consentement\\s+(?:\\w+\\s+){0,2}retiré'),
    cue(`m${APOS}oppose\\s+au\\s+traitement|opposition\\s+au\\s+traitement`),
    cue(`arrêtez\\s+de\\s+m${APOS}envoyer|plus\\s+d${APOS}e-?mails\\s+(?:promotionnels|publicitaires|commerciaux)`),
    cue(
      'ne\\s+veux\\s+plus\\s+(?:aucune\\s+|de\\s+)?(?:publicité|newsletters?|prospection|e-?mails?\\s+promotionnels)',
    ),
    cue('ne\\s+veux\\s+pas\\s+que[^.!?]{0,60}?(?:cibler|publicité|profilage|personnalis\\w*)'),
    cue(
      'ne\\s+souhaite\\s+plus\\s+recevoir|retirez-moi\\s+de|refuse\\s+que[^.!?]{0,60}?(?:recommand\\w*|publicit\\w*|cibl\\w*|profil\\w*)',
    ),
    cue('ne\\s+plus\\s+utiliser\\s+mes\\s+données|ne\\s+(?:vendez|partagez)\\s+pas'),
    cue('retir\\w*\\s+de\\s+(?:votre|la)\\s+liste\\s+de\\s+diffusion|désinscri\\w*|désabonn\\w*'),
  ],
};
