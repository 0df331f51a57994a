/**
 * Dates of birth, only when labelled ("DOB", "date of birth", "born on", "birthday"): an
 * unlabelled date in a support chat is almost always an order, delivery or payment date, and
 * masking those would cost the model the facts it needs.
 */
import type { Entity } from './types.js';
import { eachMatch } from './scan.js';

const CUE = new RegExp(
  String.raw`\b(?:d\.?o\.?b\b\.?|date of birth|birth ?date|born(?: on| in)?|birthday)[\s:=#-]*(?:(?:is|` +
    String.raw`was|on|of|would be)\s+)?(?:the\s+)?`,
  'gi',
);

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|' +
  'sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
/** Sticky: the date must start where the cue ends. Longer forms come first in the alternation. */
const DATE = new RegExp(
  `${[
    '\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})',
    '\\d{4}[/.-]\\d{1,2}[/.-]\\d{1,2}',
    `${DAY}(?: of)? ${MONTH},? \\d{4}`,
    `${MONTH} ${DAY},? \\d{4}`,
    `${DAY}(?: of)? ${MONTH}`,
    `${MONTH} ${DAY}`,
    `${MONTH},? \\d{4}`,
  ]
    .map((a) => `(?:${a})`)
    .join('|')}(?![\\w/])`,
  'iy',
);

/** The labels CUE needs, as words of the lower-cased text (each way it dots "dob"): a cheap test before it. */
export const DOB_WORDS = ['birth', 'dob', 'd.o.b', 'd.ob', 'do.b', 'born'];

export function detectDobs(
  text: string,
  out: Entity[],
  lower = text.toLowerCase(),
  labelled = DOB_WORDS.some((w) => lower.includes(w)),
): void {
  if (!labelled) return;
  eachMatch(CUE, text, (m) => {
    DATE.lastIndex = m.index + m[0].length;
    const d = DATE.exec(text);
    if (d) out.push({ type: 'DOB', start: d.index, end: d.index + d[0].length });
  });
}
