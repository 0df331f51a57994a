import { describe, expect, it } from 'vitest';
import { fold, type ConsentRecord } from './ledger.js';
import type { Consent } from '../protocol/domain.js';

function consent(over: Partial<Consent> = {}): Consent {
  return {
    id: 'k1',
    purpose: 'essential.service.operations.support',
    categories: ['user.behavior.purchase_history'],
    status: 'granted',
    at: '2026-03-01T00:00:00.000Z',
    expiresAt: null,
    source: 'privacy-portal',
    ...over,
  };
}

const grant = (c: Consent): ConsentRecord => ({ kind: 'granted', consent: c });
const withdraw = (consentId: string, at: string): ConsentRecord => ({ kind: 'withdrawn', consentId, at });

describe('fold of the consent ledger', () => {
  it('when there are no records, then there are no consents', () => {
    expect(fold([])).toEqual([]);
  });

  it('when a consent is granted, then it stands with no withdrawal', () => {
    expect(fold([grant(consent())])).toEqual([{ ...consent(), withdrawnAt: null }]);
  });

  it('when a consent is granted then withdrawn, then the consent is kept with its withdrawal time', () => {
    const states = fold([grant(consent()), withdraw('k1', '2026-03-05T00:00:00.000Z')]);
    expect(states).toEqual([{ ...consent(), withdrawnAt: '2026-03-05T00:00:00.000Z' }]);
  });

  it('when a withdrawn consent is granted again, then the new grant replaces it and clears the withdrawal', () => {
    const regrant = consent({ categories: ['user.behavior'], at: '2026-03-07T00:00:00.000Z' });
    const states = fold([grant(consent()), withdraw('k1', '2026-03-05T00:00:00.000Z'), grant(regrant)]);
    expect(states).toEqual([{ ...regrant, withdrawnAt: null }]);
  });

  it('when a consent id is granted twice, then only the latest grant stands', () => {
    const later = consent({ status: 'denied', at: '2026-03-02T00:00:00.000Z' });
    expect(fold([grant(consent()), grant(later)])).toEqual([{ ...later, withdrawnAt: null }]);
  });

  it('when an unknown consent id is withdrawn, then nothing changes', () => {
    const states = fold([grant(consent()), withdraw('nope', '2026-03-05T00:00:00.000Z')]);
    expect(states).toEqual([{ ...consent(), withdrawnAt: null }]);
  });

  it('when a withdrawal comes before its grant, then the later grant stands unwithdrawn', () => {
    const states = fold([withdraw('k1', '2026-02-01T00:00:00.000Z'), grant(consent())]);
    expect(states).toEqual([{ ...consent(), withdrawnAt: null }]);
  });

  it('when a consent is withdrawn twice, then the first withdrawal time is kept', () => {
    const states = fold([
      grant(consent()),
      withdraw('k1', '2026-03-05T00:00:00.000Z'),
      withdraw('k1', '2026-03-09T00:00:00.000Z'),
    ]);
    expect(states).toEqual([{ ...consent(), withdrawnAt: '2026-03-05T00:00:00.000Z' }]);
  });

  it('when one of several consents is withdrawn, then the others are untouched', () => {
    const other = consent({ id: 'k2', categories: ['user.contact.email'] });
    const states = fold([grant(consent()), grant(other), withdraw('k2', '2026-03-05T00:00:00.000Z')]);
    expect(states).toEqual([
      { ...consent(), withdrawnAt: null },
      { ...other, withdrawnAt: '2026-03-05T00:00:00.000Z' },
    ]);
  });

  it('when folding, then the input records are not modified', () => {
    const records = [grant(consent()), withdraw('k1', '2026-03-05T00:00:00.000Z')];
    const snapshot = structuredClone(records);
    fold(records);
    expect(records).toEqual(snapshot);
  });
});
