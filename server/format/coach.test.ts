import { describe, expect, it } from 'vitest';
import type { ShownFact } from '../protocol/assist.js';
import { Locale } from '../protocol/domain.js';
import { disclosureIn } from '../suggest/disclosure.js';
import { spokenLine } from './coach.js';

const fact = {
  factId: 'f1',
  category: 'user.behavior.purchase_history',
  categoryName: 'purchase history',
  text: 'Blender Pro 3000, order #1042',
  consent: {
    id: 'k1',
    purpose: 'essential.service.operations.support',
    purposeName: 'support',
    at: '2026-03-01T10:00:00Z',
  },
} as unknown as ShownFact;
const SUPPORT = 'essential.service.operations.support';

describe('a fact said on a call', () => {
  it('when the ticket is English, then it reads as before, its date in the agent’s locale', () => {
    expect(spokenLine(fact, SUPPORT, 'en', { locale: 'en-GB', timeZone: 'UTC' })).toBe(
      'I can see on your account that you ordered Blender Pro 3000, order #1042 — we have that because you allowed ' +
        'us to use your purchase history for support on 1 March 2026.',
    );
  });

  it.each(Locale.options)(
    'when the ticket is in %s, then it opens as the guard hears it there and dates in its words',
    (l) => {
      const line = spokenLine(fact, SUPPORT, l, { timeZone: 'UTC' });
      expect(line).toMatch(disclosureIn(l));
      expect(line).toContain('Blender Pro 3000, order #1042');
      expect(line).toContain(
        new Intl.DateTimeFormat(l, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 2, 1)),
      );
    },
  );

  it('when the fact is not an order, then it is said as held, not as ordered', () => {
    const held = { ...fact, category: 'user.contact.address.city', text: 'Portlow' } as ShownFact;
    expect(spokenLine(held, SUPPORT, 'de', { timeZone: 'UTC' })).toMatch(/^Ich sehe in Ihrem Konto: Portlow — /);
  });
});
