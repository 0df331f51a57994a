/**
 * A seeded synthetic support-chat corpus with planted PII and exact labels, for bench/mask.ts.
 *
 * Conversations alternate customer and agent turns in several countries' formats. Every planted
 * value is labelled with its exact span; everything else in a turn is, by construction, not PII —
 * including the hard negatives (Luhn-invalid 16-digit order references, tracking numbers, version
 * strings, prices, unlabelled dates, invalid IBANs, 9-digit order numbers, months and products
 * that look like names). The same seed always gives the same corpus.
 */
import type { Entity, EntityType } from '../server/masking/types.js';
import {
  type Country,
  card,
  date,
  digits,
  int,
  iban,
  ipv4,
  ipv6,
  luhnInvalid16,
  nino,
  phone,
  pick,
  ssnParts,
} from './corpus-values.js';
import { type Rng, seeded } from '../harness/seeded.js';
import { type Person, address, email, fullName, person, postcode } from './corpus-people.js';

export interface LabelledTurn {
  id: string;
  conversation: string;
  role: 'customer' | 'agent';
  text: string;
  entities: Entity[];
  /** The names a ticket carries (customer and agent), as the masker would be told. */
  known: { names: string[] };
}

export type Piece = string | { type: EntityType; value: string };
export const pii = (type: EntityType, value: string): Piece => ({ type, value });

/** Tagged template: `t\`Hi ${pii('PERSON', 'Ana')}\`` builds the text and its labels together. */
function t(strings: TemplateStringsArray, ...values: Piece[]): Piece[] {
  const out: Piece[] = [];
  strings.forEach((s, i) => {
    out.push(s);
    if (i < values.length) out.push(values[i]!);
  });
  return out;
}

export function assemble(pieces: Piece[]): { text: string; entities: Entity[] } {
  let text = '';
  const entities: Entity[] = [];
  for (const p of pieces) {
    if (typeof p === 'string') text += p;
    else {
      entities.push({ type: p.type, start: text.length, end: text.length + p.value.length });
      text += p.value;
    }
  }
  return { text, entities };
}

interface Conv {
  r: Rng;
  country: Country;
  cust: Person;
  agent: Person;
  email: string;
  phone: string;
  address: string;
}

