/**
 * Consent receipts, one for every consent change (a grant, a denial, a withdrawal, an opt-out or
 * opt-in, a GPC signal), with the fields of the Kantara Initiative Consent Receipt specification
 * v1.1: who (controller and principal), what categories, what purpose, when, how it was
 * collected, where to withdraw, and who else receives the data. `candor` adds which change it records.
 */
import type { AuditEntry } from '../audit/chain.js';
import type { ConsentHistoryEntry } from '../store/types.js';
import { isSpecial, type Taxonomy } from '../taxonomy/taxonomy.js';
import { isAtOrUnder } from '../policy/keys.js';
import type { ConsentEvidence } from '../protocol/domain.js';
import { consentAllows } from './holdings.js';
import { authorityOfActor, recordedBy } from './authority.js';

export interface Controller {
  name: string;
  email: string;
  policyUrl: string;
  jurisdiction: string;
}

export type Change = 'granted' | 'denied' | 'withdrawn' | 'opted_out' | 'opted_in' | 'gpc';

export interface ConsentReceipt {
  version: 'KI-CR-v1.1.0';
  jurisdiction: string;
  consentTimestamp: number;
  collectionMethod: string;
  consentReceiptID: string;
  language: 'en';
  piiPrincipalId: string;
  piiControllers: {
    piiController: string;
    onBehalf: false;
    contact: string;
    email: string;
    piiControllerUrl: string;
  }[];
  policyUrl: string;
  services: {
    service: string;
    purposes: {
      purpose: string;
      purposeCategory: string[];
      consentType: string;
      piiCategory: string[];
      primaryPurpose: true;
      termination: string;
      thirdPartyDisclosure: boolean;
      /** The spec's "name or names of the third party", when there is a disclosure: the register's, joined. */
      thirdPartyName?: string;
    }[];
  }[];
  sensitive: boolean;
  spiCat: string[];
  candor: { change: Change; consentId: string | null; at: string; recordedAt: string };
}

export interface ReceiptInput {
  customerId: string;
  history: readonly ConsentHistoryEntry[];
  /** The customer's `customer.opted_out`, `customer.opted_in` and `customer.gpc` audit entries. */
  flags: readonly AuditEntry[];
  controller: Controller;
  taxonomy: Taxonomy;
  /** The assist's purpose, which an opt-out switches off. */
  purpose: string;
  /** Where the customer withdraws: the portal's address. */
  withdrawAt: string;
  /** Who the data used for the assist's purpose goes to: the names in the register (`recipients.ts`). */
  recipients: readonly string[];
}

const method = (evidence: ConsentEvidence, channel: string, source?: string) =>
  `${recordedBy(evidence, channel)}${source ? ` (${source})` : ''}`;

export function consentReceipts(input: ReceiptInput): ConsentReceipt[] {
  const { controller: c, taxonomy } = input;
  const receipt = (o: {
    id: string;
    at: string;
    recordedAt: string;
    change: Change;
    consentId: string | null;
    evidence: ConsentEvidence;
    channel: string;
    source?: string;
    purpose: string;
    categories: readonly string[];
    allows: string;
    consentType: string;
  }): ConsentReceipt => {
    const spiCat = o.categories.filter((k) => isSpecial(taxonomy, k));
    // Disclosed under this receipt: data it lets the assist use, which goes to the register's recipients. A refusal,
    // a withdrawal or an opt-out lets nothing be used, and a consent for another purpose (marketing) is not the
    // assist's. The register is today's: receipts are made when asked for, not kept.
    const discloses =
      (o.change === 'granted' || o.change === 'opted_in') &&
      isAtOrUnder(input.purpose, o.purpose) &&
      input.recipients.length > 0;
    return {
      version: 'KI-CR-v1.1.0',
      jurisdiction: c.jurisdiction,
      consentTimestamp: Math.floor(Date.parse(o.at) / 1000),
      collectionMethod: method(o.evidence, o.channel, o.source),
      consentReceiptID: o.id,
      language: 'en',
      piiPrincipalId: input.customerId,
      piiControllers: [
        { piiController: c.name, onBehalf: false, contact: c.email, email: c.email, piiControllerUrl: c.policyUrl },
      ],
      policyUrl: c.policyUrl,
      services: [
        {
          service: 'Customer support',
          purposes: [
            {
              purpose: o.allows,
              purposeCategory: [o.purpose],
              consentType: o.consentType,
              piiCategory: [...o.categories],
              primaryPurpose: true,
              termination: `Change or withdraw at any time: ${input.withdrawAt}`,
              thirdPartyDisclosure: discloses,
              ...(discloses ? { thirdPartyName: input.recipients.join('; ') } : {}),
            },
          ],
        },
      ],
      sensitive: spiCat.length > 0,
      spiCat,
      candor: { change: o.change, consentId: o.consentId, at: o.at, recordedAt: o.recordedAt },
    };
  };

  const granted = new Map<string, NonNullable<ConsentHistoryEntry['consent']>>();
  const fromHistory = input.history.map((h) => {
    if (h.consent) granted.set(h.consentId, h.consent);
    const k = h.consent ?? granted.get(h.consentId);
    const change: Change = h.kind === 'withdrawn' ? 'withdrawn' : h.consent?.status === 'denied' ? 'denied' : 'granted';
    return receipt({
      id: `cr-${input.customerId}-c${h.seq}`,
      at: h.at,
      recordedAt: h.recordedAt,
      change,
      consentId: h.consentId,
      evidence: h.evidence,
      channel: h.channel,
      source: h.consent?.source,
      purpose: k?.purpose ?? input.purpose,
      categories: k?.categories ?? [],
      allows: k ? consentAllows(taxonomy, k) : 'Unknown consent',
      consentType: 'EXPLICIT',
    });
  });
  const fromFlags = input.flags.map((e) => {
    const change = e.kind.replace('customer.', '') as Change;
    const channel = typeof e.payload.channel === 'string' ? e.payload.channel : 'api';
    const at = typeof e.payload.at === 'string' ? e.payload.at : e.at;
    const allows =
      change === 'opted_in' ? 'Use your data to personalise support again' : "Don't use my data to personalise support";
    return receipt({
      id: `cr-${input.customerId}-a${e.seq}`,
      at,
      recordedAt: e.at,
      change,
      consentId: null,
      evidence: { by: authorityOfActor(e.actor) },
      channel,
      purpose: input.purpose,
      categories: ['user'],
      allows,
      consentType: change === 'gpc' ? 'GPC' : 'EXPLICIT',
    });
  });
  return [...fromHistory, ...fromFlags].sort(
    (a, b) =>
      a.candor.recordedAt.localeCompare(b.candor.recordedAt) || a.consentReceiptID.localeCompare(b.consentReceiptID),
  );
}
