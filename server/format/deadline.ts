/**
 * How long is left until a deadline, in words: "2 days and 23 hours left", "overdue by 4 hours" (the breach report's
 * 72 hours for notifying the supervisory authority). Rounded down to the minute; imports nothing of Candor's at run
 * time, so the server and the pages say it alike.
 */
import { countOf } from './words.js';

const MINUTE = 60_000;

const parts = (minutes: number): string => {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const words = [
    days ? countOf(days, { one: 'day', other: 'days' }) : '',
    hours ? countOf(hours, { one: 'hour', other: 'hours' }) : '',
    // Minutes only matter in the last day.
    !days && rest ? countOf(rest, { one: 'minute', other: 'minutes' }) : '',
  ].filter(Boolean);
  return words.length ? words.join(' and ') : 'less than a minute';
};

export function timeLeft(deadline: string | number | Date, now: string | number | Date = Date.now()): string {
  const ms = new Date(deadline).getTime() - new Date(now).getTime();
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  return ms >= 0 ? `${parts(minutes)} left` : `overdue by ${parts(minutes)}`;
}
