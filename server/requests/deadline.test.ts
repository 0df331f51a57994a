import { describe, expect, it } from 'vitest';
import { ruleOf } from '../protocol/requests.js';
import { dueAt } from './deadline.js';

describe('the deadline of a privacy request', () => {
  it('when the GDPR applies, then it is due the same day next month, or that month’s last day', () => {
    expect(dueAt('2026-03-14T09:30:00.000Z', 'gdpr')).toBe('2026-04-14T09:30:00.000Z');
    expect(dueAt('2026-01-31T09:30:00.000Z', 'gdpr')).toBe('2026-02-28T09:30:00.000Z');
    expect(dueAt('2026-12-31T23:00:00.000Z', 'gdpr')).toBe('2027-01-31T23:00:00.000Z');
  });

  it('when the CCPA applies, then it is due 45 days after it arrived', () => {
    expect(dueAt('2026-03-14T09:30:00.000Z', 'ccpa')).toBe('2026-04-28T09:30:00.000Z');
  });

  it('when the jurisdiction is named, then its rule is known, and an unknown one has none', () => {
    expect([ruleOf('EU'), ruleOf('de'), ruleOf('UK'), ruleOf('US-CA'), ruleOf('CCPA'), ruleOf('Mars')]).toEqual([
      'gdpr',
      'gdpr',
      'gdpr',
      'ccpa',
      'ccpa',
      null,
    ]);
  });
});
