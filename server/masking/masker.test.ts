import { describe, expect, it } from 'vitest';
import { createMasker, normalise } from './masker.js';

describe('createMasker', () => {
  it('when a name is written with other spacing, then its key has single spaces between words, in lower case', () => {
    for (const v of [' Ana María', 'Ana María ', 'Ana  María', 'Ana\tMaría', 'Ana\u00a0María', 'Ana María'])
      expect(normalise('PERSON', v), JSON.stringify(v)).toBe('ana maría');
  });

  it(
    'when the same value comes again, even differently written, then it ' +
      'gets the same placeholder; another value gets the next number',
    () => {
      const m = createMasker({ names: [] });
      expect(m.mask('mail a.b@example.com or call 020 7946 0018')).toBe('mail <EMAIL_1> or call <PHONE_1>');
      expect(m.mask('A.B@Example.com again, and c@example.com; 020-7946-0018')).toBe(
        '<EMAIL_1> again, and <EMAIL_2>; <PHONE_1>',
      );
      expect(m.mask('card 4539 1488 0343 6467 = 4539-1488-0343-6467')).toBe('card <CARD_1> = <CARD_1>');
    },
  );

  it('when the ticket names are known, then they are masked in every form, each name with its own placeholder', () => {
    const m = createMasker({ names: ['Sarah Okafor', 'Tom Baker'] });
    expect(m.mask('Hi Sarah, this is Tom. Sarah Okafor? sarah!')).toBe(
      'Hi <PERSON_1>, this is <PERSON_2>. <PERSON_3>? <PERSON_1>!',
    );
  });

  it('when masked text is unmasked, then the original values come back', () => {
    const m = createMasker({ names: ['Sarah Okafor'] });
    const text = 'Sarah Okafor, sarah@example.com, IBAN DE89 3704 0044 0532 0130 00, DOB: 14/03/1985';
    const masked = m.mask(text);
    expect(masked).not.toMatch(/sarah|DE89|1985/i);
    expect(m.unmask(masked)).toEqual({ text, invented: [] });
  });

  it('when a value is written two ways, then unmask restores the form seen first', () => {
    const m = createMasker({ names: [] });
    m.mask('a.b@example.com');
    expect(m.unmask(m.mask('A.B@EXAMPLE.COM')).text).toBe('a.b@example.com');
  });

  it('when the model invents a placeholder, then it is dropped, reported, and leaves no double space', () => {
    const m = createMasker({ names: [] });
    const masked = m.mask('write to a@example.com');
    const answer = `I have written to ${masked.slice(9)} and to <EMAIL_7>. Call <PHONE_1> today or <SSN_2>`;
    expect(m.unmask(answer)).toEqual({
      text: 'I have written to a@example.com and to. Call today or',
      invented: ['<EMAIL_7>', '<PHONE_1>', '<SSN_2>'],
    });
  });

  it('when placeholders are listed, then they carry type and number only, in order of issue', () => {
    const m = createMasker({ names: ['Sarah Okafor'] });
    m.mask('Sarah: a@example.com, b@example.com');
    expect(m.placeholders()).toEqual([
      { placeholder: '<PERSON_1>', type: 'PERSON', n: 1 },
      { placeholder: '<EMAIL_1>', type: 'EMAIL', n: 1 },
      { placeholder: '<EMAIL_2>', type: 'EMAIL', n: 2 },
    ]);
    expect(JSON.stringify(m.placeholders())).not.toMatch(/example|Sarah/);
  });

  it('when two maskers serve two conversations, then their placeholders are independent', () => {
    const a = createMasker({ names: [] });
    const b = createMasker({ names: [] });
    a.mask('x@example.com');
    expect(b.mask('y@example.com')).toBe('<EMAIL_1>');
    expect(b.unmask('<EMAIL_1>').text).toBe('y@example.com');
  });
});
