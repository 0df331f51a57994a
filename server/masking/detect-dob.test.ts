import { describe, expect, it } from 'vitest';
import { found, foundOf } from './test-helpers.js';

describe('dates of birth', () => {
  it.each([
    ['DOB: 14/03/1985', '14/03/1985'],
    ['D.O.B. 1985-03-14', '1985-03-14'],
    ['my date of birth is 3 March 1985.', '3 March 1985'],
    ['I was born on March 3rd, 1985 in Leeds', 'March 3rd, 1985'],
    ['born on the 3rd of March 1985', '3rd of March 1985'],
    ['my birthday is 14.03.1985', '14.03.1985'],
    ['birthday: 3 March', '3 March'],
    ['Date of Birth - 03/14/85', '03/14/85'],
    ['D.OB 14/03/1985', '14/03/1985'],
    ['DO.B: 14/03/1985', '14/03/1985'],
  ])('when a date is labelled ("%s"), then the date is a DOB', (text, dob) => {
    expect(foundOf('DOB', text)).toEqual([dob]);
  });

  it('when a date is not labelled as a birth date, then it stays text', () => {
    expect(found('ordered on 14/03/2024, delivered 2024-03-18, due 3 March')).toEqual([]);
  });

  it('when a label is not followed by a date, then nothing is found', () => {
    expect(found('Can you confirm your date of birth for security?')).toEqual([]);
  });
});
