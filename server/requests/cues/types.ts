import type { RequestKind } from '../../protocol/requests.js';

/** One language's cues: for each kind, the patterns whose match is the evidence of a request. */
export type Cues = Record<RequestKind, RegExp[]>;
