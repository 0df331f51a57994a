import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, type Catalogue, fill, type Locale, listed, messageIn, pickLocale } from './i18n.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const LOCALES = Object.keys(CATALOGUES) as Locale[];
const en = CATALOGUES.en;

/** What a message takes: its named placeholders with their `$n`, and any `$n` written in the message itself. */
function slots(entry: Catalogue[string]) {
  const named = [...entry.message.matchAll(/\$([a-z0-9_@]+)\$/gi)].map((m) => {
    const name = m[1]!.toLowerCase();
    return `${name}=${entry.placeholders?.[name]?.content ?? 'undefined'}`;
  });
  const direct = [...entry.message.replace(/\$\$/g, '').matchAll(/\$[1-9]/g)].map((m) => m[0]);
  return [...new Set([...named, ...direct])].sort();
}

describe('the extension catalogues', () => {
  it.each(LOCALES)('%s has every English key, and no other, each non-empty with the same placeholders', (locale) => {
    const catalogue = CATALOGUES[locale];
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
    for (const [key, entry] of Object.entries(en)) {
      const translated = catalogue[key]!;
      expect(translated.message.trim(), `${locale}.${key}`).not.toBe('');
      expect(slots(translated), `${locale}.${key}`).toEqual(slots(entry));
    }
  });

  it('every plural has its one and other forms, and keys are ones Chrome accepts', () => {
    for (const key of Object.keys(en)) {
      expect(key).toMatch(/^[a-zA-Z0-9_]+$/);
      if (key.endsWith('_one')) expect(en).toHaveProperty(key.replace(/_one$/, '_other'));
      if (key.endsWith('_other')) expect(en).toHaveProperty(key.replace(/_other$/, '_one'));
    }
  });

  it('each key a page, the manifest or the code names is in the catalogue', () => {
    const pages = ['extension/panel/panel.html', 'extension/options/options.html'].map(read).join('\n');
    const named = [...pages.matchAll(/data-i18n(?:-[a-z]+)?="([^"]+)"/g)].map((m) => m[1]!);
    const manifest = [...read('manifest.json').matchAll(/__MSG_([a-zA-Z0-9_]+)__/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(20);
    expect(manifest).toEqual(['ext_name', 'ext_description', 'ext_action_title']);
    for (const key of [...named, ...manifest]) expect(en, key).toHaveProperty(key);
    expect(JSON.parse(read('manifest.json')).default_locale).toBe('en');
  });

  it('a translation says something else than the English, except names and words the languages share', () => {
    const same = new Set([
      'ext_name',
      'opt_helpdesks',
      'page_ticket_label',
      'opt_saved',
      'opt_experimental',
      'labelled',
      'art_public',
      'key_insert_keys',
      'key_footnotes_keys',
      'teach_messages_one',
      'teach_messages_other',
      'teach_notes_one',
      'teach_notes_other',
    ]);
    for (const locale of LOCALES.filter((l) => l !== 'en'))
      for (const [key, entry] of Object.entries(CATALOGUES[locale]))
        if (!same.has(key)) expect(entry.message, `${locale}.${key}`).not.toBe(en[key]!.message);
  });
});

describe('the accessor', () => {
  it('fills placeholders as Chrome does', () => {
    const entry = { message: 'A $WHO$ paid $$5 to $2', placeholders: { who: { content: '$1' } } };
    expect(fill(entry, ['Dana', 'Luis'])).toBe('A Dana paid $5 to Luis');
  });

  it('answers in each language, with English for a locale Candor has no words for', () => {
    expect(messageIn('de', 'ctx_language', 'Deutsch')).toBe('Ticket auf Deutsch');
    expect(messageIn('fr', 'conn_connected', 'http://x')).toBe('Connecté à http://x');
    expect(messageIn('es', 'sugg_title')).toBe('Respuestas sugeridas');
    expect(messageIn('nl', 'ctx_omitted_other', '3')).toBe(
      '3 andere toegestane feiten weggelaten als minder relevant voor dit gesprek.',
    );
    expect(messageIn('en', 'portal_sent_one', '1', 'd•••@example.org')).toMatch(
      /^Sent to d•••@example.org: .* minute\./,
    );
    expect(messageIn('de', 'portal_sent_other', '15', 'd•••@example.org')).toMatch(/^An d•••@example.org .* 15 Min/);
    expect(pickLocale(['pt-BR', 'de-AT'])).toBe('de');
    expect(pickLocale(['nl_BE'])).toBe('nl');
    expect(pickLocale(['pt-BR'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });
});

describe('listed', () => {
  it('joins words with commas and the language’s last word, as the panel lists fields and tokens', () => {
    expect(listed([], 'list_or')).toBe('');
    expect(listed(['the conversation'], 'list_or')).toBe('the conversation');
    expect(listed(['a', 'b', 'c'], 'list_or')).toBe('a, b or c');
    expect(listed(['1', '2'], 'list_and')).toBe('1 and 2');
    expect(messageIn('de', 'list_or', 'a, b', 'c')).toBe('a, b oder c');
  });
});
