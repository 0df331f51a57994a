/**
 * A privacy request in words, for the admin page: what the customer asked, and its status.
 * Imports nothing of Candor's at run time, so the pages bundle it.
 */
import type { RequestKind, RequestLang, RequestStatus } from '../protocol/requests.js';

/** `name` for lists, `asked` after the customer's name. */
export const KIND_WORDS: Record<RequestKind, { name: string; asked: string }> = {
  access: { name: 'Access', asked: 'asks to see or get a copy of their data' },
  erasure: { name: 'Erasure', asked: 'asks for their data to be erased' },
  rectification: { name: 'Correction', asked: 'says some of their data is wrong and asks for it to be corrected' },
  opt_out: { name: 'Opt-out', asked: 'asks to stop the use of their data for personalisation or marketing' },
};

export const LANG_WORDS: Record<RequestLang, string> = {
  en: 'English',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  nl: 'Dutch',
};

export const STATUS_WORDS: Record<RequestStatus, string> = { open: 'Open', fulfilled: 'Fulfilled', refused: 'Refused' };
