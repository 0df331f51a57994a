/**
 * The demo: six fictional customers of a kitchen-and-home web shop and the helpdesk tickets they
 * wrote. Their consents are chosen so that every withheld reason appears for someone:
 *
 * - Dana   — purchase history for support; street address has no consent, phone consent expired,
 *            card has no consent.
 * - Ben    — a broad `user` consent, which does not reach his dietary note or his card
 *            (needs explicit consent).
 * - Chiara — an explicit health consent, so her nut allergy is shown; her password never is.
 * - Emil   — support consent granted then withdrawn; a newsletter consent (wrong purpose).
 * - Fatima — consents for support, but she opted out of all personalisation.
 * - Jonas  — writes in German: his order and contact details for support, so his replies cite them in German.
 *
 * Names, addresses and phone numbers are invented (phone numbers from ranges reserved for fiction).
 */
import { z } from 'zod';
import type { ConsentRecord } from '../consent/ledger.js';
import type { Consent, Customer, Fact } from '../protocol/domain.js';
import { Timestamp } from '../protocol/domain.js';

export interface DemoCustomer {
  customer: Customer;
  facts: Fact[];
  /** Ledger records, oldest first, appended in this order. */
  consents: ConsentRecord[];
  /** Opt-out or Global Privacy Control signals, recorded in this order. */
  flags?: { kind: 'opted_out' | 'gpc'; at: string }[];
}

const SUPPORT = 'essential.service.operations.support';

function fact(
  id: string,
  category: string,
  text: string,
  source: string,
  collectedAt: string,
  value: Fact['value'] = null,
): Fact {
  return { id, category, text, value, source, collectedAt };
}

function grant(
  id: string,
  purpose: string,
  categories: string[],
  at: string,
  source: string,
  expiresAt: string | null = null,
): ConsentRecord {
  const consent: Consent = { id, purpose, categories, status: 'granted', at, expiresAt, source };
  return { kind: 'granted', consent };
}

