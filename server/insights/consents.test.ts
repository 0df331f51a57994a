import { describe, expect, it } from 'vitest';
import type { Consent } from '../protocol/domain.js';
import { consentEvents } from './consents.js';

const k = (over: Partial<Consent> = {}): Consent => ({
  id: 'k1',
  purpose: 'essential.service.operations.support',
  categories: ['user.behavior.purchase_history'],
  status: 'granted',
  at: '2026-01-01T00:00:00.000Z',
  source: 'chat',
  ...over,
});
const changes = (records: Parameters<typeof consentEvents>[0]) =>
  consentEvents(records).map((e) => `${e.change} ${e.at.slice(0, 10)}`);

describe('consent events for the insights', () => {
  it('when a consent is withdrawn before its end date, then it counts as withdrawn, not expired', () => {
    expect(
      changes([
        { customerId: 'c', record: { kind: 'granted', consent: k({ expiresAt: '2026-06-01T00:00:00.000Z' }) } },
        { customerId: 'c', record: { kind: 'withdrawn', consentId: 'k1', at: '2026-02-01T00:00:00.000Z' } },
      ]),
    ).toEqual(['granted 2026-01-01', 'withdrawn 2026-02-01']);
  });

  it('when its end date passes first, then it counts as expired; a later withdrawal or denial does not count', () => {
    const expiring = {
      customerId: 'c',
      record: { kind: 'granted' as const, consent: k({ expiresAt: '2026-02-01T00:00:00.000Z' }) },
    };
    expect(
      changes([
        expiring,
        { customerId: 'c', record: { kind: 'withdrawn', consentId: 'k1', at: '2026-03-01T00:00:00.000Z' } },
      ]),
    ).toEqual(['granted 2026-01-01', 'expired 2026-02-01']);
    expect(
      changes([
        expiring,
        {
          customerId: 'c',
          record: { kind: 'granted', consent: k({ status: 'denied', at: '2026-03-01T00:00:00.000Z' }) },
        },
      ]),
    ).toEqual(['granted 2026-01-01', 'expired 2026-02-01']);
  });

  it('when a denial replaces a live grant, then it is a withdrawal; the same id of another customer is theirs', () => {
    expect(
      changes([
        { customerId: 'c', record: { kind: 'granted', consent: k() } },
        {
          customerId: 'd',
          record: { kind: 'granted', consent: k({ status: 'denied', at: '2026-01-02T00:00:00.000Z' }) },
        },
        {
          customerId: 'c',
          record: { kind: 'granted', consent: k({ status: 'denied', at: '2026-01-03T00:00:00.000Z' }) },
        },
      ]),
    ).toEqual(['granted 2026-01-01', 'withdrawn 2026-01-03']);
  });
});
