/**
 * The lead pages' words, from the one catalogue (server/i18n/). The server chose the language from Accept-Language
 * and wrote it in `<html lang>` (routes.ts says why there); the page's script reads it there, so what the script
 * writes is in the language of the page's own text.
 */
import { formatTime } from '../../format/time.js';
import { LANGS, type Lang, wordsFor } from '../../i18n/translate.js';

const lang = document.documentElement.lang;
export const words = wordsFor((LANGS as readonly string[]).includes(lang) ? (lang as Lang) : 'en');
export const t = words.t;

/** A time in the lead's language and own time zone (the browser knows it; the server does not). */
export const when = (iso: string) => formatTime(iso, 'dateTime', { locale: words.locale });