const order = (orderNo: string, product: string, deliveredAt: string) => ({ order: orderNo, product, deliveredAt });

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  {
    customer: { id: 'c_dana', displayName: 'Dana Kowalski', email: 'dana.kowalski@example.org' },
    facts: [
      fact(
        'f_dana_1042',
        'user.behavior.purchase_history',
        'Blender Pro 3000, order #1042, delivered 12 Nov 2026',
        'orders',
        '2026-11-12T15:30:00Z',
        order('1042', 'Blender Pro 3000', '2026-11-12'),
      ),
      fact(
        'f_dana_0987',
        'user.behavior.purchase_history',
        'Stand Mixer KM-20, order #0987, delivered 3 Jun 2026',
        'orders',
        '2026-06-03T11:10:00Z',
        order('0987', 'Stand Mixer KM-20', '2026-06-03'),
      ),
      fact(
        'f_dana_street',
        'user.contact.address.street',
        '12 Harbour Road, Portlow PL4 7QT',
        'crm',
        '2026-01-05T10:00:00Z',
        { street: '12 Harbour Road', town: 'Portlow', postcode: 'PL4 7QT' },
      ),
      fact('f_dana_phone', 'user.contact.phone_number', '+44 20 7946 0321', 'crm', '2026-01-05T10:00:00Z'),
      fact('f_dana_card', 'user.financial.credit_card', 'Visa card ending 4821', 'payments', '2026-03-01T09:12:00Z', {
        brand: 'Visa',
        last4: '4821',
      }),
    ],
    consents: [
      grant('k_dana_orders', SUPPORT, ['user.behavior.purchase_history'], '2026-03-01T09:15:00Z', 'checkout'),
      grant(
        'k_dana_phone',
        SUPPORT,
        ['user.contact.phone_number'],
        '2026-01-10T14:00:00Z',
        'phone call',
        '2026-07-10T14:00:00Z',
      ),
    ],
  },
  {
    customer: { id: 'c_ben', displayName: 'Ben Okafor', email: 'ben.okafor@example.com' },
    facts: [
      fact(
        'f_ben_2210',
        'user.behavior.purchase_history',
        'Seeded sourdough loaf (weekly subscription), order #2210, delivered 18 Nov 2026',
        'orders',
        '2026-11-18T07:40:00Z',
        order('2210', 'Seeded sourdough loaf', '2026-11-18'),
      ),
      fact(
        'f_ben_diet',
        'user.health_and_medical',
        'Coeliac disease — must avoid gluten',
        'dietary profile',
        '2026-02-14T19:02:00Z',
      ),
      fact('f_ben_street', 'user.contact.address.street', '7 Mill Lane, Ashby AB1 2CD', 'crm', '2026-02-14T19:00:00Z', {
        street: '7 Mill Lane',
        town: 'Ashby',
        postcode: 'AB1 2CD',
      }),
      fact('f_ben_phone', 'user.contact.phone_number', '+44 161 496 0754', 'crm', '2026-02-14T19:00:00Z'),
      fact('f_ben_card', 'user.financial.credit_card', 'Mastercard ending 0457', 'payments', '2026-02-14T19:05:00Z', {
        brand: 'Mastercard',
        last4: '0457',
      }),
    ],
    consents: [grant('k_ben_all', SUPPORT, ['user'], '2026-02-14T19:06:00Z', 'account settings')],
  },
  {
    customer: { id: 'c_chiara', displayName: 'Chiara Rossi', email: 'chiara.rossi@example.org' },
    facts: [
      fact(
        'f_chiara_3307',
        'user.behavior.purchase_history',
        'Almond & Honey Granola 500 g, order #3307, delivered 16 Nov 2026',
        'orders',
        '2026-11-16T12:20:00Z',
        order('3307', 'Almond & Honey Granola 500 g', '2026-11-16'),
      ),
      fact(
        'f_chiara_3290',
        'user.behavior.purchase_history',
        'Oat & Berry Granola 500 g (nut-free), order #3290, delivered 2 Oct 2026',
        'orders',
        '2026-10-02T09:45:00Z',
        order('3290', 'Oat & Berry Granola 500 g', '2026-10-02'),
      ),
      fact(
        'f_chiara_allergy',
        'user.health_and_medical',
        'allergic to tree nuts (almonds, hazelnuts)',
        'allergy profile',
        '2026-05-20T08:30:00Z',
      ),
      fact(
        'f_chiara_lang',
        'user.demographic.language',
        'prefers written replies in Italian',
        'crm',
        '2026-04-02T16:00:00Z',
        { language: 'it' },
      ),
      fact('f_chiara_email', 'user.contact.email', 'chiara.rossi@example.org', 'crm', '2026-04-02T16:00:00Z'),
      fact(
        'f_chiara_password',
        'user.authorization.password',
        'Password last changed on 2 Oct 2026',
        'auth',
        '2026-10-02T09:40:00Z',
      ),
    ],
    consents: [
      grant(
        'k_chiara_support',
        SUPPORT,
        ['user.behavior.purchase_history', 'user.demographic.language', 'user.contact'],
        '2026-04-02T16:05:00Z',
        'privacy portal',
      ),
      grant('k_chiara_health', SUPPORT, ['user.health_and_medical'], '2026-05-20T08:31:00Z', 'allergy profile form'),
    ],
  },
  {
    customer: { id: 'c_emil', displayName: 'Emil Lindqvist', email: 'emil.lindqvist@example.com' },
    facts: [
      fact(
        'f_emil_4120',
        'user.behavior.purchase_history',
        'NC-700 noise-cancelling headphones, order #4120, shipped 5 Nov 2026, returned to sender',
        'orders',
        '2026-11-10T13:00:00Z',
        order('4120', 'NC-700 noise-cancelling headphones', '2026-11-05'),
      ),
      fact(
        'f_emil_street',
        'user.contact.address.street',
        'Storgatan 14, 411 38 Göteborg',
        'crm',
        '2026-02-01T10:00:00Z',
        { street: 'Storgatan 14', town: 'Göteborg', postcode: '411 38' },
      ),
      fact('f_emil_email', 'user.contact.email', 'emil.lindqvist@example.com', 'crm', '2026-02-01T10:00:00Z'),
      fact('f_emil_phone', 'user.contact.phone_number', '+46 70 174 06 42', 'crm', '2026-02-01T10:00:00Z'),
    ],
    consents: [
      grant(
        'k_emil_support',
        SUPPORT,
        ['user.behavior.purchase_history', 'user.contact.address'],
        '2026-02-01T10:05:00Z',
        'checkout',
      ),
      grant(
        'k_emil_news',
        'marketing.communications',
        ['user.contact.email', 'user.behavior.purchase_history'],
        '2026-02-01T10:06:00Z',
        'newsletter sign-up',
      ),
      { kind: 'withdrawn', consentId: 'k_emil_support', at: '2026-10-15T20:41:00Z' },
    ],
  },
  {
    customer: { id: 'c_fatima', displayName: 'Fatima Haddad', email: 'fatima.haddad@example.org' },
    facts: [
      fact(
        'f_fatima_5013',
        'user.behavior.purchase_history',
        'Barista One espresso machine, order #5013, delivered 28 Oct 2026',
        'orders',
        '2026-10-28T10:15:00Z',
        order('5013', 'Barista One espresso machine', '2026-10-28'),
      ),
      fact(
        'f_fatima_street',
        'user.contact.address.street',
        '3 Rue des Lilas, 69003 Lyon',
        'crm',
        '2026-01-20T09:00:00Z',
        { street: '3 Rue des Lilas', town: 'Lyon', postcode: '69003' },
      ),
      fact('f_fatima_phone', 'user.contact.phone_number', '+33 1 99 00 27 18', 'crm', '2026-01-20T09:00:00Z'),
      fact('f_fatima_lang', 'user.demographic.language', 'prefers replies in French', 'crm', '2026-01-20T09:00:00Z', {
        language: 'fr',
      }),
    ],
    consents: [
      grant(
        'k_fatima_support',
        SUPPORT,
        ['user.behavior.purchase_history', 'user.contact', 'user.demographic.language'],
        '2026-01-20T09:02:00Z',
        'checkout',
      ),
    ],
    flags: [{ kind: 'opted_out', at: '2026-09-12T18:00:00Z' }],
  },
  {
    customer: { id: 'c_jonas', displayName: 'Jonas Weber', email: 'jonas.weber@example.de' },
    facts: [
      fact(
        'f_jonas_4410',
        'user.behavior.purchase_history',
        'Kaffeemühle Halcyon, Bestellung #4410, geliefert am 3. November 2026',
        'orders',
        '2026-11-03T09:30:00Z',
        order('4410', 'Kaffeemühle Halcyon', '2026-11-03'),
      ),
      fact('f_jonas_email', 'user.contact.email', 'jonas.weber@example.de', 'crm', '2026-03-01T09:00:00Z'),
    ],
    consents: [
      grant(
        'k_jonas_support',
        SUPPORT,
        ['user.behavior.purchase_history', 'user.contact'],
        '2026-03-01T09:02:00Z',
        'checkout',
      ),
    ],
  },
];