const PRODUCTS = [
  'Blender Pro 3000',
  'Dyson V11',
  'Ninja Foodi',
  'Apple Watch',
  'Samsung Galaxy S23',
  'Kettle Max',
  'Nespresso Vertuo',
  'Philips Hue starter kit',
  'Air Jordan 1 trainers',
  'Bosch Serie 4 dishwasher',
  'Kindle Paperwhite',
  'Sonos One',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_WORDS = ['May', 'June', 'March', 'August', 'April'];

// ---------- hard negatives: look like PII, are not ----------
const order9 = (r: Rng) => `${int(r, 1, 9)}${digits(r, 8)}`;
const tracking = (r: Rng) =>
  pick(r, [
    () => `1Z${digits(r, 3)}${pick(r, ['AA', 'E2', 'X4'])}${digits(r, 11)}`,
    () => `${pick(r, ['AB', 'JD', 'RM', 'TT'])}${digits(r, 9)}GB`,
    () => `9400 ${digits(r, 4)} ${digits(r, 4)} ${digits(r, 4)} ${digits(r, 4)} ${digits(r, 2)}`,
    () => `${digits(r, 4)} ${digits(r, 4)} ${digits(r, 4)}`,
    () => `TBA${digits(r, 12)}`,
    () => `${int(r, 1, 9)}${digits(r, 9)}`,
  ])();
const version = (r: Rng) =>
  pick(r, [
    () => `v${int(r, 1, 9)}.${int(r, 0, 20)}.${int(r, 0, 30)}`,
    () => `v${int(r, 1, 9)}.${int(r, 0, 9)}.${int(r, 0, 9)}.${int(r, 0, 99)}`,
    () => `version ${int(r, 1, 12)}.${int(r, 0, 9)}.${int(r, 0, 9)}.${int(r, 0, 250)}`,
    () => `build 10.0.${int(r, 19041, 22631)}.${int(r, 1, 3999)}`,
    () => `firmware ${int(r, 1, 5)}.${int(r, 0, 9)}.${int(r, 0, 9)}`,
  ])();
const price = (r: Rng) =>
  pick(r, [
    `£${int(r, 5, 1999)}.${digits(r, 2)}`,
    `$${int(r, 5, 999)}.99`,
    `€${int(r, 5, 899)},${digits(r, 2)}`,
    `£1,${digits(r, 3)}.00`,
  ]);
const unlabelledDate = (r: Rng) => date(r, 2023, 2026, r() < 0.3);
const partNumber = (r: Rng) =>
  pick(r, [
    `${int(r, 900, 999)}-${digits(r, 2)}-${digits(r, 4)}`,
    `000-${digits(r, 2)}-${digits(r, 4)}`,
    `${digits(r, 3)}-00-${digits(r, 4)}`,
  ]);
const orderRef16 = (r: Rng) => luhnInvalid16(r, pick(r, [' ', '-', '']));

function ssn(r: Rng): string {
  const [a, g, s] = ssnParts(r);
  return r() < 0.75 ? `${a}-${g}-${s}` : `${a} ${g} ${s}`;
}
const dob = (c: Conv) => date(c.r, 1940, 2006, c.country === 'US');
const addressOf = (c: Conv, a: string) => (c.r() < 0.05 ? a.toLowerCase() : a);

type Template = (c: Conv) => Piece[];
/** UK customers give a NINO, US customers an SSN; customers elsewhere (expats) either. */
const ukId = (c: Conv) => c.country === 'UK' || (c.country !== 'US' && c.r() < 0.5);

const CUSTOMER_OPENERS: Template[] = [
  (c) => [
    ...t`Hi, my name is ${pii('PERSON', fullName(c.cust))} and I'm `,
    ...t`writing about order ${order9(c.r)}. It still hasn't arrived.`,
  ],
  (c) =>
    t`Hello, this is ${pii('PERSON', fullName(c.cust))}. My ${pick(c.r, PRODUCTS)} stopped working after two weeks.`,
  (c) => t`Hi there, I ordered a ${pick(c.r, PRODUCTS)} on ${unlabelledDate(c.r)} and it arrived damaged.`,
  (c) => t`hi, my name is ${pii('PERSON', c.cust.first)}, I can't log into my account`,
  (c) => t`Good morning, ${pii('PERSON', fullName(c.cust))} here. I was charged twice for order ${order9(c.r)}.`,
  (c) => t`Hello, I need help with a refund please. Order ref ${orderRef16(c.r)}.`,
  (c) => [
    ...t`Hi, I'm ${pii('PERSON', c.cust.first)}. The ${pick(c.r, PRODUCTS)} `,
    ...t`I bought in ${pick(c.r, MONTH_WORDS)} makes a grinding noise.`,
  ],
];

const AGENT_OPENERS: Template[] = [
  (c) => [
    ...t`Hi ${pii('PERSON', c.cust.first)}, thanks for getting in touch! I'm `,
    ...t`${pii('PERSON', c.agent.first)} and I'll be looking after you today.`,
  ],
  (c) => [
    ...t`Hello ${pii('PERSON', c.cust.first)}, my name is `,
    ...t`${pii('PERSON', c.agent.first)} from the support team. Sorry to hear about that.`,
  ],
  (c) => t`Hi ${pii('PERSON', c.cust.first)}, this is ${pii('PERSON', c.agent.first)}. Let me pull up your order.`,
  (c) =>
    t`Good morning ${pick(c.r, ['Mr', 'Ms', 'Mrs', 'Dr'])} ${pii('PERSON', c.cust.last)}, thanks for contacting us.`,
  (c) => t`Thanks for waiting, ${pii('PERSON', c.cust.first)}. I can see order ${order9(c.r)} here.`,
];

/** Customer turns that carry PII, by type; weights below keep every type well represented. */
const CUSTOMER_PII: Record<string, Template[]> = {
  email: [
    (c) => t`My email is ${pii('EMAIL', c.email)}.`,
    (c) => t`The account is under ${pii('EMAIL', c.email)}, not my work one.`,
    (c) => t`you can email me at ${pii('EMAIL', c.email)}`,
    (c) => t`${pii('EMAIL', c.email)}`,
    (c) => t`it's ${pii('EMAIL', c.email)} - I already checked the spam folder`,
  ],
  phone: [
    (c) => t`Can you call me back on ${pii('PHONE', c.phone)}? I'm free after 5pm.`,
    (c) => t`My number is ${pii('PHONE', c.phone)}`,
    (c) => t`Best number to reach me: ${pii('PHONE', c.phone)}`,
    (c) => t`mobile ${pii('PHONE', c.phone)}`,
    (c) => t`Please ring me on ${pii('PHONE', c.phone)} or my landline ${pii('PHONE', phone(c.r, c.country))}.`,
    (c) => t`text me at ${pii('PHONE', c.phone)} when the courier is close`,
    (c) => t`I'm on ${pii('PHONE', c.phone)} until 6.`,
  ],
  card: [
    (c) => t`I paid with my card ${pii('CARD', card(c.r))}, can you check the charge?`,
    (c) => t`The card number is ${pii('CARD', card(c.r))} exp 09/27`,
    (c) => t`I was charged on ${pii('CARD', card(c.r))} twice`,
    (c) => t`card: ${pii('CARD', card(c.r))}`,
    (c) => t`Can you take the payment from ${pii('CARD', card(c.r))} instead of the old one?`,
  ],
  iban: [
    (c) => t`Please refund to my bank account, IBAN ${pii('IBAN', iban(c.r))}.`,
    (c) => t`My IBAN is ${pii('IBAN', iban(c.r))}`,
    (c) => t`IBAN: ${pii('IBAN', iban(c.r))}, account name ${pii('PERSON', fullName(c.cust))}`,
    (c) => t`the refund should go to ${pii('IBAN', iban(c.r))} please`,
  ],
  id: [
    (c) =>
      ukId(c) ? t`My National Insurance number is ${pii('NINO', nino(c.r))}.` : t`My SSN is ${pii('SSN', ssn(c.r))}`,
    (c) =>
      ukId(c)
        ? t`NI number: ${pii('NINO', nino(c.r))}`
        : t`For the tax form, social security number ${pii('SSN', ssn(c.r))}.`,
    (c) => (ukId(c) ? t`NINO ${pii('NINO', nino(c.r))}` : t`SSN ${pii('SSN', ssnParts(c.r).join(''))}`),
    (c) =>
      ukId(c)
        ? t`here's my national insurance no ${pii('NINO', nino(c.r))} for the form`
        : t`ssn: ${pii('SSN', ssn(c.r))}`,
  ],
  ip: [
    (c) => t`It says my IP ${pii('IP', ipv4(c.r))} has been blocked.`,
    (c) => t`I'm connecting from ${pii('IP', ipv4(c.r))} if that helps`,
    (c) => t`The router shows ${pii('IP', ipv6(c.r))} as the address`,
    (c) => t`the log says login from ${pii('IP', ipv4(c.r))} at 03:12, that wasn't me`,
    (c) => t`my IPv6 is ${pii('IP', ipv6(c.r))} and IPv4 ${pii('IP', ipv4(c.r))}`,
  ],
  dob: [
    (c) => t`My date of birth is ${pii('DOB', dob(c))}.`,
    (c) => t`DOB: ${pii('DOB', dob(c))}`,
    (c) => t`I was born on ${pii('DOB', dob(c))}, if that helps verify.`,
    (c) => t`date of birth ${pii('DOB', dob(c))}`,
    (c) => t`my birthday is ${pii('DOB', dob(c))}`,
    (c) => t`D.O.B. ${pii('DOB', dob(c))}`,
  ],
  address: [
    (c) => t`Please send the replacement to ${pii('ADDRESS', addressOf(c, c.address))}.`,
    (c) => t`My address is ${pii('ADDRESS', addressOf(c, c.address))}`,
    (c) => t`I've moved, the new address is ${pii('ADDRESS', addressOf(c, address(c.r, c.country)))}.`,
    (c) => t`Deliver to: ${pii('ADDRESS', addressOf(c, c.address))}`,
    (c) => t`It should have gone to ${pii('ADDRESS', addressOf(c, c.address))} but went next door.`,
    (c) => [
      ...t`${c.country === 'US' ? 'zip code is' : 'postcode is'} `,
      ...t`${pii('ADDRESS', postcode(c.r, c.country === 'US' ? 'US' : 'UK'))}`,
    ],
  ],
  third: [
    (c) => t`My partner ${pii('PERSON', fullName(person(c.r)))} placed the order on his account.`,
    (c) => [
      ...t`${pick(c.r, ['Mr', 'Mrs', 'Ms'])} ${pii('PERSON', person(c.r).last)} `,
      ...t`in your returns department said it was fine.`,
    ],
    (c) => t`Dr ${pii('PERSON', fullName(person(c.r)))} recommended this model to me.`,
    (c) => t`${pii('PERSON', fullName(person(c.r)))} from your billing team promised a refund last week.`,
    (c) => t`Can you send it to my colleague, ${pii('PERSON', fullName(person(c.r)))}?`,
    (c) => t`The parcel was signed for by ${pii('PERSON', fullName(person(c.r)))}, who I don't know.`,
    (c) => t`my daughter ${pii('PERSON', person(c.r).first)} will be home to take the delivery`,
  ],
  form: [
    (c) =>
      t`Name: ${pii('PERSON', fullName(c.cust))}\nEmail: ${pii('EMAIL', c.email)}\nPhone: ${pii('PHONE', c.phone)}`,
    (c) => t`I'm ${pii('PERSON', fullName(c.cust))}, DOB ${pii('DOB', dob(c))}, address ${pii('ADDRESS', c.address)}.`,
  ],
};

const CUSTOMER_NEGATIVE: Template[] = [
  (c) => t`The order number is ${order9(c.r)}.`,
  (c) => t`Order ref ${orderRef16(c.r)}`,
  (c) => t`Tracking says ${tracking(c.r)} but nothing has moved since ${unlabelledDate(c.r)}.`,
  (c) => t`I'm on the latest app, ${version(c.r)}, and it still crashes.`,
  (c) => t`It cost ${price(c.r)} and I want a full refund.`,
  (c) => t`It was delivered on ${unlabelledDate(c.r)} at 10:30 but the box was empty.`,
  (c) => t`I paid by bank transfer to ${iban(c.r, false)} as the invoice said, was that wrong?`,
  (c) => t`The part number on the box is ${partNumber(c.r)}.`,
  (c) => t`Will it arrive before ${pick(c.r, WEEKDAYS)}?`,
  (c) => t`It was supposed to come in ${pick(c.r, MONTH_WORDS)}. I bought the ${pick(c.r, PRODUCTS)} for my mum.`,
  () => t`Thanks, that's great!`,
  () => t`Still waiting... it's been 3 weeks.`,
  (c) => t`Is the ${pick(c.r, PRODUCTS)} covered for 2 years? I paid ${price(c.r)}.`,
  (c) => [
    ...t`Reference ${orderRef16(c.r)}, invoice `,
    ...t`INV-${String(int(c.r, 2023, 2026))}-${digits(c.r, 6)}, order ${order9(c.r)}.`,
  ],
];

const AGENT_MIDDLE: Template[] = [
  (c) => [
    ...t`Thanks ${pii('PERSON', c.cust.first)}. I can see order ${order9(c.r)} `,
    ...t`was dispatched on ${unlabelledDate(c.r)} with tracking ${tracking(c.r)}.`,
  ],
  () => t`Could you confirm the email address on the account?`,
  (c) => t`I have ${pii('EMAIL', c.email)} on file - is that still right?`,
  (c) => t`I've updated the delivery address to ${pii('ADDRESS', c.address)}.`,
  (c) => [
    ...t`For your security, please don't share full card numbers in chat. `,
    ...t`I can see the payment from the card ending ${digits(c.r, 4)}.`,
  ],
  (c) => t`The refund of ${price(c.r)} will go back to the original card within 3-5 working days.`,
  (c) => t`I've sent a returns label to ${pii('EMAIL', c.email)}.`,
  (c) => t`If it's easier, you can call us on ${pii('PHONE', phone(c.r, c.country))} (Mon-Fri 9-5).`,
  (c) => t`Could you try updating to ${version(c.r)} and restarting?`,
  (c) => t`Our logs show sign-ins from ${pii('IP', ipv4(c.r))} and ${pii('IP', ipv4(c.r))}. Do you recognise them?`,
  (c) => t`I've passed this to my colleague ${pii('PERSON', fullName(person(c.r)))} in the billing team.`,
  (c) => t`${pii('PERSON', person(c.r).first)} from our returns team will email you by ${pick(c.r, WEEKDAYS)}.`,
  () => t`Can you confirm your date of birth for security?`,
  (c) => t`We'll call you on ${pii('PHONE', c.phone)} tomorrow morning.`,
  (c) => t`Your case number is CAS-${digits(c.r, 6)}; the order total was ${price(c.r)}.`,
  (c) => [
    ...t`Hi ${pii('PERSON', c.cust.first)}, I'm ${pii('PERSON', person(c.r).first)}, `,
    ...t`I've taken over from ${pii('PERSON', c.agent.first)} while they're on a break.`,
  ],
];

const CUSTOMER_CLOSERS: Template[] = [
  (c) => t`Thanks,\n${pii('PERSON', c.cust.first)}`,
  (c) => t`Many thanks\n${pii('PERSON', fullName(c.cust))}`,
  (c) => t`Cheers, ${pii('PERSON', c.cust.first)}`,
  (c) => t`Kind regards,\n${pii('PERSON', fullName(c.cust))}`,
  () => t`thank you so much!`,
];

const AGENT_CLOSERS: Template[] = [
  (c) => t`Kind regards,\n${pii('PERSON', c.agent.first)}\nCustomer Support`,
  (c) => t`Best wishes,\n${pii('PERSON', fullName(c.agent))}`,
  (c) => t`Thanks again ${pii('PERSON', c.cust.first)}, have a lovely day! ${pii('PERSON', c.agent.first)}`,
  () => t`Is there anything else I can help with today?`,
];

const PII_WEIGHTS: [string, number][] = [
  ['email', 3],
  ['phone', 4],
  ['card', 3],
  ['iban', 3],
  ['id', 4],
  ['ip', 2],
  ['dob', 2],
  ['address', 3],
  ['third', 3],
  ['form', 1],
];

function weighted(r: Rng): string {
  const total = PII_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [k, w] of PII_WEIGHTS) {
    x -= w;
    if (x < 0) return k;
  }
  return 'email';
}

