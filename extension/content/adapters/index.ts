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

/**
 * `taught`: the adapter an agent taught for this site (issue 17), tried first; `off`: built-in adapters the agent
 * switched off in Options.
 */
export const pickAdapter = (
  doc: Document,
  { taught = null, off = [] }: { taught?: HelpdeskAdapter | null; off?: readonly string[] } = {},
): HelpdeskAdapter | null =>
  (taught?.detect(doc) ? taught : null) ?? ADAPTERS.find((a) => !off.includes(a.id) && a.detect(doc)) ?? null;
