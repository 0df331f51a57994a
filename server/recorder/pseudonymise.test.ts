import { describe, expect, it } from 'vitest';
import { pseudonymiseSession, type SessionDraft } from './pseudonymise.js';
import { detectExtra, kindOfKey } from './hints.js';

const AT = '2026-11-23T09:00:00.000Z';

function session(over: Partial<SessionDraft> = {}): SessionDraft {
  return {
    format: 'candor.session/v1',
    id: 'rec-20261123-abcdef',
    title: 'Recorded session',
    recordedAt: AT,
    customer: { id: 'customer-abcdef', displayName: 'Dana Kowalski' },
    facts: [
      {
        id: 'f1',
        category: 'user.behavior.purchase_history',
        text: 'Blender Pro 3000, order #104277, delivered 14 Nov 2026',
        value: { order: '104277', product: 'Blender Pro 3000' },
        source: 'orders',
        collectedAt: AT,
      },
      {
        id: 'f2',
        category: 'user.contact.address.street',
        text: '12 Harbour Road, Portlow PL4 8QR',
        value: { street: '12 Harbour Road', postcode: 'PL4 8QR', account: 55512345 },
        source: 'crm',
        collectedAt: AT,
      },
      { id: 'f3', category: 'user.contact.address.city', text: 'Portlow', source: 'crm', collectedAt: AT },
    ],
    consents: [
      {
        id: 'k1',
        purpose: 'essential.service.operations.support',
        categories: ['user.behavior.purchase_history'],
        status: 'granted',
        at: AT,
        expiresAt: null,
        source: 'call with Dana Kowalski',
      },
    ],
    turns: [
      {
        role: 'customer',
        text: 'Hi, this is Dana Kowalski. Order 104277 broke. Call +44 7700 900123 or dana.k@example.org.',
      },
      { role: 'agent', text: 'Sorry Dana, Priya Natarajan here. Still at 12 Harbour Road? I will check Portlow.' },
      { role: 'event', type: 'consent.withdrawn', consentId: 'k1', at: AT },
      { role: 'customer', text: 'Yes, DANA at dana.k@example.org, mobile +44 7700 900123.' },
    ],
    ...over,
  };
}

const run = (s: SessionDraft, seed = s.id) =>
  pseudonymiseSession(s, { seed, names: [s.customer.displayName, 'Priya Natarajan'] });
const texts = (s: SessionDraft) => s.turns.map((t) => ('text' in t ? t.text : ''));

