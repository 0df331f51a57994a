/**
 * Property: for random texts with planted values of every type, `mask` never lets a planted value
 * through, and `unmask(mask(t))` gives `t` back. Planted values are built from the real-world
 * rules (Luhn, mod 97, SSA, HMRC), separated by bland filler words, as in a chat turn.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ibanValid, luhnValid } from './checksums.js';
import { createMasker, normalise } from './masker.js';
import type { EntityType } from './types.js';

interface Planted {
  type: EntityType;
  value: string;
  /** The value as written, with a label where the type needs one (a date of birth). */
  text: string;
}

const d = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const plant =
  (type: EntityType) =>
  (value: string): Planted => ({ type, value, text: value });

const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9._]{0,10}[a-z0-9]$/), fc.constantFrom('example.com', 'mail.co.uk', 'web.de'))
  .map(([l, dom]) => plant('EMAIL')(`${l}@${dom}`));
const phone = fc
  .oneof(
    fc.tuple(d(4), d(4)).map(([a, b]) => `+44 20 ${a} ${b}`),
    fc.tuple(d(3), d(6)).map(([a, b]) => `07${a} ${b}`),
    fc
      .tuple(fc.integer({ min: 201, max: 989 }), fc.integer({ min: 200, max: 999 }), d(4))
      .map(([a, b, c]) => `(${a}) ${b}-${c}`),
    fc.tuple(d(2), d(2), d(2), d(2)).map(([a, b, c, e]) => `+33 1 ${a} ${b} ${c} ${e}`),
    fc.tuple(d(4), d(5)).map(([a, b]) => `+91 9${a} ${b}`),
  )
  .map(plant('PHONE'));
const card = fc.tuple(d(14), fc.constantFrom(' ', '-', '')).map(([body, sep]) => {
  const stem = `4${body}`;
  const n = stem + [...'0123456789'].find((c) => luhnValid(stem + c))!;
  return plant('CARD')(n.replace(/(\d{4})(?=\d)/g, `$1${sep}`));
});
const iban = fc.tuple(fc.stringMatching(/^[A-Z]{4}$/), d(14), fc.boolean()).map(([bank, acct, spaced]) => {
  const check = Array.from({ length: 97 }, (_, i) => String(i + 2).padStart(2, '0')).find((c) =>
    ibanValid(`GB${c}${bank}${acct}`),
  )!;
  const raw = `GB${check}${bank}${acct}`;
  return plant('IBAN')(spaced ? raw.replace(/(.{4})(?!$)/g, '$1 ') : raw);
});
const ssn = fc
  .tuple(fc.integer({ min: 1, max: 665 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 }))
  .map(([a, g, s]) =>
    plant('SSN')(`${String(a).padStart(3, '0')}-${String(g).padStart(2, '0')}-${String(s).padStart(4, '0')}`),
  );
const nino = fc
  .tuple(
    fc.constantFrom(...'ABCEGHJKLMNOPRSTWXY'),
    fc.constantFrom(...'ABCEGHJKLMNPRSTWXY'),
    d(6),
    fc.constantFrom('A', 'B', 'C', 'D'),
  )
  .filter(([a, b]) => !['BG', 'GB', 'KN', 'NK', 'NT', 'TN'].includes(a + b))
  .map(([a, b, n, s]) => plant('NINO')(`${a}${b} ${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4)} ${s}`));
const ipv4 = fc
  .tuple(
    fc.integer({ min: 1, max: 223 }),
    fc.integer({ min: 0, max: 255 }),
    fc.integer({ min: 0, max: 255 }),
    fc.integer({ min: 1, max: 254 }),
  )
  .map((o) => plant('IP')(o.join('.')));
const ipv6 = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 })
  .map((g) => plant('IP')(g.map((x) => x.toString(16).padStart(4, '0')).join(':')));
const dob = fc
  .tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1940, max: 2006 }))
  .map(([dd, mm, yy]) => {
    const value = `${String(dd).padStart(2, '0')}/${String(mm).padStart(2, '0')}/${yy}`;
    return { type: 'DOB' as const, value, text: `DOB: ${value}` };
  });
const address = fc
  .tuple(
    fc.integer({ min: 1, max: 999 }),
    fc.constantFrom('Elm', 'Station', 'Mill', 'Orchard'),
    fc.constantFrom('Road', 'Street', 'Lane', 'Close'),
  )
  .map(([n, s, t]) => plant('ADDRESS')(`${n} ${s} ${t}`));
const person = fc
  .tuple(fc.constantFrom('Sarah', 'Chinedu', 'Lucía', 'Wei'), fc.constantFrom('Okafor', 'Müller', 'Tanaka', 'Kowalski'))
  .map(([f, l]) => plant('PERSON')(`${f} ${l}`));

const planted = fc.oneof(email, phone, card, iban, ssn, nino, ipv4, ipv6, dob, address, person);
const filler = fc
  .array(
    fc.constantFrom('the', 'order', 'please', 'and', 'thanks', 'is', 'it', 'a', 'refund', 'today', ',', '.', '!', '\n'),
    { minLength: 1, maxLength: 6 },
  )
  .map((w) => w.join(' '));
const turn = fc
  .tuple(fc.array(fc.tuple(filler, planted), { minLength: 1, maxLength: 6 }), filler)
  .map(([parts, end]) => ({
    text: parts.map(([f, p]) => `${f} ${p.text} `).join('') + end,
    planted: parts.map(([, p]) => p),
  }));

describe('masking, for random turns with planted PII', () => {
  it('when a turn is masked, then no planted value survives, and unmasking restores the turn exactly', () => {
    fc.assert(
      fc.property(turn, ({ text, planted: values }) => {
        // One value written two ways ("4000 0000…" and "4000-0000…") unmasks to the form seen first, by design.
        const forms = new Map(values.map((p) => [`${p.type}:${normalise(p.type, p.value)}`, p.value]));
        fc.pre(values.every((p) => forms.get(`${p.type}:${normalise(p.type, p.value)}`) === p.value));
        const m = createMasker({ names: values.filter((p) => p.type === 'PERSON').map((p) => p.value) });
        const masked = m.mask(text);
        for (const p of values) expect(masked, `${p.type} ${p.value}`).not.toContain(p.value);
        expect(m.unmask(masked)).toEqual({ text, invented: [] });
      }),
      { numRuns: 500 },
    );
  });

  it('when the same planted value comes back in a later turn, then it gets the same placeholder', () => {
    fc.assert(
      fc.property(planted, filler, (p, f) => {
        const m = createMasker({ names: p.type === 'PERSON' ? [p.value] : [] });
        const first = m.mask(`${f} ${p.text}`);
        const again = m.mask(`${p.text} ${f}`);
        const placeholder = first.match(/<[A-Z]+_\d+>/)?.[0];
        expect(placeholder).toBeDefined();
        expect(again).toContain(placeholder);
      }),
      { numRuns: 300 },
    );
  });
});
