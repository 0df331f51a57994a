/** What the privacy portal's forms post, and what asking for a portal link or a pause link answers. */
import { z } from 'zod';
import { Channel } from './api.js';

const csrf = z.string().min(1, 'the form is missing its security field; reload the page and try again');

export const CsrfForm = z.strictObject({ csrf });
export const EraseForm = z.strictObject({
  csrf,
  confirm: z.literal('yes', { message: 'tick the box to confirm that you want your data erased' }),
});
const flagLine = z.string().trim().max(500, 'keep it under 500 characters').optional();
/** "This is wrong" on a fact: what is wrong and what it should say, both optional. */
export const FactFlagForm = z.strictObject({ csrf, wrong: flagLine, shouldSay: flagLine });
/** The customer asks for a link to be mailed to them. */
export const LinkRequestForm = z.strictObject({
  email: z.email({ message: 'expected an e-mail address such as "name@example.org"' }).max(320),
});

export const PortalLinkBody = z.strictObject({ channel: Channel.optional() });
export interface PortalLinkAnswer {
  /** The customer's address on file, masked ("d•••@example.org"): where the link went. */
  sentTo: string;
  expiresAt: string;
}

/** A one-click pause link for the agent to put in a reply (it can only stop the use of the customer's data). */
export interface PauseLinkAnswer {
  url: string;
  expiresAt: string;
}
