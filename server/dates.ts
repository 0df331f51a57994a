/**
 * How the server writes a time for people when it does not know the viewer's time zone (mails, footnotes,
 * server-rendered pages): through the one formatting module (format/time.ts), in UTC, and saying so:
 * "1 March 2026", "1 March 2026 at 14:02 UTC". `locale` is the reader's when known (a page's Accept-Language).
 */
import { formatTime } from './format/time.js';

export const SERVER_LOCALE = 'en-GB';

export const formatDay = (t: string | Date, locale = SERVER_LOCALE) =>
  formatTime(t, 'date', { locale, timeZone: 'UTC' });
export const formatDayAndTime = (t: string | Date, locale = SERVER_LOCALE) =>
  formatTime(t, 'dateTime', { locale, timeZone: 'UTC' });
