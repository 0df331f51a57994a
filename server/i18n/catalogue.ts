/**
 * The one message catalogue of the server's pages, in English, German, French, Spanish and Dutch. English names
 * the keys; the type makes every language hold every key, and catalogue.test.ts that none is empty and that each
 * has the same placeholders as the English.
 */
import { en } from './en.js';
import { de } from './de.js';
import { fr } from './fr.js';
import { es } from './es.js';
import { nl } from './nl.js';

/** A text, or its plural forms by `Intl.PluralRules` category, chosen by the `n` placeholder. */
export type Message = string | { one?: string; other: string };
export type Key = keyof typeof en;
export type Catalogue = Record<Key, Message>;

export const CATALOGUE = { en, de, fr, es, nl } satisfies Record<string, Catalogue>;
