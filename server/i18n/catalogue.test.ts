import express from 'express';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, type Message } from './catalogue.js';
import { LANGS, placeholdersOf, wordsFor, wordsOf } from './translate.js';

const forms = (m: Message) => (typeof m === 'string' ? [m] : Object.values(m));
const en = CATALOGUE.en as Record<string, Message>;

describe('the pages catalogue', () => {
  it.each(LANGS)('gives every English key a non-empty message in %s, and no key English lacks', (lang) => {
    const messages = CATALOGUE[lang] as Record<string, Message | undefined>;
    const missing = Object.keys(en).filter((k) => !messages[k] || forms(messages[k]).some((f) => !f.trim()));
    expect(missing).toEqual([]);
    expect(Object.keys(messages).filter((k) => !(k in en))).toEqual([]);
  });

  it.each(LANGS)('uses in %s the placeholders the English uses, in every plural form', (lang) => {
    const messages = CATALOGUE[lang] as Record<string, Message>;
    const differ = Object.entries(en).flatMap(([k, m]) => {
      const want = JSON.stringify(placeholdersOf(forms(m)[0]!));
      return forms(messages[k]!)
        .filter((f) => JSON.stringify(placeholdersOf(f)) !== want)
        .map((f) => `${k}: ${f}`);
    });
    expect(differ).toEqual([]);
  });

  it('chooses the plural form by the language rules and writes numbers and dates in its locale', () => {
    expect(wordsFor('en').t('erase.items', { n: 1 })).toBe('1 item of data');
    expect(wordsFor('de').t('erase.items', { n: 1200 })).toBe('1.200 Dateneinträge');
    expect(wordsFor('fr').t('facts.erased', { n: 0 })).toBe('0 élément a été effacé à votre demande.');
    expect(wordsFor('nl').t('ticket.named', { id: 'T-1' })).toBe('Ticket T-1');
    expect(wordsFor('es').time('2026-03-01T14:02:00Z', 'date')).toBe('1 de marzo de 2026');
    expect(wordsFor('de').time('2026-03-01T14:02:00Z', 'date')).toBe('1. März 2026');
  });

  it('takes the first language of Accept-Language it has words for, English otherwise', () => {
    // express's own request, whose acceptsLanguages the routes call
    const req = (header?: string): express.Request =>
      Object.assign(Object.create(express.request), { headers: header ? { 'accept-language': header } : {} });
    expect(wordsOf(req('de-CH,de;q=0.9,en;q=0.5')).lang).toBe('de');
    expect(wordsOf(req('ja,nl;q=0.3')).lang).toBe('nl');
    expect(wordsOf(req('ja')).lang).toBe('en');
    expect(wordsOf(req()).lang).toBe('en');
  });
});
