/** English cues. Each pairs an act with personal data, so "delete the duplicate order" asks for nothing. */
import { APOS, cue, fill, near } from './cue.js';
import type { Cues } from './types.js';

const DATA = '(?:(?:personal|account)\\s+)?(?:data|information|info|details|records)';
const FILL = fill('all|of|my|the|any|every|bit|your|personal|stored|customer|other|remaining');
const DONT = `(?:don${APOS}t|do\\s+not)`;
const FACT =
  '(?:name|surname|birth\\s+year|year\\s+of\\s+birth|first\\s+name|last\\s+name|date\\s+of\\s+birth|birthday|postcode|zip\\s+code|phone\\s+number|' +
  'e-?mail\\s+address|details|data|information|records|profile)';
const WRONG =
  '(?:wrong|incorrect|inaccurate|not\\s+accurate|out\\s+of\\s+date|misspel(?:led|t)|spel(?:led|t)\\s+wrong|typo)';
const OBJECTS = '(?:order|delivery|payment|card|shipping|invoice|tracking|bank|parcel|package|label)';
const NOT_OURS = `(?<!${OBJECTS}\\s+)`;

export const en: Cues = {
  access: [
    cue(`(?:copy|export|download|port)\\s+(?:of\\s+)?${FILL}${DATA}`),
    cue('what\\s+(?:personal\\s+)?(?:data|information|details)\\b[^.?!]{0,60}?(?:about|on|for|of)\\s+me'),
    cue(`subject\\s+access|(?:request|right\\s+of)\\s+access\\s+to\\s+${FILL}${DATA}`),
    cue(
      'what(?:ever)?\\b[^.?!]{0,40}?(?:collected|gathered|stored|hold|keep|have|process(?:ed)?)\\s+(?:on|about)\\s+me',
    ),
    cue(`everything\\s+you(?:${APOS}ve|\\s+have)?\\s+(?:got|hold|have|keep)\\s+(?:on|about)\\s+me`),
  ],
  erasure: [
    cue(`(?:delete|erase|remove|wipe|purge|get\\s+rid\\s+of)\\s+${FILL}(?:${DATA}|account|profile|everything)`),
    cue(`(?:${DATA}|account)\\s+(?:(?:has|have|to)\\s+)?(?:been\\s+|be\\s+)?(?:deleted|erased|removed|wiped)`),
    cue('forget\\s+me|right\\s+to\\s+(?:be\\s+forgotten|erasure)|erasure\\s+request'),
  ],
  rectification: [
    cue(`(?:correct|fix|rectify|update|amend)\\s+${FILL}${FACT}`),
    cue(`${NOT_OURS}${FACT}${near(40, OBJECTS)}${WRONG}`),
  ],
  opt_out: [
    cue(`withdraw\\s+(?:my\\s+)?consent|${DONT}\\s+consent\\s+to|opt(?:\\s+me)?[\\s-]+out|unsubscribe`),
    cue('stop\\s+(?:using|processing)\\s+my\\s+(?:personal\\s+)?(?:data|information)'),
    cue(
      `(?:stop|${DONT}|no\\s+more)\\s+(?:all\\s+)?(?:sending\\s+(?:me\\s+)?)?(?:any\\s+more\\s+)?` +
        '(?:marketing|newsletters?|promotional|adverts|advertising)',
    ),
    cue(`${DONT}\\s+want\\b[^.!?]{0,50}?(?:profiling|target(?:ing)?\\s+ads|personali[sz]ed|marketing|advertising)`),
    cue(`${DONT}\\s+(?:sell|share)|object\\s+to\\s+[^.!?]{0,40}?(?:profiling|marketing|processing)`),
    cue(
      '(?:remove|take)\\s+me\\s+(?:off|from)\\s+(?:all\\s+)?(?:of\\s+)?(?:your\\s+)?(?:mailing\\s+|marketing\\s+|e-?mail\\s+)?lists?',
    ),
  ],
};
