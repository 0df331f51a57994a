/**
 * REST request bodies (`/api/v1`). Size caps are documented in the README; keys are checked against the taxonomy after
 * parsing.
 */
import { z } from 'zod';
import { Consent, Fact, Role, TeamName, TicketId, Timestamp } from './domain.js';

export const Channel = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,31}$/, { message: 'expected a short channel name such as "chat", "email" or "api"' });

export const CustomerBody = z.strictObject({
  displayName: z.string().min(1).max(200),
  email: z.email().max(320).optional(),
});

export const FactsBody = z.strictObject({ facts: z.array(Fact).min(1).max(10_000) });

/**
 * A change relayed on the customer's behalf: through which channel, and the ticket in which they
 * said so. An agent must name the ticket when the change widens what agents see (a grant, an opt-in).
 */
const Relay = { channel: Channel.optional(), ticketId: TicketId.optional() };

/** A grant takes effect when it is recorded, at the server's clock: it has no `at` of its own. */
export const GrantedConsent = Consent.omit({ at: true }).extend({
  at: z
    .never({
      error:
        "a consent takes effect when it is recorded, at the server's clock; to " +
        'bring over consents given earlier, import them (POST ' +
        '/customers/:customerId/consents/import)',
    })
    .optional(),
});
export type GrantedConsent = z.infer<typeof GrantedConsent>;
export const GrantBody = z.strictObject({ consent: GrantedConsent, ...Relay });

/** Consents given earlier in another system, with their own dates (none in the future). */
export const ImportBody = z.strictObject({
  /** The system they come from, as the customer will read it ("the web shop's checkout"). */
  system: z.string().trim().min(1).max(100),
  consents: z.array(Consent).min(1).max(1000),
});

/** A withdrawal always takes effect now. */
export const WithdrawBody = z.strictObject({
  ...Relay,
  at: z
    .never({ error: "a withdrawal takes effect when it is recorded, at the server's clock; send no time" })
    .optional(),
});

export const OptOutBody = z.strictObject({ signal: z.enum(['opt_out', 'gpc']).default('opt_out'), ...Relay });

export const RelayBody = z.strictObject(Relay);
/**
 * A POST that takes nothing (a revocation, an export): a body, if sent, must be empty, so a field the sender meant is
 * never silently dropped.
 */
export const EmptyBody = z.strictObject({});
export const ChannelBody = z.strictObject({ channel: Channel.optional() });

/** `GET /customers?email=`: find a customer by address. */
export const CustomerQuery = z.strictObject({ email: CustomerBody.shape.email.unwrap() });

export const TokenBody = z.strictObject({ name: z.string().min(1).max(100), role: Role, team: TeamName.optional() });

export const AuditQuery = z.strictObject({
  customerId: z.string().optional(),
  actor: z.string().optional(),
  kind: z.string().optional(),
  since: Timestamp.optional(),
  until: Timestamp.optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

export const OutcomeQuery = z.strictObject({
  templateId: z.string().optional(),
  since: Timestamp.optional(),
  until: Timestamp.optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/** `GET /model-calls/:seq`: what a model was sent, masked, exactly as sent ("what the AI saw"). */
export const ModelCallView = z.object({
  seq: z.number().int(),
  at: z.string(),
  ticketId: z.string(),
  model: z.string(),
  templates: z.array(z.object({ id: z.string(), version: z.number().int() })),
  messages: z.array(z.object({ role: z.enum(['system', 'user']), content: z.string() })),
  factIds: z.array(z.string()),
  consentIds: z.array(z.string()),
});
export type ModelCallView = z.infer<typeof ModelCallView>;

// ---- templates (the lead's editor, server/http/routes/prompts.ts) ----

const TemplateSource = z.string().min(1).max(100_000);
const TemplateId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { message: 'expected a template id such as "offline.fact.purchase"' });

export const PromptCheckBody = z.strictObject({ id: TemplateId, source: TemplateSource });
export const PromptPreviewBody = z.strictObject({ source: TemplateSource, sessionId: z.string().min(1).max(200) });
export const PromptGateBody = z.strictObject({ source: TemplateSource });
export const PromptPublishBody = z.strictObject({
  source: TemplateSource,
  message: z.string().trim().min(1, { message: 'say what changed' }).max(500),
  /** The lead saw the changed suggestions and accepts them. */
  acceptDifferences: z.boolean().default(false),
});
export const PromptRollbackBody = z.strictObject({
  version: z.number().int().min(1),
  message: z.string().trim().min(1).max(500).optional(),
});
export const OutcomeSummaryQuery = z.strictObject({ templateId: TemplateId });

// ---- recorded sessions (server/http/routes/recordings.ts) ----

/**
 * Notes for the customer after a reply that used their data (`GET/PUT /settings/customer-notes`): `off`, not offered;
 * `ask`, the agent ticks them per reply; `on`, ticked unless the agent unticks them for a reply.
 */
export const CustomerNotesSetting = z.strictObject({ mode: z.enum(['off', 'ask', 'on']) });
export type CustomerNotesSetting = z.infer<typeof CustomerNotesSetting>;

export const RecordingSetting = z.strictObject({ enabled: z.boolean() });
export type RecordingSetting = z.infer<typeof RecordingSetting>;
/** `rec-<yyyymmdd>-<6 hex>`: also what keeps a route from naming a file outside the recordings folder. */
export const RecordingId = z
  .string()
  .regex(/^rec-\d{8}-[0-9a-f]{6}$/, { message: 'expected a recording id such as "rec-20261123-3fa9c1"' });
