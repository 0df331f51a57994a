import { describe, expect, it } from 'vitest';
import { detect, resolveOverlaps } from './detectors.js';
import { found } from './test-helpers.js';

describe('detect', () => {
  it('when a turn mixes types, then each value is found once, typed, in text order', () => {
    const text =
      'Hi, my name is Sarah Okafor (sarah@example.com, +44 20 7946 0018). ' +
      'Card 4539 1488 0343 6467, IBAN GB82 WEST 1234 5698 7654 32, NI ' +
      'AB123456C, SSN 536-90-4399, IP 81.2.69.160, DOB 14/03/1985, at 14 Elm ' +
      'Close, Leeds LS6 2AB.';
    expect(found(text)).toEqual([
      ['PERSON', 'Sarah Okafor'],
      ['EMAIL', 'sarah@example.com'],
      ['PHONE', '+44 20 7946 0018'],
      ['CARD', '4539 1488 0343 6467'],
      ['IBAN', 'GB82 WEST 1234 5698 7654 32'],
      ['NINO', 'AB123456C'],
      ['SSN', '536-90-4399'],
      ['IP', '81.2.69.160'],
      ['DOB', '14/03/1985'],
      ['ADDRESS', '14 Elm Close, Leeds LS6 2AB'],
    ]);
  });

  it(
    'when spans overlap, then the more specific type wins, then the longer ' +
      'span, and the result is sorted and disjoint',
    () => {
      const kept = resolveOverlaps([
        { type: 'PHONE', start: 5, end: 17 },
        { type: 'IBAN', start: 0, end: 22 },
        { type: 'PERSON', start: 30, end: 35 },
        { type: 'PERSON', start: 30, end: 42 },
        { type: 'ADDRESS', start: 25, end: 31 },
      ]);
      expect(kept).toEqual([
        { type: 'IBAN', start: 0, end: 22 },
        { type: 'ADDRESS', start: 25, end: 31 },
      ]);
    },
  );

  it('when a span is proposed twice, then it counts once; a span that only starts at the same place still counts', () => {
    const person = (start: number, end: number) => ({ type: 'PERSON' as const, start, end });
    expect(
      resolveOverlaps([{ type: 'EMAIL', start: 5, end: 10 }, person(0, 6), person(0, 4), person(0, 4), person(0, 6)]),
    ).toEqual([person(0, 4), { type: 'EMAIL', start: 5, end: 10 }]);
  });

  it.each([
    ['DOB 01/02/1980', 'DOB', '01/02/1980'],
    ['PO Box 1234.', 'ADDRESS', 'PO Box 1234'],
    ['Puruntie 82 Apt. 595', 'ADDRESS', 'Puruntie 82 Apt. 595'],
    ['He moved to Puruntie 82, 00100 Helsinki', 'ADDRESS', 'Puruntie 82, 00100 Helsinki'],
    ['ADDREſS Puruntie 82, 00100 Helsinki', 'ADDRESS', 'Puruntie 82, 00100 Helsinki'],
    ['zip code: 94043', 'ADDRESS', '94043'],
    ['Poſtcode LS6 2AB', 'ADDRESS', 'LS6 2AB'],
    ['Via Roma 5', 'ADDRESS', 'Via Roma 5'],
    ['Koskikatu 25', 'ADDRESS', 'Koskikatu 25'],
    ['Berliner Ring 7', 'ADDRESS', 'Berliner Ring 7'],
  ])(
    'when "%s" holds only the words of one pattern, then the one search for all their words lets it run',
    (text, type, value) => {
      expect(found(text)).toEqual([[type, value]]);
    },
  );

  it('when the text is empty or has no PII, then nothing is found', () => {
    expect(detect('')).toEqual([]);
    expect(detect('Thanks, that is great! Let me check that for you.')).toEqual([]);
  });

  // How long these take, and that it grows linearly, is measured by the benchmark
  // (mask_pathological_max_ms, mask_pathological_growth); a catastrophic backtracking regex would
  // still fail here, by the test timeout.
  it.each([
    ['digit groups', '1 '.repeat(20_000), {}],
    ['capitalised words', 'Aaaa '.repeat(20_000), { PERSON: 20_000 }],
    ['an endless local part', `${'a.'.repeat(20_000)}@`, {}],
    ['address-like runs', `12 ${'Aaa '.repeat(20_000)}`, {}],
    ['colons', 'abcd:'.repeat(20_000), {}],
    ['titles', 'Mr '.repeat(20_000), {}],
  ])(
    'when a long text is made of %s, then detection finishes and finds only what is there',
    (_what, text, expected) => {
      const counts: Record<string, number> = {};
      for (const e of detect(text, { names: ['Aaaa Bbbb'] })) counts[e.type] = (counts[e.type] ?? 0) + 1;
      expect(counts).toEqual(expected);
    },
  );
});
