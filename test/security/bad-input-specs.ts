/**
 * What each route and socket event takes, for the bad-input suite: who may call it (a principal the
 * permission table allows, so the check reached is the input's), the real ids in its address, and a
 * small valid body or query with the schema the server parses it with. The suite makes these bad;
 * a route the app answers that is missing here fails the suite.
 */
import type { z } from 'zod';
import {
  ChannelBody,
  CustomerBody,
  CustomerNotesSetting,
  CustomerQuery,
  AuditQuery,
  EmptyBody,
  FactsBody,
  GrantBody,
  ImportBody,
  OptOutBody,
  OutcomeQuery,
  OutcomeSummaryQuery,
  PromptCheckBody,
  PromptGateBody,
  PromptPreviewBody,
  PromptPublishBody,
  PromptRollbackBody,
  RecordingSetting,
  RelayBody,
  TokenBody,
  WithdrawBody,
} from '../../server/protocol/api.js';
import { TicketRef } from '../../server/protocol/assist.js';
import { FactFlagQuery, FactFlagResolution } from '../../server/protocol/fact-flags.js';
import {
  NotesSettingRequest,
  PauseLinkRequest,
  TicketRequestsRequest,
  PortalLinkRequest,
  ReplyNotesRequest,
  SuggestionOutcome,
  TicketClose,
} from '../../server/protocol/events.js';
import { AdapterMiss } from '../../server/protocol/adapters.js';
import { InsightsQuery } from '../../server/protocol/insights.js';
import { CoachQuery, FlagOutcome, ReplyCheckRequest } from '../../server/protocol/coach.js';
import { BreachBody } from '../../server/protocol/breach.js';
import { PrivacyRequestQuery, RequestOptOut, RequestRefusal } from '../../server/protocol/requests.js';
import { CsrfForm, EraseForm, FactFlagForm, LinkRequestForm, PortalLinkBody } from '../../server/protocol/portal.js';
import { TaughtAdapterBody, TaughtApproveBody, TaughtQuery, TaughtRollbackBody } from '../../server/protocol/taught.js';
import { ArticleBody, ArticleImportBody } from '../../server/protocol/articles.js';
import type { PANEL_EVENTS } from '../../server/permissions/table.js';
import type { Json, JsonPath } from './mutations.js';

export type Caller = 'anyone' | 'agent' | 'lead' | 'admin' | 'privacy' | 'portal';

export interface Input {
  schema: z.ZodType;
  valid: Json;
  /** Beyond the schema, what makes the server accept it (a form's CSRF field must be the session's). */
  accepted?: (input: unknown) => boolean;
}

export interface RouteSpec {
  as: Caller;
  /** Real values for the route's `:params`. */
  params?: Record<string, string>;
  /** A JSON body (`/api/v1`) or a urlencoded form (`/portal`). */
  body?: Input & { form?: true };
  query?: Input;
  /** Headers beside the caller's credentials (the pause page's cookie, which its form field is bound to). */
  headers?: Record<string, string>;
  /** Timestamps that must not lie in the future (consents imported with their dates). */
  noFuture?: JsonPath[];
  /** A param naming what the request creates: any well-formed value is a valid one there. */
  creates?: string;
}

/** The real things the routes act on, found once the server runs. */
export interface Ids {
  spareToken: string;
  recording: string;
  template: string;
  templateSource: string;
  gateSession: string;
  csrf: string;
  suggestion: string;
  /** Dana's pause link's token, and what its page gave one browser: the cookie and the form field. */
  pause: { token: string; cookie: string; csrf: string };
}

const consent = {
  id: 'k2',
  purpose: 'essential.service.operations.support',
  categories: ['user.behavior.purchase_history'],
  status: 'granted',
  source: 'chat',
};
const dana = { customerId: 'c_dana' };