describe('pseudonymising a recorded session', () => {
  it('when real values recur, then each gets one fake of its kind throughout the file', () => {
    const out = run(session());
    const [first, last] = out.customer.displayName.split(' ');
    expect(out.customer.displayName).not.toBe('Dana Kowalski');
    const [hello, reply, , again] = texts(out);
    expect(hello).toMatch(
      new RegExp(
        `^Hi, this is ${first} ${last}\\. Order (\\d{6}) broke\\. Call \\+44 20 7946 \\d{4} or user1@example\\.com\\.$`,
      ),
    );
    const order = /Order (\d{6})/.exec(hello!)![1]!;
    expect(order).not.toBe('104277');
    expect(out.facts[0]!.text).toBe(`Blender Pro 3000, order #${order}, delivered 14 Nov 2026`);
    expect(out.facts[0]!.value).toEqual({ order, product: 'Blender Pro 3000' });
    const phone = /\+44 20 7946 \d{4}/.exec(hello!)![0];
    expect(again).toBe(`Yes, ${first!.toUpperCase()} at user1@example.com, mobile ${phone}.`);
    expect(out.consents[0]!.source).toBe(`call with ${first} ${last}`);

    const street = out.facts[1]!.value!.street as string;
    expect(street).toMatch(/^\d+ Sample Street$/);
    const town = out.facts[2]!.text;
    expect(reply).toMatch(
      new RegExp(`^Sorry ${first}, \\p{L}+ \\p{L}+ here\\. Still at ${street}\\? I will check ${town}\\.$`, 'u'),
    );
    expect(out.facts[1]!.text).toBe(`${street}, ${town} ${out.facts[1]!.value!.postcode}`);
    expect(out.facts[1]!.value!.postcode).toMatch(/^[A-Z]{2}\d [A-Z\d]{3}$/);
    expect(out.facts[1]!.value!.account).not.toBe(55512345);
    expect(typeof out.facts[1]!.value!.account).toBe('number');
  });

  it('when the file is pseudonymised, then ids, keys, purposes, times and events stay as they are', () => {
    const before = session();
    const out = run(before);
    expect(out.id).toBe(before.id);
    expect(out.customer.id).toBe(before.customer.id);
    expect(out.facts.map(({ id, category, collectedAt }) => ({ id, category, collectedAt }))).toEqual(
      before.facts.map(({ id, category, collectedAt }) => ({ id, category, collectedAt })),
    );
    expect(out.consents.map(({ source: _s, ...k }) => k)).toEqual(before.consents.map(({ source: _s, ...k }) => k));
    expect(out.turns[2]).toEqual(before.turns[2]);
  });

  it('when a person in the session bears a name the fakes use, then no fake is that name', () => {
    // Every fake first and last name, as real people: the fakes must find others.
    const pool =
      'Alex Morgan Jordan Reed Casey Lane Robin Hayes Jamie Brooks Riley Ellis Quinn Foster Avery Grant'.split(' ');
    for (let seed = 0; seed < 20; seed++) {
      const people = [0, 2, 4, 6, 8, 10, 12, 14].map((i) => `${pool[i]} ${pool[i + 1]}`);
      const s = session({
        customer: { id: 'c', displayName: people[0]! },
        turns: people.map((p) => ({ role: 'customer', text: `Hi, my name is ${p}.` })),
      });
      const out = JSON.stringify(pseudonymiseSession(s, { seed: `s${seed}`, names: [people[0]!] })).toLowerCase();
      for (const name of pool) expect(out, `seed ${seed}`).not.toMatch(new RegExp(`\\b${name.toLowerCase()}\\b`));
    }
  });

  it('when the same session is pseudonymised again, then it gets the same fakes; another session gets others', () => {
    expect(run(session())).toEqual(run(session()));
    expect(run(session()).customer.displayName).not.toBe(run(session(), 'rec-20261123-123456').customer.displayName);
  });

  it('when a model exchange is kept, then its masked text is pseudonymised like the rest', () => {
    const llm = [
      {
        at: AT,
        model: 'm',
        templates: [],
        messages: [{ role: 'user' as const, content: 'Customer <PERSON_1> asks about order #104277 at <EMAIL_1>.' }],
        factIds: ['f1'],
        consentIds: ['k1'],
      },
    ];
    const out = run(session({ llm }));
    const order = /order #(\d{6})/.exec(out.facts[0]!.text)![1];
    expect(out.llm![0]!.messages[0]!.content).toBe(`Customer <PERSON_1> asks about order #${order} at <EMAIL_1>.`);
  });
});

describe('what the recorder detects beyond the masking detectors', () => {
  const found = (text: string) => detectExtra(text).map((s) => [s.kind, text.slice(s.start, s.end)]);

  it('when an order, account or reference number is cued, then it is an ID; a bare UK postcode is a POSTCODE', () => {
    expect(found('my order #1042 and account number: 55512345, ref AB-123456')).toEqual([
      ['ID', '1042'],
      ['ID', '55512345'],
      ['ID', 'AB-123456'],
    ]);
    expect(found('invoice is INV-20931 sent to LS6 2AB')).toEqual([
      ['ID', 'INV-20931'],
      ['POSTCODE', 'LS6 2AB'],
    ]);
  });

  it('when the words after a cue carry too few digits, then nothing is found', () => {
    expect(found('the order is late, 3 items, account settings, reference 12')).toEqual([]);
  });

  it('when a value key names a kind, then the value is taken as that kind', () => {
    expect(
      [
        'orderNumber',
        'order_no',
        'customer_id',
        'email',
        'mobilePhone',
        'postcode',
        'city',
        'ipAddress',
        'lastName',
        'street',
        'product',
        'preference',
        'customer',
      ].map(kindOfKey),
    ).toEqual([
      'ID',
      'ID',
      'ID',
      'EMAIL',
      'PHONE',
      'POSTCODE',
      'PLACE',
      'IP',
      'PERSON',
      'ADDRESS',
      undefined,
      undefined,
      undefined,
    ]);
  });
});