const DemoMessage = z.strictObject({
  role: z.enum(['customer', 'agent']),
  text: z.string().min(1).max(20_000),
  at: Timestamp,
});

/** A ticket of the fake helpdesk: its own data, not Candor's. */
export const DemoTicket = z.strictObject({
  id: z.string().regex(/^T-\d+$/),
  subject: z.string().min(1).max(200),
  requesterName: z.string().min(1).max(200),
  requesterEmail: z.email(),
  status: z.enum(['open', 'pending', 'solved']),
  messages: z.array(DemoMessage).min(1),
});
export type DemoTicket = z.infer<typeof DemoTicket>;

// Parsed at load so a typo in the demo fails at start, not in front of someone trying the product.
export const DEMO_TICKETS: readonly DemoTicket[] = z.array(DemoTicket).parse([
  {
    id: 'T-1001',
    subject: 'Blender stopped working after a week',
    requesterName: 'Dana Kowalski',
    requesterEmail: 'dana.kowalski@example.org',
    status: 'open',
    messages: [
      {
        role: 'customer',
        text:
          'Hi, the blender I ordered last week stopped working this morning. The ' +
          "motor hums but the blades don't turn. Can you help?",
        at: '2026-11-19T08:42:00Z',
      },
      { role: 'agent', text: 'Sorry to hear that, Dana! Let me take a look.', at: '2026-11-19T09:05:00Z' },
      {
        role: 'customer',
        text: 'Thanks. If you send a replacement, can it go to my home address?',
        at: '2026-11-19T09:12:00Z',
      },
    ],
  },
  {
    id: 'T-1002',
    subject: 'Is this bread safe for me?',
    requesterName: 'Ben Okafor',
    requesterEmail: 'ben.okafor@example.com',
    status: 'open',
    messages: [
      {
        role: 'customer',
        text:
          'Hello, my weekly sourdough arrived today with a new label and a ' +
          'different recipe. Is this bread safe for me? I have to be careful ' +
          'with what I eat.',
        at: '2026-11-18T16:20:00Z',
      },
    ],
  },
  {
    id: 'T-1003',
    subject: 'Almonds in my granola?',
    requesterName: 'Chiara Rossi',
    requesterEmail: 'chiara.rossi@example.org',
    status: 'open',
    messages: [
      {
        role: 'customer',
        text:
          'Hi, I opened the granola from my last order and the label says ' +
          "almonds. I'm allergic! Did I get the wrong product?",
        at: '2026-11-17T10:03:00Z',
      },
    ],
  },
  {
    id: 'T-1004',
    subject: 'Parcel returned to sender, please re-send',
    requesterName: 'Emil Lindqvist',
    requesterEmail: 'emil.lindqvist@example.com',
    status: 'open',
    messages: [
      {
        role: 'customer',
        text:
          'My parcel with the headphones went back to your warehouse. The ' +
          'courier says the label was damaged. Can you re-send it to my address?',
        at: '2026-11-18T11:15:00Z',
      },
      {
        role: 'agent',
        text: "Thanks Emil, I'll check what happened with the parcel and get back to you.",
        at: '2026-11-18T12:00:00Z',
      },
      { role: 'customer', text: "Great, I'm home all week, so any day works.", at: '2026-11-18T12:40:00Z' },
    ],
  },
  {
    id: 'T-1005',
    subject: 'Espresso machine leaking',
    requesterName: 'Fatima Haddad',
    requesterEmail: 'fatima.haddad@example.org',
    status: 'open',
    messages: [
      {
        role: 'customer',
        text: 'Good morning, my espresso machine leaks water from the bottom after every coffee. What should I do?',
        at: '2026-11-19T07:55:00Z',
      },
    ],
  },
  {
    id: 'T-1007',
    subject: 'Sending the stand mixer back',
    requesterName: 'Dana Kowalski',
    requesterEmail: 'dana.kowalski@example.org',
    status: 'open',
    messages: [
      {
        role: 'customer',
        text:
          "Hello, I'd like to return the stand mixer I ordered: it doesn't fit under my kitchen cupboards. " +
          'How do I send it back?',
        at: '2026-11-16T10:20:00Z',
      },
    ],
  },
  {
    // A privacy request in German, as they arrive: the panel's card shows it with its due date.
    id: 'T-1008',
    subject: 'Löschung meiner Daten',
    requesterName: 'Emil Lindqvist',
    requesterEmail: 'emil.lindqvist@example.com',
    status: 'open',
    messages: [
      {
        role: 'customer',
        text:
          'Guten Tag, ich ziehe nach Berlin um und brauche mein Kundenkonto nicht mehr. ' +
          'Bitte löschen Sie alle meine Daten, die Sie über mich gespeichert haben. Vielen Dank, Emil',
        at: '2026-11-18T15:10:00Z',
      },
    ],
  },
  {
    // A German ticket that uses the customer's data: German suggestions, German footnotes.
    id: 'T-1009',
    subject: 'Kaffeemühle mahlt nicht mehr',
    requesterName: 'Jonas Weber',
    requesterEmail: 'jonas.weber@example.de',
    status: 'open',
    messages: [
      {
        role: 'customer',
        text:
          'Guten Tag, meine Kaffeemühle Halcyon aus Bestellung 4410 mahlt seit gestern nicht mehr, ' +
          'obwohl der Motor läuft. Können Sie mir helfen? Viele Grüße, Jonas Weber',
        at: '2026-11-19T16:40:00Z',
      },
    ],
  },
  {
    id: 'T-1006',
    subject: 'Reply in Italian, please',
    requesterName: 'Chiara Rossi',
    requesterEmail: 'chiara.rossi@example.org',
    status: 'pending',
    messages: [
      {
        role: 'customer',
        text:
          'Buongiorno! Could your next answer be in Italian, please? My English ' +
          'is not so good for the technical words.',
        at: '2026-11-19T14:30:00Z',
      },
    ],
  },
]);
