import { describe, expect, it } from 'vitest';
import { detectRequests } from './detect.js';

const words = (text: string) =>
  detectRequests(text).map((r) => [r.kind, r.lang, text.slice(r.evidence.start, r.evidence.end)]);

describe('detectRequests', () => {
  it('when a message asks twice, then both requests come back in order, each with the words that asked', () => {
    expect(words('Send me a copy of my data, then delete my account.')).toEqual([
      ['access', 'en', 'copy of my data'],
      ['erasure', 'en', 'delete my account'],
    ]);
  });

  it('when the request is in German, French, Spanish or Dutch, then its language is named', () => {
    expect(words('Bitte löschen Sie alle meine Daten.')).toEqual([['erasure', 'de', 'löschen Sie alle meine Daten']]);
    expect(words('Je retire mon consentement.')).toEqual([['opt_out', 'fr', 'retire mon consentement']]);
    expect(words('Corrijan mis datos, por favor.')).toEqual([['rectification', 'es', 'Corrijan mis datos']]);
    expect(words('Ik trek mijn toestemming in.')).toEqual([['opt_out', 'nl', 'trek mijn toestemming']]);
  });

  it('when an apostrophe is curled by a word processor, then the cue still matches', () => {
    expect(words('J’exerce mon droit à l’oubli.')).toEqual([['erasure', 'fr', 'droit à l’oubli']]);
  });

  it.each([
    "I can't access my account",
    'Please delete the duplicate order',
    'How do I remove the item from my basket?',
    'Cancel my subscription',
    'How do I delete a saved card?',
    'Ich kann nicht auf mein Konto zugreifen. Bitte löschen Sie die doppelte Bestellung.',
    'Comment supprimer une carte enregistrée ? Je voudrais résilier mon abonnement.',
    '¿Cómo quito el artículo de mi cesta? Quiero cancelar mi suscripción.',
    'Hoe verwijder ik een opgeslagen kaart? Ik wil mijn abonnement opzeggen.',
  ])('when ordinary support says "%s", then nothing is found', (text) => {
    expect(detectRequests(text)).toEqual([]);
  });
});
