/**
 * The formatting module for plain browser scripts (the /demo page): served bundled as /demo/assets/format.js,
 * it puts the same functions the panel and the lead's pages import on `window.CandorFormat`.
 */
import { formatRecent, formatTime } from './time.js';
import { countOf, REASON_WORDS, withheldLine } from './words.js';

Object.assign(globalThis, {
  CandorFormat: Object.freeze({ formatTime, formatRecent, countOf, REASON_WORDS, withheldLine }),
});
