/**
 * `eachMatch`: an exec loop over a global or sticky regex. `String.prototype.matchAll` clones the
 * regex on every call, which on chat-turn-sized texts costs several times the matching itself
 * (measured: 3–6× slower over the benchmark corpus).
 */
export function eachMatch(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    fn(m);
  }
}

/**
 * What the detectors can learn cheaply before they run their patterns: every numeric pattern needs so many digits
 * together, every letter-and-digit identifier a letter beside a digit, every name a capital; most chat turns have
 * few digits or none.
 */
export interface TextFacts {
  /** ASCII digits (`\d`) in the whole text. */
  digits: number;
  /**
   * The most digits in one run of digits and the separators numbers are written with (` -./()+`): an upper bound on
   * the digits the phone, card, SSN, IPv4 and national-number patterns match together (a Corsican NIR's letters part
   * its digits: that pattern goes by `digits`).
   */
  groupDigits: number;
  /** An ASCII letter right before a digit, as `/[A-Za-z]\d/` tests. */
  letterDigit: boolean;
  /** A letter, as `/[A-Z]/iu` reads one (any non-ASCII character may be: "ſ", the Kelvin sign), right before a digit. */
  wideLetterDigit: boolean;
  /** The same, or with one space between ("AB 12 34 56 C"). */
  wideLetterNearDigit: boolean;
  /**
   * A digit, then perhaps a space or a dash, then one ASCII letter that no ASCII letter or digit follows: how a Spanish
   * DNI or NIE ("12345678Z", "X-1234567-L") and a NINO ("… 56 C") end.
   */
  loneLetterAfterDigit: boolean;
  /** Three groups of 3, 2 and 4 digits, each apart from the next by one space or dash: an SSN's shape. */
  ssnShape: boolean;
  /** Three dots each between two digits, in one run of digits and dots: an IPv4 address needs them. */
  dottedQuad: boolean;
  /**
   * Bit n: a group of digits joined by single spaces, dots, commas or dashes ("12 345.678-9") counts n digits up to
   * the end of one of its runs (n < 31). A national number is such a group whole: 9 digits, 11, 15.
   */
  groupSizes: number;
  /**
   * A house number as ENGLISH and the continental "12 rue …" read one: `\d{1,5}[A-Za-z]?(?:-\d{1,5})?,? ` after no
   * letter, digit or "£$€.,:/-", then a word or an ordinal. Most numbers in chat are longer, or dates and prices.
   */
  streetNumber: boolean;
  /**
   * Where a name may start: a capital before a small letter or an apostrophe (any non-ASCII character may be either),
   * anywhere, and at index 2 or later, where a name after a cue ("Hi Bob", "Dr Li") starts at the earliest.
   */
  nameStart: boolean;
  nameStartAfterCue: boolean;
}

/** Regexes for what one search answers (they run in native code, several times faster than a loop over the text). */
const DIGIT = /\d/g;
const NAME_START = /[A-Z\x80-\uffff][a-z'\x80-\uffff]/g;

/** An ASCII letter, either case, by its char code. */
export const isAsciiLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;
const isWideLetter = (c: number) => c > 127 || isAsciiLetter(c);
/** Characters that `\s` matches. */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 160 ||
    c === 5760 ||
    (c >= 8192 && c <= 8202) ||
    c === 8232 ||
    c === 8233 ||
    c === 8239 ||
    c === 8287 ||
    c === 12288 ||
    c === 65279
  );
}
/**
 * Whitespace that collapsing runs of `\s` and trimming would change: anything but single spaces between words
 * (`/[^\S ]| {2}|^ | $/`).
 */
export function untidySpace(value: string): boolean {
  const last = value.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = value.charCodeAt(i);
    if (c === 32 ? i === 0 || i === last || value.charCodeAt(i + 1) === 32 : isSpace(c)) return true;
  }
  return false;
}

