/** What the privacy portal's forms post, and what `POST /customers/:id/portal-links` answers. */
import { z } from 'zod';

const csrf = z.string().min(1, 'the form is missing its security field; reload the page and try again');

export const ConsentForm = z.strictObject({ csrf, action: z.enum(['withdraw', 'grant']) });
export const OptOutForm = z.strictObject({ csrf, action: z.enum(['out', 'in']) });
export const EraseForm = z.strictObject({ csrf, confirm: z.literal('yes', { message: 'tick the box to confirm that you want your data erased' }) });
export const SignOutForm = z.strictObject({ csrf });

export const PortalLinkBody = z.strictObject({ channel: z.string().min(1).max(50).optional() });
export interface PortalLinkAnswer {
  url: string;
  expiresAt: string;
}