function conversation(r: Rng, n: number): LabelledTurn[] {
  const country = pick(r, ['UK', 'UK', 'US', 'US', 'DE', 'FR', 'IN', 'AU'] as const);
  const cust = person(r);
  const agent = person(r);
  const c: Conv = {
    r,
    country,
    cust,
    agent,
    email: email(r, cust),
    phone: phone(r, country),
    address: address(r, country),
  };
  const script: ['customer' | 'agent', Template][] = [
    ['customer', pick(r, CUSTOMER_OPENERS)],
    ['agent', pick(r, AGENT_OPENERS)],
  ];
  for (let i = int(r, 2, 4); i > 0; i--) {
    script.push(['customer', pick(r, CUSTOMER_PII[weighted(r)]!)]);
    script.push(['customer', pick(r, r() < 0.5 ? CUSTOMER_NEGATIVE : CUSTOMER_PII[weighted(r)]!)]);
    script.push(['agent', pick(r, AGENT_MIDDLE)]);
  }
  script.push(['customer', pick(r, CUSTOMER_CLOSERS)], ['agent', pick(r, AGENT_CLOSERS)]);
  const known = { names: [fullName(cust), fullName(agent)] };
  return script.map(([role, tpl], i) => ({
    id: `c${n}-t${i}`,
    conversation: `c${n}`,
    role,
    known,
    ...assemble(tpl(c)),
  }));
}

export function generateCorpus(opts: { seed?: number; conversations?: number } = {}): LabelledTurn[] {
  const r = seeded(opts.seed ?? 20260301);
  const out: LabelledTurn[] = [];
  for (let n = 0; n < (opts.conversations ?? 500); n++) out.push(...conversation(r, n));
  return out;
}
