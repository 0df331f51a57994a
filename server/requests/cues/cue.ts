/**
 * A cue is a regular expression over words. `\w` in a cue stands for any letter (JavaScript's own
 * `\w` is ASCII, which would miss "löschen" or "corríjanlo"), and a cue only matches whole words.
 */
export function cue(source: string): RegExp {
  const letters = source.replaceAll('\\w', '[\\p{L}\\p{N}]');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${letters})(?![\\p{L}\\p{N}])`, 'giu');
}

/** Up to `n` of the given little words, each followed by space: "all of my" between a verb and its object. */
export const fill = (words: string, n = 5) => `(?:(?:${words})\\s+){0,${n}}`;

/** An apostrophe as typed or as a word processor curls it. */
export const APOS = "['’]";

/** Up to `n` characters of one sentence that never pass one of the words in `not` (a parcel, a label…). */
export const near = (n: number, not: string) => `(?:(?!${not})[^.!?]){0,${n}}?`;
