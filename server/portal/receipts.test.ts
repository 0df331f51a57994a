/** Consent receipts' third-party fields: who the data goes to, from the register, for the assist's purpose only. */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../audit/chain.js';
import type { ConsentHistoryEntry } from '../store/types.js';
import { loadTaxonomy } from '../taxonomy/taxonomy.js';
import { consentReceipts, type ReceiptInput } from './receipts.js';

const SUPPORT = 'essential.service.operations.support';
const taxonomy = loadTaxonomy();

const grant = (seq: number, id: string, purpose: string, status: 'granted' | 'denied' = 'granted') =>
  ({
    seq,
    kind: 'granted',
    consentId: id,
    consent: {
      id,
      purpose,
      categories: ['user.behavior.purchase_history'],
      status,
      at: '2026-03-01T00:00:00Z',
      source: 'checkout',
    },
    at: '2026-03-01T00:00:00Z',
    actor: 'customer',
    channel: 'portal',
    evidence: { by: 'customer' },
    recordedAt: `2026-03-01T00:00:0${seq}Z`,
  }) satisfies ConsentHistoryEntry;

const withdrawal = (seq: number, id: string): ConsentHistoryEntry => ({
  ...grant(seq, id, SUPPORT),
  kind: 'withdrawn',
  consent: null,
});

const flag = (seq: number, kind: 'customer.opted_out' | 'customer.opted_in' | 'customer.gpc'): AuditEntry => ({
  seq,
  at: `2026-03-02T00:00:0${seq}Z`,
  kind,
  actor: 'customer',
  customerId: 'c_dana',
  payload: { channel: 'portal' },
  seal: null,
  prevHash: '',
  hash: '',
});

const input = (recipients: string[]): ReceiptInput => ({
  customerId: 'c_dana',
  history: [grant(1, 'k_support', SUPPORT), grant(2, 'k_mail', 'marketing.communications'), withdrawal(3, 'k_support')],
  flags: [flag(4, 'customer.opted_out'), flag(5, 'customer.opted_in'), flag(6, 'customer.gpc')],
  controller: {
    name: 'Shop',
    email: 'privacy@example.org',
    policyUrl: 'https://example.org/privacy',
    jurisdiction: 'EU',
  },
  taxonomy,
  purpose: SUPPORT,
  withdrawAt: 'https://support.example.org/portal',
  recipients,
});

/** Each receipt's change and its purpose's third-party fields. */
const thirdParties = (recipients: string[]) =>
  consentReceipts(input(recipients)).map((r) => {
    const { thirdPartyDisclosure, thirdPartyName } = r.services[0]!.purposes[0]!;
    return [r.candor.change, r.candor.consentId, thirdPartyDisclosure, thirdPartyName];
  });

describe('consent receipts: third parties', () => {
  it(
    'when the register names recipients, then a grant or an opt-in for support discloses to them by name, ' +
      'and a withdrawal, an opt-out, a GPC signal or a consent for another purpose discloses nothing',
    () => {
      expect(thirdParties(['Example Helpdesk Ltd', 'OpenAI'])).toEqual([
        ['granted', 'k_support', true, 'Example Helpdesk Ltd; OpenAI'],
        ['granted', 'k_mail', false, undefined],
        ['withdrawn', 'k_support', false, undefined],
        ['opted_out', null, false, undefined],
        ['opted_in', null, true, 'Example Helpdesk Ltd; OpenAI'],
        ['gpc', null, false, undefined],
      ]);
    },
  );

  it('when a consent is for a purpose above support (essential), then its grant discloses too', () => {
    const receipts = consentReceipts({ ...input(['OpenAI']), history: [grant(1, 'k_all', 'essential')], flags: [] });
    expect(receipts[0]!.services[0]!.purposes[0]).toMatchObject({
      thirdPartyDisclosure: true,
      thirdPartyName: 'OpenAI',
    });
  });

  it('when a denial is recorded, then nothing is disclosed under it', () => {
    const receipts = consentReceipts({
      ...input(['OpenAI']),
      history: [grant(1, 'k_no', SUPPORT, 'denied')],
      flags: [],
    });
    expect(receipts[0]!.candor.change).toBe('denied');
    expect(receipts[0]!.services[0]!.purposes[0]!.thirdPartyDisclosure).toBe(false);
  });

  it('when the register is empty (and no model is used), then no receipt discloses anything or names anyone', () => {
    for (const r of consentReceipts(input([]))) {
      expect(r.services[0]!.purposes[0]!.thirdPartyDisclosure).toBe(false);
      expect(r.services[0]!.purposes[0]).not.toHaveProperty('thirdPartyName');
    }
  });
});
