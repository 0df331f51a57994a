import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDay, formatDayAndTime } from '../dates.js';
import { clock } from '../../extension/panel/summary.js';
import { formatRecent, formatTime, localeFrom } from './time.js';
import { countOf } from './words.js';

const T = '2026-03-01T14:02:00.000Z';
const UTC = { locale: 'en-GB', timeZone: 'UTC' };

describe('one way to show time', () => {
  it('when a time is formatted for the same viewer, then it reads the same in every place that formats it', () => {
    // The server's helper (mails, footnotes, portal) and the panel's clock; the demo desk imports this module too.
    expect(formatDayAndTime(T)).toBe('1 March 2026 at 14:02 UTC');
    expect(formatTime(T, 'dateTime', UTC)).toBe(formatDayAndTime(T));
    expect(formatDay(T)).toBe('1 March 2026');
    expect(formatTime(T, 'date', UTC)).toBe(formatDay(T));
    expect(clock(T, new Date('2026-03-20T10:00:00Z'))).toBe(formatTime(T, 'dateTime'));
  });

  it('when the viewer reads another locale or zone, then the time follows it', () => {
    expect(formatTime(T, 'dateTime', { locale: 'en-US', timeZone: 'America/New_York' })).toBe(
      'March 1, 2026 at 9:02 AM EST',
    );
    expect(formatTime(T, 'date', { locale: 'de-DE', timeZone: 'Europe/Berlin' })).toBe('1. März 2026');
  });

  it('when the time is today, then the recent form is the time of day alone', () => {
    expect(formatRecent(T, '2026-03-01T20:00:00Z', UTC)).toBe('14:02 UTC');
    expect(formatRecent(T, '2026-03-02T20:00:00Z', UTC)).toBe('1 March 2026 at 14:02 UTC');
  });

  it('when a page asks in Accept-Language, then the first language the runtime formats for is taken', () => {
    expect(localeFrom('de-DE,de;q=0.9,en;q=0.8')).toBe('de-DE');
    expect(localeFrom('xx-invalid-tag-!!, en-US;q=0.5')).toBe('en-US');
    expect(localeFrom('fr;q=0.2, en-US;q=0.9')).toBe('en-US');
    expect(localeFrom(undefined)).toBe('en-GB');
    expect(localeFrom('*')).toBe('en-GB');
  });

  it('has no other time formatter in the pages people read', () => {
    const files = [
      'extension/panel/render.ts',
      'extension/panel/summary.ts',
      'server/demo/ui/desk.ts',
      'server/portal/pages.ts',
      'server/admin/ui/views.ts',
      'server/admin/ui/adapters.ts',
    ];
    const root = path.resolve(import.meta.dirname, '../..');
    for (const f of files)
      expect(readFileSync(path.join(root, f), 'utf8'), f).not.toMatch(/toLocale(Date|Time)?String|DateTimeFormat\(/);
  });
});

describe('counts', () => {
  it('when there is one, then the word is singular; otherwise plural, never "(s)"', () => {
    expect(countOf(1, { one: 'fact', other: 'facts' })).toBe('1 fact');
    expect(countOf(0, { one: 'fact', other: 'facts' })).toBe('0 facts');
    expect(countOf(5, { one: 'item', other: 'items' })).toBe('5 items');
    expect(countOf(1200, { one: 'item', other: 'items' }, 'en-GB')).toBe('1,200 items');
  });
});