/** The separators inside a written number: space, "(", ")", "+", "-", ".", "/". */
const isNumberSeparator = (c: number) => c === 32 || c === 40 || c === 41 || c === 43 || (c >= 45 && c <= 47);
/** An ASCII digit (`\d`), by its char code. */
export const isDigit = (c: number) => c >= 48 && c <= 57;
/** "$", ",", "-", ".", "/", ":", "£", "€": what a house number does not follow. */
const beforeNoHouseNumber = (c: number) =>
  c === 36 || c === 44 || c === 45 || c === 46 || c === 47 || c === 58 || c === 163 || c === 8364;

/** Whether NAME_START matches at `i`: it reads UTF-16 units (no `u` flag), so every unit beyond ASCII is either. */
function nameStartAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i); // NaN past the end
  const d = text.charCodeAt(i + 1);
  return ((c >= 65 && c <= 90) || c > 127) && ((d >= 97 && d <= 122) || d === 39 || d > 127);
}

/** `streetNumber` for the digits [start, end) (at most five), as the lookbehind and the pattern read them. */
function streetNumberAt(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1); // NaN at the start: nothing before
  if (isAsciiLetter(before) || isDigit(before) || beforeNoHouseNumber(before)) return false;
  let i = end;
  if (isAsciiLetter(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 45) {
    let j = i + 1;
    while (isDigit(text.charCodeAt(j))) j++;
    if (j - i > 1 && j - i <= 6) i = j;
  }
  if (text.charCodeAt(i) === 44) i++;
  if (text.charCodeAt(i) !== 32) return false;
  const next = text.charCodeAt(i + 1);
  // A word (a capital or a small letter; beyond ASCII, any), or an ordinal ("350 5th Ave").
  return isAsciiLetter(next) || next > 127 || isDigit(next);
}

export function scanFacts(text: string): TextFacts {
  // From index 2 first: most texts start with a capital, and one search then answers both; the first two places are
  // read by their char codes.
  NAME_START.lastIndex = 2;
  const nameStartAfterCue = NAME_START.test(text);
  const nameStart = nameStartAfterCue || nameStartAt(text, 0) || nameStartAt(text, 1);
  let digits = 0;
  let groupDigits = 0;
  let run = 0; // digits in the current run of digits and separators
  let letterDigit = false;
  let wideLetterDigit = false;
  let wideLetterNearDigit = false;
  let loneLetterAfterDigit = false;
  let ssnShape = false;
  let dottedQuad = false;
  let dots = 0; // dots between two digits in the current run of digits and dots
  let groupSizes = 0;
  let streetNumber = false;
  let group = 0; // digits so far in the current group joined by single " .,-"
  // The lengths of the current run of digits and of the two before it, when one space or dash parts each from the next.
  let len = 0;
  let len1 = 0;
  let len2 = 0;
  // The digit facts are about digits and the two characters before them: walk from the first digit.
  DIGIT.lastIndex = 0;
  const first = DIGIT.test(text) ? DIGIT.lastIndex - 1 : -1; // test, unlike search, builds no match
  if (first !== -1) {
    let prev = first > 0 ? text.charCodeAt(first - 1) : 0;
    let beforePrev = first > 1 ? text.charCodeAt(first - 2) : 0;
    // One step past the end, as a character that is none of those looked for: what ends a run ends there too.
    for (let i = first; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : -1;
      if (isDigit(c)) {
        digits++;
        run++;
        if (isWideLetter(prev)) {
          wideLetterDigit = wideLetterNearDigit = true;
          if (isAsciiLetter(prev)) letterDigit = true;
        } else if (prev === 32 && isWideLetter(beforePrev)) wideLetterNearDigit = true;
        if (!isDigit(prev)) {
          const chained = (prev === 32 || prev === 45) && isDigit(beforePrev);
          len2 = chained ? len1 : 0;
          len1 = chained ? len : 0;
          len = 0;
          if (prev === 46 && isDigit(beforePrev) && ++dots === 3) dottedQuad = true;
          if (!(chained || ((prev === 46 || prev === 44) && isDigit(beforePrev)))) group = 0;
        }
        len++;
        group++;
      } else {
        if (isDigit(prev)) {
          if (len === 4 && len1 === 2 && len2 === 3) ssnShape = true;
          if (group < 31) groupSizes |= 1 << group;
          if (len <= 5 && !streetNumber) streetNumber = streetNumberAt(text, i - len, i);
        }
        if (c !== 46) dots = 0;
        if (
          isAsciiLetter(c) &&
          (isDigit(prev) || ((prev === 32 || prev === 45) && isDigit(beforePrev))) &&
          !isAsciiLetter(text.charCodeAt(i + 1)) &&
          !isDigit(text.charCodeAt(i + 1))
        )
          loneLetterAfterDigit = true;
        if (!isNumberSeparator(c)) {
          if (run > groupDigits) groupDigits = run;
          run = 0;
          // Past a character that is neither a digit nor a separator, nothing up to the next digit changes a fact (each
          // looks at most two characters back from a digit or past one): go there in a tight loop.
          let j = i + 1;
          while (j < text.length && !isDigit(text.charCodeAt(j))) j++;
          if (j >= text.length) break;
          if (j > i + 1) {
            beforePrev = text.charCodeAt(j - 2);
            prev = text.charCodeAt(j - 1);
            i = j - 1;
            continue;
          }
        }
      }
      beforePrev = prev;
      prev = c;
    }
  }
  return {
    digits,
    groupDigits,
    letterDigit,
    wideLetterDigit,
    wideLetterNearDigit,
    loneLetterAfterDigit,
    ssnShape,
    dottedQuad,
    groupSizes,
    streetNumber,
    nameStart,
    nameStartAfterCue,
  };
}

