import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noticeWords, segments, withheldSummary, withoutMarkers } from './summary.js';

describe('withheldSummary', () => {
  it('adds counts per reason across categories, largest first, in plain words', () => {
    expect(
      withheldSummary([
        { category: 'user.contact.address.street', categoryName: 'street address', reason: 'no_consent', count: 1 },
        { category: 'user.financial', categoryName: 'financial data', reason: 'needs_explicit_consent', count: 1 },
        { category: 'user.contact.phone_number', categoryName: 'phone number', reason: 'no_consent', count: 1 },
      ]),
    ).toBe('3 facts withheld: 2 no consent, 1 needs explicit consent');
  });

  it('says nothing when nothing is withheld, and "fact" for one', () => {
    expect(withheldSummary([])).toBeNull();
    expect(
      withheldSummary([{ category: 'user.contact', categoryName: 'contact data', reason: 'withdrawn', count: 1 }]),
    ).toBe('1 fact withheld: 1 consent withdrawn');
  });
});

describe('segments', () => {
  it('cuts text at its [n] markers', () => {
    expect(segments('You ordered the Kestrel [1] — and [2].')).toEqual([
      { text: 'You ordered the Kestrel ' },
      { marker: 1 },
      { text: ' — and ' },
      { marker: 2 },
      { text: '.' },
    ]);
  });

  it('loses no character: the pieces put back together are the text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.nat(99).map((n) => `[${n}]`),
          ),
        ),
        (parts) => {
          const text = parts.join('');
          expect(
            segments(text)
              .map((s) => ('text' in s ? s.text : `[${s.marker}]`))
              .join(''),
          ).toBe(text);
        },
      ),
    );
  });
});

describe('withoutMarkers', () => {
  it('removes the markers and the space before them', () => {
    expect(withoutMarkers('I can see you ordered the Kestrel [1] — is that it? [2]')).toBe(
      'I can see you ordered the Kestrel — is that it?',
    );
  });
});

describe('noticeWords', () => {
  const withdrawn = { kind: 'consent.withdrawn' as const, text: 'Customer withdrew consent for email', at: 'now' };
  it('shows the server’s English notice as written to an English panel, with its categories', () => {
    expect(noticeWords(withdrawn, 'en')).toBe('Customer withdrew consent for email');
  });
  it('names the change in the panel’s own words in another language', () => {
    expect(noticeWords(withdrawn, 'de')).toBe('Der Kunde hat eine Einwilligung widerrufen');
    expect(noticeWords({ ...withdrawn, kind: 'customer.gpc' }, 'nl')).toMatch(/^De klant heeft een Global Privacy/);
  });
});
