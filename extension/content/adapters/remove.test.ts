import { describe, expect, it } from 'vitest';
import { expectedWithout, spanIn } from './remove.js';

describe('what removing a sentence should leave', () => {
  it('takes the sentence out of its line and drops a line it empties', () => {
    expect(expectedWithout('Hi Dana,\nI can see order #1042. Anything else?', 'I can see order #1042.')).toEqual([
      'Hi Dana,',
      'Anything else?',
    ]);
    expect(expectedWithout('Hi Dana,\nI can see order #1042.\nBye', 'I can see order #1042.')).toEqual([
      'Hi Dana,',
      'Bye',
    ]);
  });

  it('when the reply no longer holds the sentence as inserted, then there is nothing to expect', () => {
    expect(expectedWithout('Hi Dana, I can see order #1043.', 'I can see order #1042.')).toBeNull();
  });

  it('finds the sentence whatever the editor did to its spaces, with one space beside it', () => {
    const raw = 'Thanks.\u00a0I can  see order #1042. Bye';
    const span = spanIn(raw, 'I can see order #1042.')!;
    expect(raw.slice(span.start, span.end)).toBe('\u00a0I can  see order #1042.');
    expect(spanIn('I can see (it). Bye', 'I can see (it).')).toEqual({ start: 0, end: 16 });
    expect(spanIn('nothing here', 'I can see')).toBeNull();
  });
});
