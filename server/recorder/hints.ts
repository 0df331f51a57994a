/**
 * What the recorder treats as PII beyond the masking detectors: order and account numbers and
 * bare UK postcodes, which a model may see (it needs "order #1042" to help) but a file kept in a
 * repository may not; and the kind a fact's category or a value's key implies, for text the
 * detectors cannot place ("Portlow" filed as a city, `{ "order": "1042" }`).
 */
import type { Entity, EntityType } from '../masking/index.js';
import { eachMatch } from '../masking/scan.js';
import { isAtOrUnder } from '../policy/keys.js';

/** The masking types, plus identifiers, postcodes and places (towns, states). */
export type Kind = EntityType | 'ID' | 'POSTCODE' | 'PLACE';
export interface Span {
  kind: Kind;
  start: number;
  end: number;
}

/** A cue word, then perhaps "no.", "number", "is", "#", then an id with at least three digits. */
const CUED_ID = new RegExp(
  String.raw`\b(?:order|account|acct|invoice|reference|ref|booking|membership|member|customer|policy|` +
    String.raw`tracking|contract|subscription)\b(?:\s*(?:(?:no\.?|number|num|id|is)(?![\p{L}])|` +
    String.raw`[:#]))*\s*([A-Za-z0-9][A-Za-z0-9-]{2,})`,
  'giu',
);
const HASH_ID = /(?<![\p{L}\p{N}&])#(\d{3,})(?![\p{L}\p{N}])/gu;
const UK_POSTCODE = /(?<![\p{L}\p{N}])[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}(?![\p{L}\p{N}])/gu;
const THREE_DIGITS = /\d.*\d.*\d/;

export function detectExtra(text: string): Span[] {
  const out: Span[] = [];
  const add = (kind: Kind, start: number, end: number) => {
    if (!out.some((s) => s.start < end && start < s.end)) out.push({ kind, start, end });
  };
  const id = (m: RegExpExecArray) => {
    const value = m[1]!;
    const start = m.index + m[0].length - value.length;
    if (THREE_DIGITS.test(value)) add('ID', start, start + value.length);
  };
  eachMatch(CUED_ID, text, id);
  eachMatch(HASH_ID, text, id);
  eachMatch(UK_POSTCODE, text, (m) => add('POSTCODE', m.index, m.index + m[0].length));
  return out.sort((a, b) => a.start - b.start);
}

/** Detector spans first; an extra span is kept only where it overlaps none. */
export function merge(found: readonly Entity[], extra: readonly Span[]): Span[] {
  const spans: Span[] = found.map((e) => ({ kind: e.type, start: e.start, end: e.end }));
  for (const x of extra) {
    if (!spans.some((s) => s.start < x.end && x.start < s.end)) spans.push(x);
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Most specific first: the first category at or above the fact's wins. */
const CATEGORY_KINDS: [string, Kind][] = [
  ['user.contact.address.postal_code', 'POSTCODE'],
  ['user.contact.address.city', 'PLACE'],
  ['user.contact.address.state', 'PLACE'],
  ['user.contact.address.country', 'PLACE'],
  ['user.contact.address', 'ADDRESS'],
  ['user.contact.email', 'EMAIL'],
  ['user.contact.phone_number', 'PHONE'],
  ['user.contact.fax_number', 'PHONE'],
  ['user.name', 'PERSON'],
  ['user.device.ip_address', 'IP'],
  ['user.demographic.date_of_birth', 'DOB'],
  ['user.account.username', 'ID'],
  ['user.unique_id', 'ID'],
  ['user.government_id', 'ID'],
  ['user.financial.bank_account', 'ID'],
  ['user.financial.credit_card', 'ID'],
  ['user.device', 'ID'],
];

export const kindOfCategory = (category: string): Kind | undefined =>
  CATEGORY_KINDS.find(([c]) => isAtOrUnder(category, c))?.[1];

const KEY_KINDS: [RegExp, Kind][] = [
  [/e?mail/, 'EMAIL'],
  [/phone|mobile|telephone|^tel$|fax/, 'PHONE'],
  [/^(?:full|first|last|given|family|display|customer|contact)?name$|^surname$/, 'PERSON'],
  [/postcode|postalcode|^zip(?:code)?$/, 'POSTCODE'],
  [/^(?:city|town|county|state|region|country)$/, 'PLACE'],
  [/^ip(?:address)?$/, 'IP'],
  [/address|^street|^line[12]$/, 'ADDRESS'],
  [/^(?:dob|dateofbirth|birthdate|birthday)$/, 'DOB'],
  [
    new RegExp(
      '^(?:order|account|invoice|reference|ref|booking|member(?:ship)?|policy|tracking|contract|' +
        'subscription|iban|card|sortcode|passport|licen[cs]e|ssn|nino|username)' +
        '(?:id|number|num|no|ref|code)?$',
    ),
    'ID',
  ],
  // "customer" or "user" alone may be a tier or a flag; with a suffix it is an identifier.
  [/^(?:customer|user)(?:id|number|num|no|ref|code)$/, 'ID'],
];

/** `orderNumber`, `order_no`, `Order-Id` → `ordernumber`, `orderno`, `orderid`, then its kind. */
export function kindOfKey(key: string): Kind | undefined {
  const k = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return KEY_KINDS.find(([re]) => re.test(k))?.[1];
}
