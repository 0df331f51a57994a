/** Every helpdesk Candor reads; the first whose markup matches the page is used. */
import type { HelpdeskAdapter } from './types.js';
import { demo } from './demo.js';
import { zendesk } from './zendesk.js';
import { freshdesk } from './freshdesk.js';
import { helpscout } from './helpscout.js';
import { intercom } from './intercom.js';
import { front } from './front.js';
import { rt } from './rt.js';

export const ADAPTERS: readonly HelpdeskAdapter[] = [demo, zendesk, freshdesk, helpscout, intercom, front, rt];

export const pickAdapter = (doc: Document): HelpdeskAdapter | null => ADAPTERS.find((a) => a.detect(doc)) ?? null;
