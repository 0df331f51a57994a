/** Facts a customer flagged as wrong, as an admin lists them, and how the admin resolves one. */
import { z } from 'zod';
import { Fact } from './domain.js';

const reasonText = z.string().trim().min(1, 'expected a reason the customer will be told').max(2000);

/**
 * `POST /api/v1/fact-flags/:flagId/resolution`. `corrected` gives the new text, the new value or both (a value as
 * facts accept it; null removes it); `removed` erases the fact; `kept` refuses, with the reason told to the customer.
 * `closeRequest` also closes a correction asked in a ticket once its last flag is resolved (one opened by flags alone
 * closes then anyway).
 */
export const FactFlagResolution = z.discriminatedUnion('resolution', [
  z
    .strictObject({
      resolution: z.literal('corrected'),
      text: Fact.shape.text.optional(),
      value: Fact.shape.value,
      closeRequest: z.boolean().optional(),
    })
    .refine((b) => b.text !== undefined || b.value !== undefined, {
      message: 'expected the corrected text, value or both',
      path: ['text'],
    }),
  z.strictObject({ resolution: z.literal('removed'), closeRequest: z.boolean().optional() }),
  z.strictObject({ resolution: z.literal('kept'), reason: reasonText, closeRequest: z.boolean().optional() }),
]);
export type FactFlagResolution = z.infer<typeof FactFlagResolution>;
export type Resolution = FactFlagResolution['resolution'];

/** `GET /api/v1/fact-flags?status=open&requestId=…`: open flags, or those an admin resolved. */
export const FactFlagQuery = z.strictObject({
  status: z.enum(['open', 'closed']).default('open'),
  requestId: z.string().min(1).max(100).optional(),
});
export type FactFlagQuery = z.infer<typeof FactFlagQuery>;

/** A flag as an admin sees it: the customer's name, the fact as it stands now, and the customer's note. */
export interface FactFlagView {
  id: string;
  customerId: string;
  customerName: string;
  requestId: string;
  flaggedAt: string;
  note: { wrong: string; shouldSay: string } | null;
  /** The fact now: after a correction its new text, after a removal only its category. */
  fact: { id: string; category: string; text: string; value: unknown; erased: boolean };
  closedAt: string | null;
  /** Null while open, or when the flag closed with the customer's erasure. */
  resolution: Resolution | null;
  /** Why the fact was kept as it is, as the customer is told. */
  reason: string | null;
}

/** A flag as the API answers it: with the fact's category in words ("street address"), which is what a page shows. */
export type FactFlagItem = FactFlagView & { categoryName: string };
