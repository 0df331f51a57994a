/** Articles as sentences: the passage a reply quotes, and a text that repeats an article's sentence, however dressed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleSentences, bestPassage, repeatedSentences } from './passages.js';
import { articleQuery } from './query.js';
import { queryFrom } from '../context/relevance.js';

const BODY = `# Returns

You can send any item back within 45 days of delivery for a full refund.
Refunds reach your card within
5 working days.

- Keep the original packaging
- Use the [prepaid label](https://example.org/label)`;

describe('article passages', () => {
  it('when an article has headings, wrapped lines and a list, then each is its own sentence, without Markdown', () => {
    expect(articleSentences(BODY)).toEqual([
      'Returns',
      'You can send any item back within 45 days of delivery for a full refund.',
      'Refunds reach your card within 5 working days.',
      'Keep the original packaging',
      'Use the prepaid label',
    ]);
  });

  it('when the customer asks how long a refund takes, then the refund sentence is the passage', () => {
    const weights = queryFrom([
      { role: 'customer', text: 'How long until my refund reaches my card?', at: '' },
    ]).weights;
    expect(bestPassage({ body: BODY }, weights)).toBe('Refunds reach your card within 5 working days.');
    expect(bestPassage({ body: BODY }, new Map())).toBe('Returns');
  });

  it('when a conversation is searched, then only customer words that name a topic count, the latest weighing most', () => {
    const q = articleQuery([
      { role: 'customer', text: 'Hi, my parcel is late', at: '' },
      { role: 'agent', text: 'Let me check the returns policy', at: '' },
      { role: 'customer', text: 'How can I return it?', at: '' },
    ]);
    expect(q.parts).toEqual([
      { terms: ['return'], weight: 1 },
      { terms: ['parcel', 'late'], weight: 0.5 },
    ]);
    expect(articleQuery([{ role: 'customer', text: 'Hello, can you help me please?', at: '' }]).parts).toEqual([]);
  });

  it('when a text repeats a sentence with other case, spacing, punctuation, markers or invisible characters, then it is found', () => {
    const sentence = 'You can send any item back within 45 days of delivery for a full refund.';
    const disguised = [
      sentence,
      sentence.toUpperCase(),
      sentence.replace(/ /g, '  \n'),
      sentence.replace(/\./, '!!'),
      sentence.replace('45 days', '45 [2] days'),
      sentence.replace('refund', 're\u200Bfund'),
      `Good news: ${sentence.toLowerCase().replace(/,|\./g, '')} Thanks`,
    ];
    for (const text of disguised) expect(repeatedSentences(text, { body: BODY }), text).toEqual([sentence]);
    expect(repeatedSentences('You can send it back.', { body: BODY })).toEqual([]);
  });

  it('when an article is edited, then its passages and repeated sentences follow the new text, however many came between', () => {
    const refund = 'Refunds reach your card within 5 working days.';
    const edited = BODY.replace('5 working days', '3 working days');
    const weights = queryFrom([{ role: 'customer', text: 'When does my refund reach my card?', at: '' }]).weights;
    expect(bestPassage({ body: BODY }, weights)).toBe(refund);
    expect(repeatedSentences(refund, { body: BODY })).toEqual([refund]);
    expect(bestPassage({ body: edited }, weights)).toBe('Refunds reach your card within 3 working days.');
    expect(repeatedSentences(refund, { body: edited })).toEqual([]);
    // Many other bodies later (more than are kept split), each is still its own.
    for (let i = 0; i < 600; i++) {
      const body = `Article ${i} says the parcel ${i} waits at depot number ${i} today.`;
      expect(repeatedSentences(body, { body })).toEqual([body]);
    }
    expect(bestPassage({ body: BODY }, weights)).toBe(refund);
    expect(repeatedSentences(refund, { body: edited })).toEqual([]);
  });

  it('property: any sentence of an article, dressed any way, inside any text, is found', () => {
    const word = fc.stringMatching(/^[a-z]{2,9}$/);
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 4, maxLength: 12 }), { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.string(),
        fc.string(),
        fc.constantFrom('upper', 'lower', 'spaces', 'comma', 'marker', 'zwsp'),
        (sentences, pick, before, after, dress) => {
          const body = sentences.map((w) => `${w.join(' ')}.`).join(' ');
          const target = sentences[pick % sentences.length]!.join(' ');
          const dressed = {
            upper: target.toUpperCase(),
            lower: target,
            spaces: target.replace(/ /g, ' \t '),
            comma: target.replace(/ /g, ', '),
            marker: target.replace(' ', ' [1] '),
            zwsp: target.replace(/ /g, '\u200B '),
          }[dress];
          const found = repeatedSentences(`${before} ${dressed}. ${after}`, { body });
          return found.some((s) => s.replace(/\.$/, '') === target);
        },
      ),
    );
  });
});