/** Whether some group of digits joined by single " .,-" holds `n` digits (n < 31): see `groupSizes`. */
export const hasGroupOf = (facts: TextFacts, n: number) => (facts.groupSizes & (1 << n)) !== 0;

/** How many ASCII digits (`\d`) a text holds: each numeric pattern needs a least number of them. */
export function countDigits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** A pattern that matches just the text, its regex characters escaped. */
export const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Which lists hold a word of the lower-cased text, as bit i for list i. One search for the bare words, longest first:
 * irregexp sorts such an alternation by first letter and shares prefixes, which a pattern with groups or classes
 * defeats (twice as slow). After each word found it looks again from the next character, since words may overlap
 * ("cap" and "apt" in "captain"); a word that holds another of the same list is left out ("deliver", "live").
 */
export function wordSearch(lists: readonly (readonly string[])[]): (lower: string) => number {
  const bits = new Map<string, number>();
  lists.forEach((words, i) => {
    for (const word of words) bits.set(word, (bits.get(word) ?? 0) | (1 << i));
  });
  const bitsOf = (word: string) => bits.get(word) ?? 0;
  const holdsAnother = (w: string) =>
    [...bits.keys()].some((v) => v !== w && w.includes(v) && (bitsOf(v) & bitsOf(w)) === bitsOf(w));
  // Where several words start at one place, the search reports the first that matches there: the longest, whose bits
  // then take in those of the words it starts with.
  const words = [...bits.keys()].filter((w) => !holdsAnother(w)).sort((a, b) => b.length - a.length);
  for (const w of words) for (const v of words) if (w.startsWith(v)) bits.set(w, bitsOf(w) | bitsOf(v));
  const search = new RegExp(words.map(literal).join('|'), 'g');
  const all = (1 << lists.length) - 1;
  return (lower) => {
    let found = 0;
    search.lastIndex = 0;
    for (let m = search.exec(lower); m !== null && found !== all; m = search.exec(lower)) {
      found |= bitsOf(m[0]);
      search.lastIndex = m.index + 1;
    }
    return found;
  };
}
