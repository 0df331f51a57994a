/**
 * Rewriting one of the agent's sentences so it can go out: full identifiers masked to their last digits, and a
 * sentence that uses a fact opened with where it came from (the guard's disclosure rule, `suggest/disclosure.ts`).
 */
import type { Entity } from '../masking/types.js';
import type { IdentifierType } from '../protocol/coach.js';

/** What a masked identifier reads as; the last four characters are what customers are used to seeing. */
const MASKED: Record<IdentifierType, (lastFour: string) => string> = {
  CARD: (d) => `the card ending ${d}`,
  IBAN: (d) => `the account ending ${d}`,
  SSN: (d) => `the Social Security number ending ${d}`,
  NINO: () => 'your National Insurance number',
};

/** "your card number 4242 …" reads "your card number ending 4242": the sentence already says what it is. */
const NAMED_BEFORE = /\b(card|number|no\.?|iban|account|ssn)\s*[:#]?\s*$/i;

export function maskIdentifiers(sentence: string, found: readonly (Entity & { type: IdentifierType })[]): string {
  let out = sentence;
  for (const e of [...found].sort((a, b) => b.start - a.start)) {
    const lastFour = sentence
      .slice(e.start, e.end)
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(-4);
    const before = out.slice(0, e.start);
    const masked = NAMED_BEFORE.test(before) && e.type !== 'NINO' ? `ending ${lastFour}` : MASKED[e.type](lastFour);
    out = before + masked + out.slice(e.end);
  }
  return out;
}

/** "Your order shipped." → "I can see on your account that your order shipped."; a question keeps its mark. */
export function disclosed(sentence: string): string {
  const trimmed = sentence.trim();
  const body = /^I\b/.test(trimmed) ? trimmed : trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
  return trimmed.endsWith('?')
    ? `Going by what I can see on your account, ${body}`
    : `I can see on your account that ${body}`;
}