export function routeSpecs(ids: Ids): Record<string, RouteSpec> {
  const form = (schema: z.ZodType, valid: Record<string, string>) => ({
    schema,
    valid,
    form: true as const,
    accepted: (v: unknown) => (v as { csrf?: unknown }).csrf === ids.csrf,
  });
  const csrf = form(CsrfForm, { csrf: ids.csrf });
  const template = { id: ids.template };
  return {
    'GET /healthz': { as: 'anyone' },
    'GET /favicon.ico': { as: 'anyone' },
    'GET /favicon.svg': { as: 'anyone' },
    'GET /admin/prompts': { as: 'anyone' },
    'GET /admin/audit': { as: 'anyone' },
    'GET /admin/adapters': { as: 'anyone' },
    'GET /api/v1/adapters/health': { as: 'lead' },
    'GET /api/v1/coach/summary': { as: 'lead', query: { schema: CoachQuery, valid: { period: '7d' } } },
    'GET /admin/coach': { as: 'anyone' },
    'GET /admin/taught': { as: 'anyone' },
    'GET /admin/insights': { as: 'anyone' },
    'GET /api/v1/insights': {
      as: 'lead',
      query: {
        schema: InsightsQuery,
        valid: { from: '2026-01-01', until: '2026-03-31', bucket: 'week', format: 'json' },
      },
    },
    'GET /admin/breach': { as: 'anyone' },
    'GET /admin/requests': { as: 'anyone' },
    'GET /admin/articles': { as: 'anyone' },
    'GET /api/v1/privacy-requests': {
      as: 'privacy',
      query: { schema: PrivacyRequestQuery, valid: { status: 'open', overdue: 'true' } },
    },
    'GET /portal/l/:token': { as: 'anyone', params: { token: 'no-such-link' } },
    'GET /portal/start': { as: 'anyone' },
    'POST /portal/start': {
      as: 'anyone',
      body: { schema: LinkRequestForm, valid: { email: 'dana@example.org' }, form: true },
    },
    'GET /portal/pause/:token': { as: 'anyone', params: { token: ids.pause.token } },
    'POST /portal/pause/:token': {
      as: 'anyone',
      params: { token: ids.pause.token },
      headers: { cookie: ids.pause.cookie },
      body: {
        schema: CsrfForm,
        valid: { csrf: ids.pause.csrf },
        form: true,
        accepted: (v) => (v as { csrf?: unknown }).csrf === ids.pause.csrf,
      },
    },
    'GET /portal': { as: 'portal' },
    'POST /portal/consents/:consentId/withdraw': { as: 'portal', params: { consentId: 'k1' }, body: csrf },
    'POST /portal/consents/:consentId/grant': { as: 'portal', params: { consentId: 'k1' }, body: csrf },
    'POST /portal/opt-out': { as: 'portal', body: csrf },
    'POST /portal/opt-in': { as: 'portal', body: csrf },
    'GET /portal/export': { as: 'portal' },
    'GET /portal/receipts/:receiptId': { as: 'portal', params: { receiptId: 'no-such-receipt' } },
    'GET /portal/erase': { as: 'portal' },
    'POST /portal/erase': { as: 'portal', body: form(EraseForm, { csrf: ids.csrf, confirm: 'yes' }) },
    'POST /portal/sign-out': { as: 'portal', body: csrf },
    'POST /portal/facts/:factId/flag': {
      as: 'portal',
      params: { factId: 'f2' },
      body: form(FactFlagForm, { csrf: ids.csrf, wrong: 'not my address', shouldSay: '' }),
    },
    'POST /portal/facts/:factId/unflag': { as: 'portal', params: { factId: 'f2' }, body: csrf },
    'GET /': { as: 'anyone' },
    'GET /demo': { as: 'anyone' },
    'GET /demo/panel/': { as: 'anyone' },
    'GET /demo/panel/panel.css': { as: 'anyone' },
    'GET /demo/panel/panel.js': { as: 'anyone' },
    'GET /demo/api/tickets': { as: 'anyone' },
    'GET /demo/api/tickets/:id': { as: 'anyone', params: { id: 'no-such-ticket' } },
    'GET /demo/outbox': { as: 'anyone' },
    'GET /api/v1/me': { as: 'agent' },
    'PUT /api/v1/customers/:customerId': {
      as: 'admin',
      params: dana,
      creates: 'customerId',
      body: { schema: CustomerBody, valid: { displayName: 'Dana K.', email: 'dana@example.org' } },
    },
    'GET /api/v1/customers': { as: 'agent', query: { schema: CustomerQuery, valid: { email: 'dana@example.org' } } },
    'GET /api/v1/customers/:customerId': { as: 'agent', params: dana },
    'POST /api/v1/customers/:customerId/opt-out': {
      as: 'agent',
      params: dana,
      body: { schema: OptOutBody, valid: { signal: 'gpc', channel: 'chat', ticketId: 'T-1' } },
    },
    'POST /api/v1/customers/:customerId/opt-in': {
      as: 'agent',
      params: dana,
      body: { schema: RelayBody, valid: { channel: 'chat', ticketId: 'T-1' } },
    },
    'POST /api/v1/customers/:customerId/erase': {
      as: 'admin',
      params: dana,
      body: { schema: ChannelBody, valid: { channel: 'email' } },
    },
    'POST /api/v1/customers/:customerId/facts': {
      as: 'admin',
      params: dana,
      body: {
        schema: FactsBody,
        valid: {
          facts: [
            {
              id: 'f3',
              category: 'user.behavior.purchase_history',
              text: 'Kettle, order #1077',
              value: { order: '1077' },
              source: 'orders',
              collectedAt: '2026-11-20T10:00:00Z',
            },
          ],
        },
      },
    },
    'GET /api/v1/customers/:customerId/facts': { as: 'admin', params: dana },
    'POST /api/v1/customers/:customerId/facts/:factId/erase': {
      as: 'agent',
      params: { ...dana, factId: 'f1' },
      body: { schema: ChannelBody, valid: { channel: 'chat' } },
    },
    'POST /api/v1/customers/:customerId/consents': {
      as: 'agent',
      params: dana,
      body: {
        schema: GrantBody,
        valid: { consent: { ...consent, expiresAt: '2099-01-01T00:00:00Z' }, channel: 'chat', ticketId: 'T-1' },
      },
    },
    'POST /api/v1/customers/:customerId/consents/import': {
      as: 'admin',
      params: dana,
      body: {
        schema: ImportBody,
        valid: { system: 'the old shop', consents: [{ ...consent, id: 'k9', at: '2026-03-01T00:00:00Z' }] },
      },
      noFuture: [['consents', 0, 'at']],
    },
    'POST /api/v1/customers/:customerId/consents/:consentId/withdraw': {
      as: 'agent',
      params: { ...dana, consentId: 'k1' },
      body: { schema: WithdrawBody, valid: { channel: 'chat', ticketId: 'T-1' } },
    },
    'GET /api/v1/customers/:customerId/consents': { as: 'lead', params: dana },
    'POST /api/v1/assist': {
      as: 'agent',
      body: {
        schema: TicketRef,
        valid: {
          ticketId: 'T-1',
          customerId: 'c_dana',
          conversation: [{ role: 'customer', text: 'My blender stopped.', at: '2026-11-20T10:00:00Z' }],
          agentName: 'Sam',
        },
      },
    },
    'GET /api/v1/model-calls/:seq': { as: 'agent', params: { seq: '1' } },
    'POST /api/v1/tokens': {
      as: 'lead',
      body: { schema: TokenBody, valid: { name: 'another agent', role: 'agent', team: 'Billing' } },
    },
    'GET /api/v1/tokens': { as: 'lead' },
    'POST /api/v1/privacy-requests/:requestId/refusal': {
      as: 'lead',
      params: { requestId: 'req_none' },
      body: { schema: RequestRefusal, valid: { reason: 'The customer asked about an order, not their data.' } },
    },
    'GET /api/v1/fact-flags': {
      as: 'admin',
      query: { schema: FactFlagQuery, valid: { status: 'open', requestId: 'req_none' } },
    },
    'POST /api/v1/fact-flags/:flagId/resolution': {
      as: 'admin',
      params: { flagId: 'flag_none' },
      body: { schema: FactFlagResolution, valid: { resolution: 'corrected', text: 'Lives at Hauptstraße 5' } },
    },
    'POST /api/v1/breach-reports': {
      as: 'privacy',
      body: { schema: BreachBody, valid: { tokenId: ids.spareToken, from: '2026-01-01T00:00:00Z' } },
      noFuture: [['from'], ['until']],
    },
    'POST /api/v1/tokens/:tokenId/revoke': {
      as: 'lead',
      params: { tokenId: ids.spareToken },
      body: { schema: EmptyBody, valid: {} },
    },
    'GET /api/v1/audit': {
      as: 'lead',
      query: {
        schema: AuditQuery,
        valid: {
          customerId: 'c_dana',
          actor: 'customer',
          kind: 'consent.granted',
          since: '2026-01-01T00:00:00Z',
          until: '2026-12-31T00:00:00Z',
          limit: '10',
        },
      },
    },
    'GET /api/v1/audit/verify': { as: 'lead' },
    'GET /api/v1/outcomes': {
      as: 'lead',
      query: {
        schema: OutcomeQuery,
        valid: { templateId: ids.template, since: '2026-01-01T00:00:00Z', until: '2026-12-31T00:00:00Z', limit: '10' },
      },
    },
    'GET /api/v1/prompts': { as: 'lead' },
    'GET /api/v1/prompts/sessions': { as: 'lead' },
    'POST /api/v1/prompts/check': {
      as: 'lead',
      body: { schema: PromptCheckBody, valid: { id: ids.template, source: ids.templateSource } },
    },
    'POST /api/v1/prompts/export': { as: 'lead', body: { schema: EmptyBody, valid: {} } },
    'POST /api/v1/prompts/import': { as: 'lead', body: { schema: EmptyBody, valid: {} } },
    'GET /api/v1/prompts/:id': { as: 'lead', params: template },
    'POST /api/v1/prompts/:id/preview': {
      as: 'lead',
      params: template,
      body: { schema: PromptPreviewBody, valid: { source: ids.templateSource, sessionId: ids.gateSession } },
    },
    'POST /api/v1/prompts/:id/gate': {
      as: 'lead',
      params: template,
      body: { schema: PromptGateBody, valid: { source: ids.templateSource } },
    },
    'POST /api/v1/prompts/:id/versions': {
      as: 'lead',
      params: template,
      body: {
        schema: PromptPublishBody,
        valid: { source: ids.templateSource, message: 'a tweak', acceptDifferences: true },
      },
    },
    'POST /api/v1/prompts/:id/rollback': {
      as: 'lead',
      params: template,
      body: { schema: PromptRollbackBody, valid: { version: 1, message: 'back to the first' } },
    },
    'GET /api/v1/outcomes/summary': {
      as: 'lead',
      query: { schema: OutcomeSummaryQuery, valid: { templateId: ids.template } },
    },
    'GET /api/v1/settings/recording': { as: 'lead' },
    'PUT /api/v1/settings/recording': { as: 'lead', body: { schema: RecordingSetting, valid: { enabled: true } } },
    'GET /api/v1/settings/customer-notes': { as: 'agent' },
    'PUT /api/v1/settings/customer-notes': {
      as: 'lead',
      body: { schema: CustomerNotesSetting, valid: { mode: 'on' } },
    },
    'GET /api/v1/recordings': { as: 'lead' },
    'GET /api/v1/recordings/:id': { as: 'lead', params: { id: ids.recording } },
    'POST /api/v1/recordings/:id/add-to-gate': {
      as: 'lead',
      params: { id: ids.recording },
      body: { schema: EmptyBody, valid: {} },
    },
    'POST /api/v1/taught-adapters': {
      as: 'agent',
      body: {
        schema: TaughtAdapterBody,
        valid: {
          site: 'https://desk.example.com',
          name: 'Our desk',
          selectors: {
            app: 'body',
            ticket: '#ticket',
            requesterEmail: '[data-field="email"]',
            message: '#thread > li',
            messageText: '.text',
            fromCustomer: '[data-from="customer"]',
            notConversation: '.note',
            editor: 'textarea#reply',
          },
          noInternalNotes: false,
        },
      },
    },
    'GET /api/v1/taught-adapters': {
      as: 'agent',
      query: { schema: TaughtQuery, valid: { site: 'https://desk.example.com' } },
    },
    'GET /api/v1/taught-adapters/review': { as: 'lead' },
    'POST /api/v1/taught-adapters/approve': { as: 'admin', body: { schema: TaughtApproveBody, valid: { draftId: 1 } } },
    'POST /api/v1/taught-adapters/rollback': {
      as: 'admin',
      body: { schema: TaughtRollbackBody, valid: { site: 'https://desk.example.com', version: 1 } },
    },
    'POST /api/v1/customers/:customerId/portal-links': {
      as: 'agent',
      params: dana,
      body: { schema: PortalLinkBody, valid: { channel: 'chat' } },
    },
    'GET /api/v1/articles': { as: 'agent' },
    'GET /api/v1/articles/stats': { as: 'lead' },
    'PUT /api/v1/articles/:id': {
      as: 'lead',
      params: { id: 'returns-policy' },
      creates: 'id',
      body: { schema: ArticleBody, valid: article },
    },
    'DELETE /api/v1/articles/:id': { as: 'lead', params: { id: 'no-such-article' } },
    'POST /api/v1/articles/import': {
      as: 'admin',
      body: {
        schema: ArticleImportBody,
        valid: { articles: [{ id: 'returns-policy', ...article }], retireOthers: false },
      },
    },
  };
}

