/**
 * The lead pages' words, from the one catalogue (server/i18n/). The server chose the language from Accept-Language
 * and wrote it in `<html lang>` (routes.ts says why there); the page's script reads it there, so what the script
 * writes is in the language of the page's own text.
 */
import { untilDeadline } from '../../format/deadline.js';
import { formatTime, type TimeStyle } from '../../format/time.js';
import { listOf } from '../../format/words.js';
import { LANGS, type Lang, wordsFor } from '../../i18n/translate.js';

const lang = document.documentElement.lang;
export const words = wordsFor((LANGS as readonly string[]).includes(lang) ? (lang as Lang) : 'en');
export const t = words.t;

/**
 * The lead's own locale for times, when the browser's languages include the page's ("en-US" on an English page),
 * else the page language's; and the lead's own time zone (the browser knows it; the server does not).
 */
const locale = navigator.languages.find((l) => l.split('-')[0] === words.lang) ?? words.locale;
export const when = (iso: string, style: TimeStyle = 'dateTime') => formatTime(iso, style, { locale });

/** "2 days and 23 hours left", in the page's language (format/deadline.ts says it in English for the API). */
export function timeLeft(deadline: string, now: string | number = Date.now()): string {
  const { overdue, days, hours, minutes } = untilDeadline(deadline, now);
  const parts = [
    days ? t('time.days', { n: days }) : '',
    hours ? t('time.hours', { n: hours }) : '',
    minutes ? t('time.minutes', { n: minutes }) : '',
  ].filter(Boolean);
  const time = parts.length ? listOf(parts, words.locale) : t('time.lessThanMinute');
  return t(overdue ? 'time.overdue' : 'time.left', { time });
}
