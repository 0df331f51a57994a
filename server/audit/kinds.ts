/**
 * The kinds of audit entry. A module of its own, importing nothing, so the lead's audit page can bundle it for the
 * browser.
 */
export const AUDIT_KINDS = [
  'context.viewed',
  'suggestions.shown',
  'model.called',
  'consent.granted',
  'consent.withdrawn',
  'customer.upserted',
  'customer.opted_out',
  'customer.opted_in',
  'customer.gpc',
  'facts.ingested',
  'fact.erased',
  'token.created',
  'template.published',
  'settings.changed',
  'token.revoked',
  'customer.erased',
  'portal.link_created',
  'portal.opened',
  'adapter.submitted',
  'adapter.approved',
  'adapter.rolled_back',
  'reply.checked',
  'breach.reported',
  'audit.checkpoint',
  'retention.applied',
  'article.updated',
  'article.retired',
  'privacy_request.received',
  'privacy_request.fulfilled',
  'privacy_request.refused',
  'fact.flagged',
  'fact.flag_withdrawn',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