/** A help-centre article's body, as `PUT /articles/:id` takes it. */
const article = {
  title: 'Returning an item',
  visibility: 'public',
  updated: '2026-10-01',
  locale: 'en',
  tags: ['returns'],
  body: 'You can send any item back within 45 days of delivery.',
};

export type PanelEvent = keyof typeof PANEL_EVENTS;

/** Each panel event's valid payload, on a panel (an agent's) with ticket T-1 open and a suggestion shown. */
export function eventSpecs(ids: Ids): Record<PanelEvent, Input> {
  return {
    'ticket:open': {
      schema: TicketRef,
      valid: {
        ticketId: 'T-2',
        customerId: 'c_dana',
        conversation: [{ role: 'customer', text: 'Is my order on its way?', at: '2026-11-20T10:00:00Z' }],
        agentName: 'Sam',
      },
    },
    'ticket:close': { schema: TicketClose, valid: { ticketId: 'T-1' } },
    'suggestion:outcome': {
      schema: SuggestionOutcome,
      valid: {
        ticketId: 'T-1',
        suggestionId: ids.suggestion,
        action: 'rated',
        rating: 'up',
        reason: 'it named the order',
      },
    },
    'portal:link': { schema: PortalLinkRequest, valid: { ticketId: 'T-1' } },
    'pause:link': { schema: PauseLinkRequest, valid: { ticketId: 'T-1' } },
    'ticket:requests': { schema: TicketRequestsRequest, valid: { ticketId: 'T-1' } },
    'request:opt-out': { schema: RequestOptOut, valid: { ticketId: 'T-1', requestId: 'req_nothing' } },
    'adapter:miss': { schema: AdapterMiss, valid: { adapter: 'helpscout', field: 'conversation' } },
    'notes:setting': { schema: NotesSettingRequest, valid: {} },
    'reply:notes': { schema: ReplyNotesRequest, valid: { ticketId: 'T-1', suggestionId: ids.suggestion } },
    'reply:check': {
      schema: ReplyCheckRequest,
      valid: { ticketId: 'T-1', text: 'Your Blender Pro 3000 is on its way.' },
    },
    'reply:flag': { schema: FlagOutcome, valid: { ticketId: 'T-1', flagId: 'f0f0f0f0f0f0f0f0', action: 'applied' } },
  };
}
