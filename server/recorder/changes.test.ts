import { describe, expect, it } from 'vitest';
import type { CustomerSnapshot } from '../store/types.js';
import { changesBetween } from './changes.js';

const AT = '2026-11-23T09:00:00.000Z';
const LATER = '2026-11-23T09:05:00.000Z';
const k1 = {
  id: 'k1',
  purpose: 'essential',
  categories: ['user.behavior'],
  status: 'granted' as const,
  at: AT,
  expiresAt: null,
  source: 'portal',
  withdrawnAt: null,
};
const f1 = { id: 'f1', category: 'user.behavior.purchase_history', text: 'Kettle', source: 'orders', collectedAt: AT };

const snap = (over: Partial<CustomerSnapshot> = {}): CustomerSnapshot => ({
  customer: { id: 'c1', displayName: 'Dana' },
  flags: { optedOut: false, gpc: false },
  facts: [f1],
  consents: [k1],
  erasedAt: null,
  ...over,
});

describe('what changed between two snapshots of a customer', () => {
  it('when nothing changed, then there is no event', () => {
    expect(changesBetween(snap(), snap(), LATER)).toEqual([]);
  });

  it('when a consent is withdrawn, then the event names it and when it took effect', () => {
    expect(
      changesBetween(snap(), snap({ consents: [{ ...k1, withdrawnAt: '2026-11-23T09:04:00.000Z' }] }), LATER),
    ).toEqual([{ role: 'event', type: 'consent.withdrawn', consentId: 'k1', at: '2026-11-23T09:04:00.000Z' }]);
  });

  it(
    'when a consent is granted, denied or granted again after a ' +
      'withdrawal, then the consent as it stands is the event',
    () => {
      const k2 = { ...k1, id: 'k2', status: 'denied' as const };
      const { withdrawnAt: _w, ...plain } = k1;
      expect(changesBetween(snap(), snap({ consents: [k1, k2] }), LATER)).toEqual([
        { role: 'event', type: 'consent.granted', consent: { ...plain, id: 'k2', status: 'denied' }, at: LATER },
      ]);
      expect(changesBetween(snap({ consents: [{ ...k1, withdrawnAt: AT }] }), snap(), LATER)).toEqual([
        { role: 'event', type: 'consent.granted', consent: plain, at: LATER },
      ]);
    },
  );

  it('when the customer opts out or sends GPC, then each is an event; lifting an opt-out is none', () => {
    const out = snap({ flags: { optedOut: true, gpc: true } });
    expect(changesBetween(snap(), out, LATER).map((e) => e.type)).toEqual(['customer.opted_out', 'customer.gpc']);
    expect(changesBetween(out, snap(), LATER)).toEqual([]);
  });

  it('when a fact is added, changed or erased, then the event carries the fact or its id', () => {
    const f2 = { ...f1, id: 'f2', text: 'Toaster' };
    expect(changesBetween(snap(), snap({ facts: [f1, f2] }), LATER)).toEqual([
      { role: 'event', type: 'fact.added', fact: f2, at: LATER },
    ]);
    expect(changesBetween(snap(), snap({ facts: [{ ...f1, text: 'Kettle, returned' }] }), LATER)).toEqual([
      { role: 'event', type: 'fact.added', fact: { ...f1, text: 'Kettle, returned' }, at: LATER },
    ]);
    expect(changesBetween(snap(), snap({ facts: [{ ...f1, text: '', value: null, erased: true }] }), LATER)).toEqual([
      { role: 'event', type: 'fact.erased', factId: 'f1', at: LATER },
    ]);
  });
});
