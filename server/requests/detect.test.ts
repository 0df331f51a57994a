import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUES, detectRequests } from './detect.js';

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

describe('the one search that rules out a message', () => {
  const cues = Object.values(CUES).flatMap((byKind) => Object.values(byKind).flat());
  const anyCueMatches = (text: string) => cues.some((pattern) => new RegExp(pattern.source, 'iu').test(text));
  const corpus = readFileSync(new URL('../../test/fixtures/requests/corpus.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { text: string }).text);

  it('holds no back-reference, which a union of the cues would renumber', () => {
    for (const pattern of cues) expect(pattern.source).not.toMatch(/\\[1-9]|\\k</);
  });

  it('when any one cue matches a text, then something is found, and only then', () => {
    // Sentences of the labelled corpus (requests and ordinary support in five languages) cut and spliced at random.
    const pieces = corpus.flatMap((text) => text.split(/(?<=[.!?,])\s+|\s+(?=\p{Lu})/u));
    const text = fc
      .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 4 })
      .map((parts) => parts.join(' '));
    fc.assert(
      fc.property(text, (t) => {
        expect(detectRequests(t).length > 0).toBe(anyCueMatches(t));
      }),
      { numRuns: 2000 },
    );
    for (const t of corpus) expect(detectRequests(t).length > 0).toBe(anyCueMatches(t));
  });
});
