/**
 * The register of who customers' data goes to (`CANDOR_RECIPIENTS`, JSON): the organisation states each recipient
 * once, and the portal, the consent receipts and the export all say what it states. Validated at start, like every
 * setting, so a missing agreement or an unknown role stops the server with the entry's field named.
 */
import { z } from 'zod';

/** The GDPR roles a recipient can hold; the portal says each in words (`portal/recipients-section.ts`). */
export const RECIPIENT_ROLES = ['processor', 'controller', 'joint controller'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

const words = (max: number, example: string) =>
  z
    .string({ error: `expected words such as "${example}"` })
    .trim()
    .min(1, `expected words such as "${example}"`)
    .max(max);

export const Recipient = z.strictObject({
  name: words(200, 'Example Helpdesk Ltd'),
  role: z.enum(RECIPIENT_ROLES),
  /** What they do with the data, in plain words for customers. */
  purpose: words(500, 'Hosts our helpdesk, where your support tickets are kept'),
  /** Where they process it: a country or region. */
  where: words(200, 'Ireland (EU)'),
  /** The agreement with them (a data processing agreement, say), which customers can open. */
  agreement: z.url({
    protocol: /^https$/,
    error: 'expected an https:// URL of the agreement, such as "https://example.com/dpa"',
  }),
  /**
   * When this recipient is the model provider: the host the model engine sends prompts to ("api.openai.com"), so
   * the model calls recorded for a customer are listed under this entry.
   */
  modelHost: z.string().trim().min(1).max(260).optional(),
});
export type Recipient = z.infer<typeof Recipient>;

/** How the setting's value begins, for error messages. */
export const REGISTER_EXAMPLE = '[{"name": "…", "role": "processor", …}]';

/** Names are unique: the portal and the receipts tell recipients apart by name. */
export const RecipientRegister = z
  .array(Recipient, { error: `expected a JSON array of recipients, such as ${REGISTER_EXAMPLE}` })
  .max(100)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((r, i) => {
      const key = r.name.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'expected a name not used above' });
      seen.add(key);
    });
  });
