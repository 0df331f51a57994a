/**
 * How long is left until a deadline, in words: "2 days and 23 hours left", "overdue by 4 hours" (the breach report's
 * 72 hours for notifying the supervisory authority). Rounded down to the minute; imports nothing of Candor's at run
 * time, so the server and the pages say it alike.
 */
import { countOf } from './words.js';

const MINUTE = 60_000;

/**
 * The time to a deadline (or past it) in whole days, hours and minutes, for a page to put in its reader's words;
 * minutes only in the last day, where they matter.
 */
export function untilDeadline(deadline: string | number | Date, now: string | number | Date = Date.now()) {
  const ms = new Date(deadline).getTime() - new Date(now).getTime();
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  const days = Math.floor(minutes / 1440);
  return { overdue: ms < 0, days, hours: Math.floor((minutes % 1440) / 60), minutes: days ? 0 : minutes % 60 };
}

export function timeLeft(deadline: string | number | Date, now: string | number | Date = Date.now()): string {
  const { overdue, days, hours, minutes } = untilDeadline(deadline, now);
  const words = [
    days ? countOf(days, { one: 'day', other: 'days' }) : '',
    hours ? countOf(hours, { one: 'hour', other: 'hours' }) : '',
    minutes ? countOf(minutes, { one: 'minute', other: 'minutes' }) : '',
  ].filter(Boolean);
  const parts = words.length ? words.join(' and ') : 'less than a minute';
  return overdue ? `overdue by ${parts}` : `${parts} left`;
}
