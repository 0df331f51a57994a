import { describe, expect, it } from 'vitest';
import { found, foundOf } from './test-helpers.js';

const known = { names: ['Sarah Okafor', 'Tom Baker'] };

describe("the ticket's known names", () => {
  it(
    'when a known name occurs whole, as first or last name alone, in any ' + 'case, then every occurrence is a PERSON',
    () => {
      expect(foundOf('PERSON', 'sarah okafor wrote; Sarah asked Tom. OKAFOR again, thanks Baker', known)).toEqual([
        'sarah okafor',
        'Sarah',
        'Tom',
        'OKAFOR',
        'Baker',
      ]);
    },
  );

  it('when a ticket names many people, then each full name is still found whole, however many tokens come before it', () => {
    // No name a part of another: each token occurs only where its own name does.
    const names = Array.from({ length: 26 }, (_, i) => {
      const c = String.fromCharCode(97 + i);
      return `${c.toUpperCase()}qq Mc${c}${'w'.repeat(i)}`;
    });
    for (const name of [...names, 'Anna van der Berg'])
      expect(foundOf('PERSON', `Please ask ${name} today.`, { names: [...names, 'Anna van der Berg'] })).toEqual([
        name,
      ]);
  });

  it('when a known name is only part of a word, then it is not matched', () => {
    expect(foundOf('PERSON', 'Tomorrow the bakery opens at Bakerloo', known)).toEqual([]);
  });

  it('when a known name is also an everyday word, then its lower-case uses stay text', () => {
    expect(foundOf('PERSON', 'I will call Will; may I? May Chen', { names: ['Will Smith', 'May Chen'] })).toEqual([
      'Will',
      'May Chen',
    ]);
  });

  it('when a known name has particles or an apostrophe, then the surname alone is found, the particles are not', () => {
    expect(
      foundOf('PERSON', 'Dear Ms van der Berg, de la Cruz and O’Connor', {
        names: ['Anna van der Berg', "Liam O'Connor"],
      }),
    ).toEqual(['van der Berg', 'O’Connor']);
  });

  it('when a known name is in an address or an e-mail, then the address or e-mail wins', () => {
    expect(found('Send it to 221B Baker Street, London. Or mail sarah.okafor@example.com', known)).toEqual([
      ['ADDRESS', '221B Baker Street, London'],
      ['EMAIL', 'sarah.okafor@example.com'],
    ]);
  });

  it('when a known name has an initial, then the initial alone is not a name', () => {
    expect(foundOf('PERSON', 'Fay W. wrote: see w. 5, W. Fay', { names: ['Fay W.'] })).toEqual(['Fay W.', 'Fay']);
  });

  it('when a name part has two letters beyond ASCII, then it is a name alone; one such letter is an initial', () => {
    expect(foundOf('PERSON', 'Ōe wrote, then ŌE again', { names: ['Ōe Kenzaburō'] })).toEqual(['Ōe', 'ŌE']);
    expect(foundOf('PERSON', 'Ø. Hansen wrote; see ø. 5', { names: ['Ø. Hansen'] })).toEqual(['Ø. Hansen']);
    // A letter outside the BMP is two UTF-16 units, and was counted as two before: it stays a name alone.
    expect(foundOf('PERSON', '𝔄 wrote', { names: ['𝔄 Hansen'] })).toEqual(['𝔄']);
  });

  it('when one known name holds another, then each is found where it stands, and a full name only with its parts', () => {
    const names = { names: ['Ann', 'Anna Berg', 'Li Berglund'] };
    expect(foundOf('PERSON', 'Anna Berg met Ann; Berglund and Li', names)).toEqual([
      'Anna Berg',
      'Ann',
      'Berglund',
      'Li',
    ]);
    expect(foundOf('PERSON', 'ask Berg or Anna, not the annex', names)).toEqual(['Berg', 'Anna']);
    expect(foundOf('PERSON', 'li berglund wrote', names)).toEqual(['li berglund']);
  });
});
